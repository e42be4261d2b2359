import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import { VirtualClock } from '@x/core/testing';
import { createCockroachCloudClient, type CockroachCloudClientOptions } from '../src';
import { createCockroachSimulator, type CockroachSimulatorOptions } from '../src/testing';

/** An msw server for one test file, failing on any request no handler answers. */
export function useServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

export const KEY = 'crl-test-key-0123456789';

/** A client on a virtual clock that jumps ahead whenever the program is idle. */
export function virtualClient(options: CockroachCloudClientOptions = {}) {
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock({ auto: true });
  const client = createCockroachCloudClient({ apiKey: KEY, clock, random: () => 0.5, logLevel: 'error', ...options });
  return { client, clock };
}

/** A simulator and a client sharing one virtual clock, the simulator's handlers installed on `server`. */
export function simulated(server: ReturnType<typeof setupServer>, simOptions: CockroachSimulatorOptions = {}, clientOptions: CockroachCloudClientOptions = {}) {
  const clock = (clientOptions.clock as VirtualClock | undefined) ?? new VirtualClock({ auto: true });
  const sim = createCockroachSimulator({ clock, ...simOptions });
  server.use(...sim.handlers);
  const client = createCockroachCloudClient({ apiKey: KEY, clock, random: () => 0.5, logLevel: 'error', ...clientOptions });
  return { sim, client, clock };
}
