// Set a serverless cluster's usage limits (this replaced the old spend limit): PATCH the cluster.
import { connect } from './cockroach-client';

export async function main(): Promise<unknown> {
  const { client, close } = await connect();
  try {
    const clusterId = process.env.COCKROACH_CLUSTER_ID ?? (await client.listClusters()).clusters[0]!.id;
    const cluster = await client.setUsageLimits(clusterId, { requestUnitLimit: 100_000_000, storageMibLimit: 20_480 });
    // The API sends int64 values as strings: { request_unit_limit: '100000000', storage_mib_limit: '20480' }
    console.log(`${cluster.name}:`, cluster.config.serverless?.usage_limits);
    return cluster.config.serverless?.usage_limits;
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
