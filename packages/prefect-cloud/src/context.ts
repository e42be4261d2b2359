import type { RetryPolicy, Transport } from '@x/core';
import type { Sdk } from './generated/graphql';

/** Options every method accepts for the one request (or the requests of one page) it sends. */
export interface CallOptions {
  /** Cancels the call in any phase: waiting for a token, sending, backing off. */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms (client default 60 s). */
  timeoutMs?: number;
  /** Bound on the whole call, retries included, in ms. */
  deadlineMs?: number;
  /** Overrides of the client's retry policy for this call. */
  retry?: Partial<RetryPolicy>;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}

/** What the task helpers need from a client. Internal: the public surface is the client's methods. */
export interface PrefectContext {
  readonly transport: Transport;
  /**
   * Runs one generated SDK call with per-call options. `run` must call the SDK before its first `await`: the
   * options are handed over synchronously.
   */
  call<T>(options: CallOptions | undefined, run: (sdk: Sdk, signal: AbortSignal | undefined) => Promise<T>): Promise<T>;
  /** The tenant requests act in (looked up once when it was not configured). */
  tenantId(options?: CallOptions): Promise<string>;
}

/** Splits list/wait options into what a single request needs. */
export function callOptionsOf(options: CallOptions | undefined): CallOptions {
  if (!options) return {};
  const { signal, timeoutMs, deadlineMs, retry, headers } = options;
  return { signal, timeoutMs, deadlineMs, retry, headers };
}
