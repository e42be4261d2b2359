import { ValidationError } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { components } from './generated/schema';
import type { CloudProvider, Cluster, ClusterPlan, WaitOptions } from './types';
import { toUsageLimits, type UsageLimitsInput } from './usage-limits';
import { waitForClusterReady } from './wait-for-cluster-ready';

/** What `createServerlessClusterAndWait` needs: a name, a cloud and its regions; the rest is optional. */
export interface CreateServerlessClusterOptions {
  name: string;
  provider: CloudProvider;
  /** Region codes of the provider, such as `us-central1` on GCP or `us-east-1` on AWS. */
  regions: string[];
  /** The primary region of a multi-region cluster. */
  primaryRegion?: string;
  /** `BASIC` (default for serverless) or `STANDARD` (provisioned vCPUs). */
  plan?: Extract<ClusterPlan, 'BASIC' | 'STANDARD'>;
  /** Usage limits; the int64 fields are sent as strings. */
  usageLimits?: UsageLimitsInput;
  upgradeType?: components['schemas']['UpgradeType.Type'];
  labels?: Record<string, string>;
  /** The folder to create the cluster in. */
  parentId?: string;
  deleteProtection?: components['schemas']['DeleteProtectionState.Type'];
  /** Start with an empty IP allowlist instead of the default. */
  withEmptyIpAllowlist?: boolean;
  /** Removed from the API: spend limits became usage limits (`usageLimits`). */
  spendLimit?: never;
  /** How to wait for `CREATED`: timeout (default 60 min), abort signal, progress. */
  wait?: WaitOptions<Cluster>;
}

/**
 * Creates a serverless cluster and waits until it is `CREATED`; returns the ready cluster. A `CREATION_FAILED`
 * cluster fails fast with a WaitFailedError. The create call itself is never retried after an ambiguous failure, so
 * a cluster is not created twice.
 */
export async function createServerlessClusterAndWait(client: CockroachCloudApi, options: CreateServerlessClusterOptions): Promise<Cluster> {
  if ((options as { spendLimit?: unknown }).spendLimit !== undefined) {
    throw new ValidationError('spendLimit no longer exists in the CockroachDB Cloud API: pass usageLimits { requestUnitLimit, storageMibLimit } instead.', { provider: 'cockroach' });
  }
  if (!options.name?.trim()) throw new ValidationError('A cluster needs a name.', { provider: 'cockroach' });
  if (!Array.isArray(options.regions) || options.regions.length === 0) throw new ValidationError('A serverless cluster needs at least one region in `regions`.', { provider: 'cockroach' });
  const created = await client.createCluster(
    {
      body: {
        name: options.name,
        provider: options.provider,
        spec: {
          ...(options.plan ? { plan: options.plan } : {}),
          ...(options.labels ? { labels: options.labels } : {}),
          ...(options.parentId ? { parent_id: options.parentId } : {}),
          ...(options.deleteProtection ? { delete_protection: options.deleteProtection } : {}),
          serverless: {
            regions: options.regions,
            ...(options.primaryRegion ? { primary_region: options.primaryRegion } : {}),
            ...(options.usageLimits ? { usage_limits: toUsageLimits(options.usageLimits) } : {}),
            ...(options.upgradeType ? { upgrade_type: options.upgradeType } : {}),
            ...(options.withEmptyIpAllowlist !== undefined ? { with_empty_ip_allowlist: options.withEmptyIpAllowlist } : {}),
          },
        },
      },
    },
    { signal: options.wait?.signal ?? null },
  );
  if (created.state === 'CREATED') return created;
  return waitForClusterReady(client, created.id, options.wait);
}
