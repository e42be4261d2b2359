import type { RequestOptions } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { Cluster } from './types';
import { toUsageLimits, type UsageLimitsInput } from './usage-limits';

/**
 * Sets a serverless cluster's usage limits with `PATCH /api/v1/clusters/{cluster_id}` (`serverless.usage_limits`,
 * the int64 fields sent as strings) and returns the updated cluster. This replaces the old spend-limit endpoint. Setting the same limits twice is
 * harmless, so the request is retried like an idempotent one.
 */
export async function setUsageLimits(client: CockroachCloudApi, clusterId: string, limits: UsageLimitsInput, options: RequestOptions = {}): Promise<Cluster> {
  return client.updateCluster({ cluster_id: clusterId, body: { serverless: { usage_limits: toUsageLimits(limits) } } }, { idempotent: true, ...options });
}
