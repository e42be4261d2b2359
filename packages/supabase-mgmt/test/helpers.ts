import { setupServer } from 'msw/node';
import { VirtualClock } from '@x/core/testing';
import { createSupabaseMgmtClient, type SupabaseMgmtClientOptions } from '../src';
import { createSupabaseSimulator, type SupabaseSimulatorOptions } from '../src/testing';

/** A token that must never show up in an error, a log line or an inspected object. */
export const CANARY_TOKEN = 'sbp_canary_0123456789abcdef0123456789abcdef';

/** One msw server per test file; each test plugs a fresh simulator in with `server.use`. */
export const server = setupServer();

/** A fresh simulator on a virtual clock (auto-advancing), served through msw, and a client sharing the clock. */
export function simulated(options: { client?: Partial<SupabaseMgmtClientOptions>; simulator?: SupabaseSimulatorOptions } = {}) {
  const clock = new VirtualClock({ auto: true });
  const sim = createSupabaseSimulator({ clock, ...options.simulator });
  server.use(...sim.handlers);
  const client = createSupabaseMgmtClient({ accessToken: CANARY_TOKEN, clock, ...options.client });
  return { clock, sim, client };
}
