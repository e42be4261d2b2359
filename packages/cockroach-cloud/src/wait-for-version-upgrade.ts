import { waitFor } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { Cluster, WaitOptions } from './types';

/** Options of `waitForVersionUpgrade`. */
export interface WaitForVersionUpgradeOptions extends WaitOptions<Cluster> {
  /**
   * Also wait for the upgrade to be finalized (`upgrade_status: FINALIZED`). Default false: a cluster running the
   * new version and `PENDING_FINALIZATION` counts as upgraded (it can still be rolled back until finalized).
   */
  finalized?: boolean;
}

/**
 * Polls a cluster until it runs `version` (`v24.3` matches `v24.3.1`; the leading `v` is optional) with no upgrade
 * running, and returns it. A rollback (`ROLLBACK_RUNNING`) or a failed upgrade or patch operation fails fast with
 * a WaitFailedError. Default timeout 3 h: a rolling upgrade restarts nodes one by one.
 */
export function waitForVersionUpgrade(client: CockroachCloudApi, clusterId: string, version: string, options: WaitForVersionUpgradeOptions = {}): Promise<Cluster> {
  const wanted = normalize(version);
  return waitFor<Cluster>({
    check: (signal) => client.getCluster({ cluster_id: clusterId }, { signal: signal ?? null }),
    until: (cluster) => {
      const current = normalize(cluster.cockroach_version ?? '');
      const onVersion = current === wanted || current.startsWith(`${wanted}.`);
      const settled = options.finalized ? cluster.upgrade_status === 'FINALIZED' : cluster.upgrade_status === 'FINALIZED' || cluster.upgrade_status === 'PENDING_FINALIZATION' || cluster.upgrade_status === 'UPGRADE_AVAILABLE';
      return onVersion && settled && cluster.operation_status !== 'CRDB_MAJOR_UPGRADE_RUNNING' && cluster.operation_status !== 'CRDB_PATCH_RUNNING';
    },
    failed: (cluster) => {
      if (cluster.upgrade_status === 'ROLLBACK_RUNNING') return `the upgrade of cluster ${clusterId} is being rolled back (still on ${cluster.cockroach_version}).`;
      const op = cluster.operation_status;
      if (op === 'CRDB_MAJOR_UPGRADE_FAILED' || op === 'CRDB_PATCH_FAILED' || op === 'CRDB_MAJOR_ROLLBACK_FAILED') return `cluster ${clusterId} reports ${op} (on ${cluster.cockroach_version}).`;
      if (cluster.state === 'DELETED' || cluster.state === 'CREATION_FAILED') return `cluster ${clusterId} is ${cluster.state}.`;
      return undefined;
    },
    description: `cluster ${clusterId} to run ${version}`,
    timeoutMs: options.timeoutMs ?? 3 * 60 * 60_000,
    intervalMs: options.intervalMs ?? 10_000,
    maxIntervalMs: options.maxIntervalMs ?? 60_000,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: client.transport.clock,
  });
}

function normalize(version: string): string {
  return version.trim().replace(/^v/i, '');
}
