import type { Clock } from './clock';

/** A controller linked to other signals and a timeout; `dispose()` unlinks it and clears the timer. */
export interface LinkedController {
  signal: AbortSignal;
  /**
   * Runs `callback` right after the signal aborts (at once if it already has): a plain callback, cheaper than an
   * event listener for a caller that only needs to cancel the work it started.
   */
  onAbort(callback: () => void): void;
  dispose(): void;
}

/** An AbortController that aborts when any of `signals` does or when `timeoutMs` passes on `clock`. */
export function linkedController(
  signals: Array<AbortSignal | null | undefined>,
  timeout?: { ms: number; clock: Clock; reason: () => Error },
): LinkedController {
  const controller = new AbortController();
  const cleanups: Array<() => void> = [];
  let callbacks: Array<() => void> | undefined;
  const abort = (reason: unknown) => {
    if (controller.signal.aborted) return;
    controller.abort(reason);
    for (const callback of callbacks?.splice(0) ?? []) callback();
  };
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      abort(signal.reason);
      break;
    }
    const onAbort = () => abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  if (timeout && Number.isFinite(timeout.ms) && !controller.signal.aborted) {
    const handle = timeout.clock.setTimeout(() => abort(timeout.reason()), Math.max(0, timeout.ms));
    cleanups.push(() => timeout.clock.clearTimeout(handle));
  }
  return {
    signal: controller.signal,
    onAbort(callback) {
      if (controller.signal.aborted) callback();
      else (callbacks ??= []).push(callback);
    },
    dispose: () => {
      callbacks = undefined;
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
