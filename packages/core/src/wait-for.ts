import { realClock, type Clock } from './clock';
import { TimeoutError, WaitFailedError } from './errors';
import { untilAborted } from './abort';
import { abortErrorFrom, sleep } from './sleep';
import { checkWaitOptions } from './check-options';

/** How to wait for a long operation. */
export interface WaitForOptions<T> {
  /** Reads the current state. */
  check: (signal: AbortSignal | undefined) => Promise<T>;
  /** True once the state is the one wanted. */
  until: (value: T) => boolean;
  /** A message when the state can never become the one wanted (fail fast), else undefined. */
  failed?: (value: T) => string | undefined;
  /** First poll interval. Default 2 s. */
  intervalMs?: number;
  /** Growth factor per poll. Default 1.5. */
  backoff?: number;
  /** Interval cap. Default 30 s. */
  maxIntervalMs?: number;
  /** Give up after this long. Default 10 min. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with every state read. */
  onProgress?: (value: T, info: { attempt: number; elapsedMs: number }) => void;
  /** What is awaited, for messages: `project abc to become ACTIVE_HEALTHY`. */
  description?: string;
  clock?: Clock;
}

/** Polls `check` until `until` holds; throws WaitFailedError on a failure state and TimeoutError on timeout. */
export async function waitFor<T>(options: WaitForOptions<T>): Promise<T> {
  checkWaitOptions(options);
  const clock = options.clock ?? realClock;
  const started = clock.now();
  const timeoutMs = options.timeoutMs ?? 600_000;
  const what = options.description ?? 'the operation';
  let interval = options.intervalMs ?? 2_000;
  for (let attempt = 1; ; attempt++) {
    const signal = options.signal;
    if (signal?.aborted) throw abortErrorFrom(signal);
    // Raced against the signal so an abort ends the wait even when `check` does not honour it.
    const value = await untilAborted(options.check(signal), signal).catch((error: unknown) => {
      throw signal?.aborted && error === signal.reason ? abortErrorFrom(signal) : error;
    });
    const elapsedMs = clock.now() - started;
    options.onProgress?.(value, { attempt, elapsedMs });
    if (options.until(value)) return value;
    const failure = options.failed?.(value);
    if (failure) throw new WaitFailedError(`Waiting for ${what} failed: ${failure}`, { last: value });
    const left = timeoutMs - elapsedMs;
    if (left <= 0) throw new TimeoutError(`Gave up waiting for ${what} after ${Math.round(elapsedMs / 1000)} s.`, { timeoutMs });
    await sleep(Math.min(interval, left), options.signal, clock);
    interval = Math.min(interval * (options.backoff ?? 1.5), options.maxIntervalMs ?? 30_000);
  }
}
