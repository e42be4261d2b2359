// Create a serverless cluster and wait until it is CREATED (failing fast on CREATION_FAILED).
import { connect } from './cockroach-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    const cluster = await client.createServerlessClusterAndWait({
      name: `demo-${Date.now().toString(36)}`,
      provider: 'GCP',
      regions: ['us-central1'],
      usageLimits: { requestUnitLimit: 50_000_000, storageMibLimit: 10_240 },
      wait: {
        timeoutMs: 15 * 60_000,
        onProgress: (c, { elapsedMs }) => console.log(`${c.name}: ${c.state} after ${Math.round(elapsedMs / 1000)} s`),
      },
    });
    console.log(`Cluster ${cluster.id} is ${cluster.state}; SQL host ${cluster.regions[0]?.sql_dns}`);
    return cluster.id;
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
