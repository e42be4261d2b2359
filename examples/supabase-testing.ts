// Test your own code against the simulator: msw handlers, a virtual clock, seeded state and injected faults.
// In vitest, the listen/close lines go in beforeAll/afterAll and the body in an it(...).
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createSupabaseMgmtClient, type SupabaseMgmtClient } from '@x/supabase-mgmt';
import { createSupabaseSimulator, faults, VirtualClock } from '@x/supabase-mgmt/testing';

// The code under test: create a project, wait for it, and give its functions their secrets.
async function provision(client: SupabaseMgmtClient, organization: string, name: string) {
  const { ref } = await client.createAProject({ body: { name, organization_slug: organization, db_pass: 'a-long-password' } });
  await client.waitForProjectHealthy(ref);
  await client.bulkCreateSecrets({ ref, body: [{ name: 'APP_NAME', value: name }] });
  return ref;
}

export async function main(): Promise<void> {
  const clock = new VirtualClock({ auto: true }); // the 90 s a project takes to come up pass in milliseconds
  const simulator = createSupabaseSimulator({ clock });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createSupabaseMgmtClient({ accessToken: 'sbp_test', clock });
    // Two transient failures while polling: the client retries them.
    simulator.faults.inject(faults.serverError(503), { count: 2, match: /^GET \/v1\/projects\/[a-z]+$/ });

    const ref = await provision(client, 'acme', 'billing');

    assert.equal(simulator.state.projectStatus(simulator.state.projects.get(ref)!), 'ACTIVE_HEALTHY');
    assert.ok(simulator.state.secrets.get(ref)?.has('APP_NAME'));
    assert.equal(client.stats.retries, 2);
    console.log('provision works against the simulator.');
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
