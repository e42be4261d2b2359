import { ValidationError } from '@x/core';
import type { CallOptions, HasuraContext, SignalOptions } from './context';
import { getEnvVars } from './env-state';
import { checkVars } from './env-vars';
import { casWrite } from './env-write';
import type { TenantId } from './ids';
import { compileKeySchema } from './key-schema';
import { planSync, type InitialSyncBehavior, type SyncPlan } from './sync-plan';

/** Options of `syncEnvVars`. */
export interface SyncEnvVarsOptions extends SignalOptions {
  /** How the initial sync treats values already in Hasura Cloud. */
  initialSyncBehavior: InitialSyncBehavior;
  /**
   * Whether this is the first sync of this source to this tenant. Default true, which is the safe side: with an
   * import behaviour nothing Hasura has is deleted, it is imported instead. Pass false once a sync has succeeded.
   */
  isInitialSync?: boolean;
  /** Never delete from Hasura Cloud (for keys managed by hand). Default false. */
  disableDeletion?: boolean;
  /**
   * Names the Hasura keys: `{{secretKey}}` is the source key, `{{environment}}` the environment option, e.g.
   * `APP_{{secretKey}}`. Only Hasura keys of that shape are managed; with no schema every key is (HASURA_ keys
   * are still never deleted), so a prefix or suffix is strongly recommended.
   */
  keySchema?: string;
  /** Fills `{{environment}}` in the key schema. */
  environment?: string;
  /** Plan only: read, compute and return the plan without writing. */
  dryRun?: boolean;
  /** Re-read-and-retry rounds when another process changes the env vars mid-sync. Default 20. */
  maxStaleRetries?: number;
}

/** The plan a sync carried out (or would carry out, on a dry run). */
export interface SyncEnvVarsResult extends SyncPlan {
  /** The env-var hash after the sync (the one read, on a dry run or when nothing changed). */
  hash: string;
  /** True when the plan was written (false on a dry run and when there was nothing to do). */
  applied: boolean;
  dryRun: boolean;
  /** Read-plan-write rounds used. */
  attempts: number;
}

const BEHAVIORS: readonly InitialSyncBehavior[] = ['overwrite-destination', 'import-prioritize-source', 'import-prioritize-destination'];

/**
 * Reconciles a tenant's env vars with `source`, the way a secret manager syncs: plan against what Hasura has now,
 * then update and delete with the hash chained. Syncs of one tenant run one at a time within a client; across
 * processes a lost compare-and-set race re-reads and re-plans, so no concurrent update is lost.
 */
export async function syncEnvVars(context: HasuraContext, tenantId: TenantId, source: Record<string, string>, options: SyncEnvVarsOptions): Promise<SyncEnvVarsResult> {
  if (!options || !BEHAVIORS.includes(options.initialSyncBehavior)) {
    throw new ValidationError(`syncEnvVars: initialSyncBehavior must be one of ${BEHAVIORS.join(', ')}.`, { provider: 'hasura', operation: 'syncEnvVars' });
  }
  checkVars(source, 'syncEnvVars');
  const schema = compileKeySchema(options.keySchema, options.environment);
  const planFor = (destination: Record<string, string>) => {
    const { plan, upsert } = planSync({
      destination,
      source,
      schema,
      initialSyncBehavior: options.initialSyncBehavior,
      isInitialSync: options.isInitialSync ?? true,
      disableDeletion: options.disableDeletion ?? false,
    });
    return { plan, changes: { upsert, remove: plan.delete } };
  };
  if (options.dryRun) {
    const state = await getEnvVars(context, tenantId, { signal: options.signal });
    return { ...planFor(state.vars).plan, hash: state.hash, applied: false, dryRun: true, attempts: 1 };
  }
  return context.locks.run(tenantId, async () => {
    const outcome = await casWrite(context, tenantId, planFor, { operation: 'syncEnvVars', retryOnStaleHash: options.maxStaleRetries ?? 20, signal: options.signal });
    return { ...outcome.plan, hash: outcome.state.hash, applied: outcome.changed, dryRun: false, attempts: outcome.attempts };
  }, options.signal);
}
