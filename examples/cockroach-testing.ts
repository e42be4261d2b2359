// Test your own code against the simulator: msw handlers, a virtual clock, seeded state and injected faults.
// In vitest, the listen/close lines go in beforeAll/afterAll and the body in an it(...).
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createCockroachCloudClient, type CockroachCloudClient } from '@x/cockroach-cloud';
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { faults, VirtualClock } from '@x/core/testing';

// The code under test: give an app its own database and SQL user.
async function provisionApp(client: CockroachCloudClient, clusterId: string, app: string) {
  await client.createDatabase({ cluster_id: clusterId, body: { name: app } });
  return client.createSqlUserWithConnectionString({ clusterId, name: app, database: app });
}

export async function main(): Promise<void> {
  const clock = new VirtualClock({ auto: true }); // waits and backoffs take no real time
  const simulator = createCockroachSimulator({ clock });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createCockroachCloudClient({ apiKey: 'test-key', clock });
    const cluster = simulator.state.seedCluster({ name: 'test-cluster' });
    // One transient failure on the connection-string call: the client retries it.
    simulator.faults.inject(faults.serverError(503), { match: /^GET \/api\/v1\/clusters\/[^/]+\/connection-string$/ });

    const credentials = await provisionApp(client, cluster.id, 'billing');

    assert.ok(simulator.state.databases.get(cluster.id)?.has('billing'));
    assert.equal(simulator.state.sqlUsers.get(cluster.id)?.get('billing')?.password, credentials.password);
    assert.match(credentials.connectionString, /^postgresql:\/\/billing:[A-Za-z0-9]{32}@.+:26257\/billing\?sslmode=verify-full$/);
    assert.equal(client.stats.retries, 1);
    console.log('provisionApp works against the simulator.');
  } finally {
    server.close();
    clock.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
