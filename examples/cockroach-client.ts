// Authenticate: a service account API key from COCKROACH_API_KEY (or the `apiKey` option). Without one, this file
// starts the package's simulator on a virtual clock instead, so every cockroach-*.ts example runs anywhere.
import { createCockroachCloudClient, type CockroachCloudClient } from '@x/cockroach-cloud';
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { VirtualClock } from '@x/core/testing';
import { setupServer } from 'msw/node';

export interface Connection {
  client: CockroachCloudClient;
  simulated: boolean;
  close(): void;
}

export async function connect(): Promise<Connection> {
  if (process.env.COCKROACH_API_KEY) {
    // Reads COCKROACH_API_KEY (and COCKROACH_SERVER when set); sends `Cc-Version: 2024-09-16` on every request.
    const client = createCockroachCloudClient();
    return { client, simulated: false, close: () => undefined };
  }
  const clock = new VirtualClock({ auto: true });
  const simulator = createCockroachSimulator({ clock });
  for (const name of ['orders-prod', 'orders-staging', 'analytics']) simulator.state.seedCluster({ name });
  simulator.state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CREATE_CLUSTER', cluster_name: 'orders-prod' });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const client = createCockroachCloudClient({ apiKey: 'simulated-key', clock });
  return {
    client,
    simulated: true,
    close: () => {
      server.close();
      clock.stop();
    },
  };
}

export async function main(): Promise<number> {
  const { client, simulated, close } = await connect();
  try {
    const { clusters } = await client.listClusters();
    console.log(`${simulated ? 'Simulated' : 'Live'} organization, API version ${client.apiVersion}: ${clusters.length} cluster(s) on the first page.`);
    return clusters.length;
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
