// Shared plumbing: an msw server answering from a fresh simulator per test, a client on the same virtual clock,
// and a logger that keeps every line (for "no secret in any log" assertions).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { VirtualClock } from '@x/core/testing';
import { createHasuraCloudClient, type HasuraCloudClientOptions } from '../src';
import { createHasuraSimulator, type HasuraSimulatorOptions } from '../src/testing';

/** Registers an msw server for the file; `start()` gives each test its own simulator, client and virtual clock. */
export function useSimulator() {
  const server = setupServer();
  const clocks: VirtualClock[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    for (const clock of clocks.splice(0)) clock.stop();
  });
  afterAll(() => server.close());

  function start(options: { sim?: HasuraSimulatorOptions; client?: HasuraCloudClientOptions } = {}) {
    const clock = new VirtualClock({ auto: true, idleTurns: 10 });
    clocks.push(clock);
    const sim = createHasuraSimulator({ clock, ...options.sim });
    server.use(...sim.handlers);
    const makeClient = (extra: HasuraCloudClientOptions = {}) => createHasuraCloudClient({ accessToken: sim.token, clock, random: () => 0.5, logLevel: 'off', ...options.client, ...extra });
    return { sim, clock, client: makeClient(), makeClient };
  }

  return { server, start };
}

export { captureLogger, type LogLine } from '@x/core/testing';

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
