import { waitFor } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { Cluster, ClusterState, WaitOptions } from './types';

// States a cluster never leaves for CREATED: waiting on would only end in a timeout.
const FAILED_STATES: ReadonlySet<ClusterState> = new Set(['CREATION_FAILED', 'DELETED']);

/**
 * Polls a cluster until its state is `CREATED` and returns it. Fails fast with a WaitFailedError on
 * `CREATION_FAILED` or `DELETED`; a TimeoutError after `timeoutMs` (default 60 min: dedicated clusters take a while).
 */
export function waitForClusterReady(client: CockroachCloudApi, clusterId: string, options: WaitOptions<Cluster> = {}): Promise<Cluster> {
  return waitFor<Cluster>({
    check: (signal) => client.getCluster({ cluster_id: clusterId }, { signal: signal ?? null }),
    until: (cluster) => cluster.state === 'CREATED',
    failed: (cluster) =>
      FAILED_STATES.has(cluster.state)
        ? `cluster ${clusterId} is ${cluster.state}; it will not become CREATED. Check the CockroachDB Cloud Console for the cause, then delete it and create it again.`
        : undefined,
    description: `cluster ${clusterId} to be CREATED`,
    timeoutMs: options.timeoutMs ?? 60 * 60_000,
    intervalMs: options.intervalMs ?? 5_000,
    maxIntervalMs: options.maxIntervalMs ?? 30_000,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: client.transport.clock,
  });
}
