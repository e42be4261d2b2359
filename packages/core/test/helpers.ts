// Shared test plumbing: a provider profile, a transport over a scripted fetch on a virtual clock, a logger that
// records every line, and a listener counter for "nothing left behind" assertions.
import { getEventListeners } from 'node:events';
import { createTransport, type TransportOptions } from '../src/index';
import { createFaultyFetch, VirtualClock, type Fault } from '../src/testing/index';

/** The profile most tests use: Supabase-like, reset counted in seconds remaining. */
export const supabase = { name: 'supabase', displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN', resetKind: 'seconds' as const };

export const BASE = 'https://api.example.test';
export const TOKEN = 'sbp_test_token_0123456789';

/** A transport answering from `script` on a virtual clock in auto mode (backoff runs instantly). */
export function scriptedTransport(script: Fault[], options: Partial<TransportOptions> & { fallback?: NonNullable<Parameters<typeof createFaultyFetch>[1]>['fallback'] } = {}) {
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock({ auto: true });
  const { fallback, ...rest } = options;
  const faulty = createFaultyFetch(script, { fallback, clock });
  const transport = createTransport({ provider: supabase, auth: { token: TOKEN }, fetch: faulty.fetch, clock, rateLimit: false, logLevel: 'off', ...rest });
  return { transport, calls: faulty.calls, clock, faulty };
}

export { captureLogger, type LogLine } from '../src/testing/index';

/** How many abort listeners are registered on a signal (Node's EventTarget introspection). */
export function abortListeners(signal: AbortSignal): number {
  return getEventListeners(signal, 'abort').length;
}

/** Resolves with how long `promise` took to settle (in real ms) and its outcome. */
export async function timed<T>(promise: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await promise;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

/** Waits a few real event-loop turns (lets in-flight mocks reach their await points). */
export async function turns(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/**
 * Aborts `controller` after `afterMs` real milliseconds and resolves with how long `work` took to settle counted
 * from the abort itself (so a late timer on a loaded machine does not count against the code under test).
 */
export async function settleAfterAbort<T>(controller: AbortController, work: Promise<T>, afterMs = 5): Promise<{ ms: number; value?: T; error?: unknown }> {
  let abortedAt = Number.NaN;
  setTimeout(() => {
    abortedAt = performance.now();
    controller.abort();
  }, afterMs);
  const result = await timed(work);
  return { ...result, ms: performance.now() - abortedAt };
}
