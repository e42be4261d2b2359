// One operation through @x/cockroach-cloud's named layer.
import { createCockroachCloudClient } from '@x/cockroach-cloud';

export async function main(): Promise<string> {
  const client = createCockroachCloudClient({ apiKey: 'ccdb_token' });
  const cluster = await client.getCluster({ cluster_id: '3f1c2b9e-8a4d-4c6e-9f10-2b7d5e8a1c34' });
  return cluster.name;
}
