import type { HelperContext } from './helper-context';
import { poll, type WaitOptions } from './poll';
import type { components } from './generated/schema';

/** The answer of `getPostgresUpgradeStatus`. */
export type UpgradeStatus = components['schemas']['DatabaseUpgradeStatusResponse'];

/**
 * The numbers the upgrade status endpoint reports in `databaseUpgradeStatus.status` (the API types it only as a
 * number; these are the values the Supabase dashboard reads it by).
 */
export const UPGRADE_STATUS = Object.freeze({ UPGRADING: 0, UPGRADED: 1, FAILED: 2 } as const);

/** Options of waitForUpgrade: the waiter's, plus the tracking id `upgradePostgresVersion` returned. */
export interface WaitForUpgradeOptions extends WaitOptions<UpgradeStatus> {
  /** The `tracking_id` from `upgradePostgresVersion`, so the status is the one of that upgrade. */
  trackingId?: string;
}

/**
 * Polls the upgrade status endpoint until the Postgres upgrade is done (`UPGRADED`); fails fast when it reports
 * `FAILED` (the message carries the failed step). A `null` status (not recorded yet) is waited through. Default
 * timeout 1 hour.
 */
export function waitForUpgrade(context: HelperContext, ref: string, options: WaitForUpgradeOptions = {}): Promise<UpgradeStatus> {
  const { trackingId, ...waitOptions } = options;
  return poll<UpgradeStatus>(
    context,
    {
      operation: 'waitForUpgrade',
      description: `the Postgres upgrade of project ${ref}`,
      defaultTimeoutMs: 3_600_000,
      defaultIntervalMs: 10_000,
      check: (signal) => context.methods.getPostgresUpgradeStatus({ ref, ...(trackingId ? { tracking_id: trackingId } : {}) }, { signal }),
      until: (value) => value.databaseUpgradeStatus?.status === UPGRADE_STATUS.UPGRADED,
      failed: (value) =>
        value.databaseUpgradeStatus?.status === UPGRADE_STATUS.FAILED
          ? `the upgrade to Postgres ${value.databaseUpgradeStatus.target_version} failed${value.databaseUpgradeStatus.error ? ` at ${value.databaseUpgradeStatus.error}` : ''}; check the project in the Supabase dashboard before retrying`
          : undefined,
      summary: (value) => (value.databaseUpgradeStatus ? `status ${value.databaseUpgradeStatus.status}, progress ${value.databaseUpgradeStatus.progress ?? 'unknown'}` : 'no upgrade recorded yet'),
    },
    waitOptions,
  );
}
