import { AbortError, sleep, ValidationError, XError } from '@x/core';
import type { CallOptions, HasuraContext } from './context';
import { getEnvVars, toEnvVarsState, type EnvVarsState } from './env-state';
import { StaleHashError } from './errors';
import type { TenantId } from './ids';

/** Keys to upsert and keys to remove, in that order. */
export interface EnvChanges {
  upsert: Record<string, string>;
  remove: string[];
}

/** Compare-and-set controls shared by every env-var write. */
export interface CasOptions {
  /** Write only if the env vars still have this hash (from an earlier read); otherwise StaleHashError. */
  expectedHash?: string;
  /** A state already held (from getEnvVars or the previous write): skips the read and chains its hash. */
  current?: EnvVarsState;
  /** On a stale hash, re-read and retry: `true` means up to 5 retries, a number sets the count. Default: no retry. */
  retryOnStaleHash?: boolean | number;
}

/** What a compare-and-set round produced. */
export interface CasOutcome<P> {
  state: EnvVarsState;
  plan: P;
  changed: boolean;
  attempts: number;
}

/**
 * Reads (or takes) the current state, plans the changes against it, and writes them with the hash chained from one
 * call to the next (update, then delete). Nothing is sent when the plan is empty. After a failed write the state is
 * re-read: if it already holds the changes (an answer lost on the way back) the write counts as done; if the hash
 * moved, another writer won the race and the round is retried when allowed; otherwise the original error stands.
 */
export async function casWrite<P>(
  context: HasuraContext,
  tenantId: TenantId,
  planFor: (vars: Record<string, string>) => { plan: P; changes: EnvChanges },
  options: CasOptions & CallOptions & { operation?: string },
): Promise<CasOutcome<P>> {
  const operation = options.operation ?? 'setEnvVars';
  const retries = options.retryOnStaleHash === true ? 5 : typeof options.retryOnStaleHash === 'number' ? Math.max(0, Math.floor(options.retryOnStaleHash)) : 0;
  const signal = options.signal;
  let state = options.current ?? (await getEnvVars(context, tenantId, { signal }));
  let attempts = 0;
  if (!options.current && options.expectedHash !== undefined && state.hash !== options.expectedHash) {
    attempts = 1;
    if (retries === 0) throw new StaleHashError({ tenantId, sentHash: options.expectedHash, currentHash: state.hash, operation, attempts });
  }
  for (;;) {
    attempts += 1;
    const { plan, changes } = planFor(state.vars);
    if (isEmpty(changes)) return { state, plan, changed: false, attempts };
    let sentHash = state.hash;
    try {
      const after = await apply(context, tenantId, state, changes, (hash) => (sentHash = hash), signal);
      return { state: after, plan, changed: true, attempts };
    } catch (error) {
      if (!(error instanceof XError) || error instanceof AbortError || error instanceof ValidationError) throw error;
      const fresh = await getEnvVars(context, tenantId, { signal }).catch(() => {
        throw error;
      });
      if (isEmpty(planFor(fresh.vars).changes)) return { state: fresh, plan, changed: true, attempts };
      if (fresh.hash === sentHash) throw error;
      if (attempts > retries) throw new StaleHashError({ tenantId, sentHash, currentHash: fresh.hash, operation, attempts, cause: error });
      context.transport.logger.info(`Env vars of tenant ${tenantId} changed during ${operation}; re-read and retrying`, { attempt: attempts });
      // Full jitter, so writers that lost the same race do not collide again on the next round.
      await sleep(Math.round(context.random() * Math.min(2_000, 100 * 2 ** attempts)), signal, context.clock);
      state = fresh;
    }
  }
}

/** Update, then delete, each with the hash the previous call returned. */
async function apply(context: HasuraContext, tenantId: TenantId, state: EnvVarsState, changes: EnvChanges, onSend: (hash: string) => void, signal: AbortSignal | undefined): Promise<EnvVarsState> {
  let current = state;
  const envs = Object.entries(changes.upsert).map(([key, value]) => ({ key, value }));
  if (envs.length > 0) {
    onSend(current.hash);
    const data = await context.sdk({ signal }).UpdateTenantEnv({ tenantId, currentHash: current.hash, envs }, undefined, signal);
    current = toEnvVarsState(data.updateTenantEnv, tenantId, 'UpdateTenantEnv');
  }
  if (changes.remove.length > 0) {
    onSend(current.hash);
    const data = await context.sdk({ signal }).DeleteTenantEnv({ tenantId, currentHash: current.hash, deleteEnvs: changes.remove }, undefined, signal);
    current = toEnvVarsState(data.deleteTenantEnv, tenantId, 'DeleteTenantEnv');
  }
  return current;
}

function isEmpty(changes: EnvChanges): boolean {
  return Object.keys(changes.upsert).length === 0 && changes.remove.length === 0;
}
