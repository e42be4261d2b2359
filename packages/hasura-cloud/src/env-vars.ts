import { ValidationError } from '@x/core';
import type { CallOptions, HasuraContext, SignalOptions } from './context';
import type { EnvVarsState } from './env-state';
import type { TenantId } from './ids';
import { casWrite, type CasOptions, type EnvChanges } from './env-write';

/** What a write did. */
export interface EnvVarsWriteResult extends EnvVarsState {
  /** False when nothing had to change, so no write was sent. */
  changed: boolean;
  /** Read-and-write rounds used (more than 1 after a stale hash was retried). */
  attempts: number;
}

/** Options of `setEnvVars` and `deleteEnvVars`. */
export interface EnvVarsWriteOptions extends CasOptions, SignalOptions {}

/** Upserts `vars` (other keys stay), compare-and-set on the hash; sends nothing when every value is already set. */
export async function setEnvVars(context: HasuraContext, tenantId: TenantId, vars: Record<string, string>, options: EnvVarsWriteOptions = {}): Promise<EnvVarsWriteResult> {
  checkVars(vars);
  return context.locks.run(tenantId, async () => {
    const outcome = await casWrite(context, tenantId, (current) => {
      const upsert: Record<string, string> = {};
      for (const [key, value] of Object.entries(vars)) if (current[key] !== value) upsert[key] = value;
      return { plan: undefined, changes: { upsert, remove: [] } satisfies EnvChanges };
    }, { ...options, operation: 'setEnvVars' });
    return { ...outcome.state, changed: outcome.changed, attempts: outcome.attempts };
  }, options.signal);
}

/** Removes `keys` (absent ones are ignored), compare-and-set on the hash; sends nothing when none is present. */
export async function deleteEnvVars(context: HasuraContext, tenantId: TenantId, keys: readonly string[], options: EnvVarsWriteOptions = {}): Promise<EnvVarsWriteResult> {
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string' || key === '')) {
    throw new ValidationError('deleteEnvVars takes an array of env var names (non-empty strings).', { provider: 'hasura', operation: 'deleteEnvVars' });
  }
  return context.locks.run(tenantId, async () => {
    const outcome = await casWrite(context, tenantId, (current) => ({ plan: undefined, changes: { upsert: {}, remove: keys.filter((key) => key in current) } }), { ...options, operation: 'deleteEnvVars' });
    return { ...outcome.state, changed: outcome.changed, attempts: outcome.attempts };
  }, options.signal);
}

/** Rejects what Hasura cannot store (JavaScript callers can pass anything). */
export function checkVars(vars: Record<string, string>, operation = 'setEnvVars'): void {
  if (!vars || typeof vars !== 'object' || Array.isArray(vars)) {
    throw new ValidationError(`${operation} takes an object of env var names to string values.`, { provider: 'hasura', operation });
  }
  for (const [key, value] of Object.entries(vars)) {
    if (key === '') throw new ValidationError(`${operation}: an env var name is empty.`, { provider: 'hasura', operation });
    if (typeof value !== 'string') {
      throw new ValidationError(`${operation}: the value of ${key} is a ${value === null ? 'null' : typeof value}, not a string. Convert it first (for example with String() or JSON.stringify()).`, { provider: 'hasura', operation });
    }
  }
}
