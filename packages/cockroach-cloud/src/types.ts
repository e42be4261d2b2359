import type { components } from './generated/schema';

type Schemas = components['schemas'];

/** A cluster as the API returns it. */
export type Cluster = Schemas['Cluster'];
/** A cluster's lifecycle state: `CREATING`, `CREATED`, `CREATION_FAILED`, `DELETED` or `LOCKED`. */
export type ClusterState = Schemas['ClusterState.Type'];
/** The operation a cluster is running (`CRDB_SCALE_RUNNING`...) or `UNSPECIFIED` when idle. */
export type ClusterOperationStatus = Schemas['ClusterStatus.Type'];
/** Where a major version upgrade stands. */
export type ClusterUpgradeStatus = Schemas['ClusterUpgradeStatus.Type'];
/** `GCP`, `AWS` or `AZURE`. */
export type CloudProvider = Schemas['CloudProvider.Type'];
/** `BASIC`, `STANDARD` or `ADVANCED`. */
export type ClusterPlan = Schemas['Plan.Type'];
/** A SQL user of a cluster. */
export type SQLUser = Schemas['SQLUser'];
/** A private endpoint connection and its status. */
export type PrivateEndpointConnection = Schemas['PrivateEndpointConnection'];
/** Usage limits as the API takes them: the int64 fields travel as decimal strings. */
export type UsageLimits = Schemas['UsageLimits'];
/** The API's connection string answer. */
export type ConnectionStringResponse = Schemas['GetConnectionStringResponse'];

/** How long and how often to poll, and how to stop early. */
export interface WaitOptions<T> {
  /** Give up after this long (a TimeoutError). */
  timeoutMs?: number;
  /** First poll interval. Default 5 s, growing by half each poll up to `maxIntervalMs`. */
  intervalMs?: number;
  /** Interval cap. Default 30 s. */
  maxIntervalMs?: number;
  /** Cancels the wait (an AbortError), including the request in flight. */
  signal?: AbortSignal;
  /** Called with every state read. */
  onProgress?: (value: T, info: { attempt: number; elapsedMs: number }) => void;
}
