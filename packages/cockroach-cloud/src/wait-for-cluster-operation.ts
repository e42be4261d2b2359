import { waitFor } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { Cluster, ClusterOperationStatus, WaitOptions } from './types';

/** Options of `waitForClusterOperation`. */
export interface WaitForClusterOperationOptions extends WaitOptions<Cluster> {
  /** Wait for this status instead of the cluster going idle (`UNSPECIFIED`). */
  status?: ClusterOperationStatus;
}

/**
 * Polls a cluster until the operation it runs (scaling, patching, a CMEK change...) is over, meaning
 * `operation_status` is no longer a `*_RUNNING` one, and returns it. A `*_FAILED` status fails fast with a
 * WaitFailedError naming it. With `status`, waits for that exact status instead. Default timeout 60 min.
 */
export function waitForClusterOperation(client: CockroachCloudApi, clusterId: string, options: WaitForClusterOperationOptions = {}): Promise<Cluster> {
  const target = options.status;
  return waitFor<Cluster>({
    check: (signal) => client.getCluster({ cluster_id: clusterId }, { signal: signal ?? null }),
    until: (cluster) => (target ? cluster.operation_status === target : !isRunning(cluster.operation_status) && !isFailed(cluster.operation_status) && cluster.state !== 'CREATING'),
    failed: (cluster) => {
      if (cluster.state === 'DELETED' || cluster.state === 'CREATION_FAILED') return `cluster ${clusterId} is ${cluster.state}.`;
      if (target !== cluster.operation_status && isFailed(cluster.operation_status)) {
        return `cluster ${clusterId} reports ${cluster.operation_status}. Check the CockroachDB Cloud Console, or contact support, before retrying the change.`;
      }
      return undefined;
    },
    description: `the operation on cluster ${clusterId} to ${target ? `reach ${target}` : 'finish'}`,
    timeoutMs: options.timeoutMs ?? 60 * 60_000,
    intervalMs: options.intervalMs ?? 5_000,
    maxIntervalMs: options.maxIntervalMs ?? 30_000,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: client.transport.clock,
  });
}

/** Whether a cluster operation status means work is still under way. */
export function isRunning(status: ClusterOperationStatus | undefined): boolean {
  return !!status && status.endsWith('_RUNNING');
}

/** Whether a cluster operation status reports a failed operation. */
export function isFailed(status: ClusterOperationStatus | undefined): boolean {
  return !!status && status.endsWith('_FAILED');
}
