// Test your own code against the simulator: msw handlers, a virtual clock (runs progress and tokens expire in no
// real time), seeded tenants and flows, failures forced by a label, and API_ERRORs injected from the fault queue.
// In vitest, the listen/close lines go in beforeAll/afterAll and the body in an it(...).
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { VirtualClock } from '@x/core/testing';
import { createPrefectCloudClient, isSuccessfulState, type PrefectCloudClient } from '@x/prefect-cloud';
import { createPrefectSimulator } from '@x/prefect-cloud/testing';

// The code under test: run the nightly flow once per date and report whether it succeeded.
async function runNightly(client: PrefectCloudClient, flowId: string, date: string, labels: string[] = []) {
  const { id } = await client.createFlowRun({ flowId, parameters: { date }, labels, idempotencyKey: `nightly-${date}` });
  const final = await client.waitForFlowRun(id);
  return { id, ok: isSuccessfulState(final.state) };
}

export async function main(): Promise<void> {
  const clock = new VirtualClock({ auto: true });
  const simulator = createPrefectSimulator({ clock, runDurationMs: 15 * 60_000 });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createPrefectCloudClient({ apiKey: simulator.state.defaults.apiKey, clock });
    const flowId = simulator.state.defaults.flow.id;

    // A transient API_ERROR on the create: retried (the idempotency key makes that safe), one run only.
    simulator.faults.apiError({ operation: 'CreateFlowRun' });
    const first = await runNightly(client, flowId, '2026-01-01');
    assert.equal(first.ok, true);
    assert.equal(simulator.state.flowRuns.size, 1);
    assert.equal((await runNightly(client, flowId, '2026-01-01')).id, first.id);

    // A run labelled `simulate-failure` ends Failed.
    assert.equal((await runNightly(client, flowId, '2026-01-02', ['simulate-failure'])).ok, false);
    console.log(`runNightly works against the simulator (${Math.round(clock.elapsed / 60_000)} virtual minutes).`);
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
