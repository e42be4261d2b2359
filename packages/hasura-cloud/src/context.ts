import type { Clock, RetryPolicy, Transport } from '@x/core';
import type { Sdk } from './generated/graphql';
import type { TenantLocks } from './tenant-locks';

/** What every helper works with: the generated SDK (already wired to the core transport) and the client's state. */
export interface HasuraContext {
  /** The SDK for one call, carrying its options: its signal also stops the wrapper's backoff between GraphQL retries. */
  sdk: (options?: CallOptions) => Sdk;
  transport: Transport;
  clock: Clock;
  locks: TenantLocks;
  random: () => number;
}

/** What every call accepts, waiters and multi-step operations included: a signal. */
export interface SignalOptions {
  /** Cancels the call (and any wait or retry inside it). */
  signal?: AbortSignal;
}

/** Options of a call that sends a request (one per page for a list): the core's per-request options. */
export interface CallOptions extends SignalOptions {
  /** Per-attempt timeout in ms (client default 60 s). */
  timeoutMs?: number;
  /** Bound on each request the call sends, its retries included, in ms. */
  deadlineMs?: number;
  /** Overrides of the client's retry policy for this call. */
  retry?: Partial<RetryPolicy>;
  /** Extra headers for this call. */
  headers?: Record<string, string>;
}
