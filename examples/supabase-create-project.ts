// Create a project and wait until it is ACTIVE_HEALTHY, printing its status as it comes up. The wait fails fast
// (WaitFailedError) if the project lands in a state it cannot recover from, such as INIT_FAILED.
import { randomBytes } from 'node:crypto';
import { connect } from './supabase-client';

export async function main(): Promise<string> {
  const { client, organizationSlug, close } = connect();
  try {
    const created = await client.createAProject({
      body: {
        name: `demo-${Date.now().toString(36)}`,
        organization_slug: await organizationSlug(),
        db_pass: process.env.SUPABASE_DB_PASSWORD ?? randomBytes(18).toString('base64url'),
        region_selection: { type: 'specific', code: 'eu-central-1' },
      },
    });
    console.log(`created ${created.ref} (${created.name}): ${created.status}`);

    const project = await client.waitForProjectHealthy(created.ref, {
      timeoutMs: 10 * 60_000,
      onProgress: (current, { elapsedMs }) => console.log(`  ${Math.round(elapsedMs / 1000)} s: ${current.status}`),
    });
    console.log(`${project.ref} is ${project.status}; database at ${project.database.host}`);
    return project.status;
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
