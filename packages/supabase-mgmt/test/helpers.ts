import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { VirtualClock } from '@x/core/testing';
import { createSupabaseMgmtClient, type SupabaseMgmtClientOptions } from '../src';
import { createSupabaseSimulator, type SupabaseSimulatorOptions } from '../src/testing';

/** A token that must never show up in an error, a log line or an inspected object. */
export const CANARY_TOKEN = 'sbp_canary_0123456789abcdef0123456789abcdef';

/** One msw server per test file; each test plugs a fresh simulator in with `server.use`. */
export const server = setupServer();

/** Starts the file's msw server (unhandled requests fail the test) and resets its handlers after each test. */
export function useMsw(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

/** A fresh simulator on a virtual clock (auto-advancing), served through msw, and a client sharing the clock. */
export function simulated(options: { client?: Partial<SupabaseMgmtClientOptions>; simulator?: SupabaseSimulatorOptions } = {}) {
  const clock = new VirtualClock({ auto: true });
  const sim = createSupabaseSimulator({ clock, ...options.simulator });
  server.use(...sim.handlers);
  const client = createSupabaseMgmtClient({ accessToken: CANARY_TOKEN, clock, ...options.client });
  return { clock, sim, client };
}

/** An error a promise rejects with (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
