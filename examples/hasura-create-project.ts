// Create a project: created first with no env vars (creating with them fails on some plans), renamed if Hasura did
// not apply the name, given its env vars, then awaited until it answers. createTenant is never sent twice.
import { connect } from './hasura-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    const created = await client.createProject(
      {
        cloud: 'aws',
        region: 'us-east-2',
        plan: 'cloud_free',
        name: `orders-api-${Date.now().toString(36)}`,
        envVars: { HASURA_GRAPHQL_CORS_DOMAIN: 'https://shop.example.com', ACTIONS_BASE_URL: 'https://actions.example.com' },
      },
      {
        timeoutMs: 10 * 60_000,
        onProgress: (health, { elapsedMs }) => console.log(`${Math.round(elapsedMs / 1000)} s: ${health.status?.message ?? 'waiting'}`),
      },
    );
    console.log(`${created.project.name} is up at ${created.project.endpoint} (project ${created.project.id}, tenant ${created.tenantId})`);
    return created.project.id;
  } finally {
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
