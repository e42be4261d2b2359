import type { Clock } from './clock';

/** An AbortController that aborts when any of `signals` does or when `timeoutMs` passes on `clock`. */
export function linkedController(
  signals: Array<AbortSignal | null | undefined>,
  timeout?: { ms: number; clock: Clock; reason: () => Error },
): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  if (timeout && Number.isFinite(timeout.ms) && !controller.signal.aborted) {
    const handle = timeout.clock.setTimeout(() => controller.abort(timeout.reason()), Math.max(0, timeout.ms));
    cleanups.push(() => timeout.clock.clearTimeout(handle));
  }
  return {
    signal: controller.signal,
    dispose: () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
    },
  };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as `signal` aborts (the listener is removed). */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
