import type { Clock, Transport } from '@x/core';
import type { Sdk } from './generated/graphql';
import type { TenantLocks } from './tenant-locks';

/** What every helper works with: the generated SDK (already wired to the core transport) and the client's state. */
export interface HasuraContext {
  /** The SDK for one call: its signal also stops the wrapper's backoff between GraphQL retries. */
  sdk: (signal?: AbortSignal) => Sdk;
  transport: Transport;
  clock: Clock;
  locks: TenantLocks;
  random: () => number;
}

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call (and any wait or retry inside it). */
  signal?: AbortSignal;
}
