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
