// Shared plumbing: a fresh simulator on a virtual clock per test behind one msw server per file, clients wired to
// it, and a logger that keeps every line.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { createPrefectCloudClient, type PrefectCloudClient, type PrefectCloudClientOptions } from '../src/index';
import { createPrefectSimulator, VirtualClock, type PrefectSimulator, type PrefectSimulatorConfig } from '../src/testing/index';

/** A fresh simulator for every test of the file; `client()` makes a client on the same virtual clock. */
export function useSimulator(config: () => PrefectSimulatorConfig = () => ({})) {
  const server = setupServer();
  let sim: PrefectSimulator | undefined;
  let clock: VirtualClock | undefined;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    // Nothing from the machine running the tests may pick a credential or tenant.
    for (const name of ['PREFECT__CLOUD__API_KEY', 'PREFECT__CLOUD__TENANT_ID', 'PREFECT__CLOUD__API']) vi.stubEnv(name, '');
    clock = new VirtualClock({ auto: true });
    sim = createPrefectSimulator({ clock, ...config() });
    server.use(...sim.handlers);
  });
  afterEach(() => {
    clock?.stop();
    server.resetHandlers();
    vi.unstubAllEnvs();
  });
  afterAll(() => server.close());
  return {
    server,
    get sim(): PrefectSimulator {
      return sim!;
    },
    get clock(): VirtualClock {
      return clock!;
    },
    /** A client on the simulator's clock, with marvin's API key unless told otherwise. */
    client(options: PrefectCloudClientOptions = {}): PrefectCloudClient {
      const credential = options.apiKey || options.apiToken ? {} : { apiKey: sim!.state.defaults.apiKey };
      return createPrefectCloudClient({ clock, logLevel: 'off', ...credential, ...options });
    },
  };
}

export { captureLogger, type LogLine } from '@x/core/testing';

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}
