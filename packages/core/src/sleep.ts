import { AbortError } from './errors';
import { realClock, type Clock } from './clock';

/**
 * Waits `ms` on `clock`, settling early with an AbortError when `signal` aborts. The timer and the listener are
 * always removed, so a finished script never waits on a leftover backoff.
 */
export function sleep(ms: number, signal?: AbortSignal | null, clock: Clock = realClock): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFrom(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(abortErrorFrom(signal!));
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The error to throw for an aborted signal: the caller's own reason when it is already one of ours. */
export function abortErrorFrom(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && (reason.name === 'AbortError' || reason.name === 'TimeoutError') && 'provider' in reason) {
    return reason;
  }
  return new AbortError({ cause: reason });
}
