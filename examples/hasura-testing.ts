// Test your own code against the simulator: msw handlers, a virtual clock, seeded state and injected faults.
// In vitest, the listen/close lines go in beforeAll/afterAll and the body in an it(...).
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { VirtualClock } from '@x/core/testing';
import { createHasuraCloudClient, type HasuraCloudClient, type TenantId } from '@x/hasura-cloud';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';

// The code under test: rotate a webhook secret, keeping every other env var.
async function rotateWebhookSecret(client: HasuraCloudClient, tenantId: TenantId, secret: string) {
  return client.setEnvVars(tenantId, { WEBHOOK_SECRET: secret }, { retryOnStaleHash: true });
}

export async function main(): Promise<void> {
  const clock = new VirtualClock({ auto: true }); // waits and backoffs take no real time
  const simulator = createHasuraSimulator({ clock });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createHasuraCloudClient({ accessToken: simulator.token, clock });
    const { tenantId } = simulator.state.addProject({ name: 'billing', envVars: { WEBHOOK_SECRET: 'old', OTHER: 'kept' } });
    // Someone edits the env vars between our read and our write: the write is refused as stale, then retried.
    simulator.faults.concurrentEnvEdit(tenantId, { EDITED_IN_DASHBOARD: 'yes' });

    const result = await rotateWebhookSecret(client, tenantId as TenantId, 'new-secret');

    assert.deepEqual(simulator.state.envOf(tenantId), { HASURA_GRAPHQL_ADMIN_SECRET: simulator.state.envOf(tenantId).HASURA_GRAPHQL_ADMIN_SECRET, WEBHOOK_SECRET: 'new-secret', OTHER: 'kept', EDITED_IN_DASHBOARD: 'yes' });
    assert.equal(result.attempts, 2);
    assert.equal(simulator.state.count('UpdateTenantEnv'), 2);
    console.log('rotateWebhookSecret works against the simulator.');
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
