import { TimeoutError, waitFor, XError } from '@x/core';
import type { HelperContext } from './helper-context';
import { describeProjectStatus, type ProjectStatus } from './project-status';

/** Options every waiter takes. Time runs on the client's clock (virtual in tests). */
export interface WaitOptions<T> {
  /** Give up after this long, in ms (a TimeoutError). */
  timeoutMs?: number;
  /** First poll interval in ms; it grows 1.5× per poll up to `maxIntervalMs`. */
  intervalMs?: number;
  /** Poll interval cap in ms. Default 15 s. */
  maxIntervalMs?: number;
  /** Stops the wait (and the request in flight) with an AbortError. */
  signal?: AbortSignal;
  /** Called with every state read, e.g. to print the status. */
  onProgress?: (value: T, info: { attempt: number; elapsedMs: number }) => void;
}

interface PollSpec<T> {
  operation: string;
  description: string;
  defaultTimeoutMs: number;
  defaultIntervalMs: number;
  check: (signal: AbortSignal | undefined) => Promise<T>;
  until: (value: T) => boolean;
  failed: (value: T) => string | undefined;
  /** A short summary of the last state, for the timeout message. */
  summary: (value: T) => string;
}

/** Runs the core's waitFor on the client's clock and gives its errors the provider, operation and last state. */
export async function poll<T>(context: HelperContext, spec: PollSpec<T>, options: WaitOptions<T> = {}): Promise<T> {
  let last: T | undefined;
  let seen = false;
  const timeoutMs = options.timeoutMs ?? spec.defaultTimeoutMs;
  try {
    return await waitFor<T>({
      check: spec.check,
      until: spec.until,
      failed: spec.failed,
      intervalMs: options.intervalMs ?? spec.defaultIntervalMs,
      maxIntervalMs: options.maxIntervalMs ?? 15_000,
      backoff: 1.5,
      timeoutMs,
      signal: options.signal,
      description: spec.description,
      clock: context.transport.clock,
      onProgress: (value, info) => {
        last = value;
        seen = true;
        options.onProgress?.(value, info);
      },
    });
  } catch (error) {
    if (error instanceof XError) {
      error.provider ??= context.transport.provider.name;
      error.operation ??= spec.operation;
      if (error instanceof TimeoutError && seen) {
        error.message = `${error.message} Last seen: ${spec.summary(last as T)}. Raise timeoutMs (it was ${timeoutMs} ms) or check the Supabase dashboard.`;
      }
    }
    throw error;
  }
}

/** A wait for a project (or a branch's preview project) to report `ACTIVE_HEALTHY`. */
interface StatusWait<T> {
  operation: string;
  description: string;
  defaultTimeoutMs: number;
  /** Statuses that end the wait at once with a WaitFailedError saying what they mean. */
  failures: readonly ProjectStatus[];
  check: (signal: AbortSignal | undefined) => Promise<T>;
}

/** Polls every 5 s (growing) until the status is `ACTIVE_HEALTHY`; fails fast on one of `failures`. */
export function pollUntilHealthy<T extends { status: ProjectStatus }>(context: HelperContext, wait: StatusWait<T>, options?: WaitOptions<T>): Promise<T> {
  return poll<T>(
    context,
    {
      ...wait,
      defaultIntervalMs: 5_000,
      until: (value) => value.status === 'ACTIVE_HEALTHY',
      failed: (value) => (wait.failures.includes(value.status) ? describeProjectStatus(value.status) : undefined),
      summary: (value) => value.status,
    },
    options,
  );
}
