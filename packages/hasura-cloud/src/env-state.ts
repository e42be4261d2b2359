import type { CallOptions, HasuraContext } from './context';
import { notFound } from './errors';
import type { TenantId } from './ids';

/** A tenant's env vars and the hash to send with the next write. */
export interface EnvVarsState {
  /** Pass as `expectedHash` (or the whole state as `current`) to make the next write compare-and-set on it. */
  hash: string;
  /** The custom env vars (`envVars.environment`), every value a string. */
  vars: Record<string, string>;
  /** The whole `envVars` object as Hasura returned it (it has keys besides `environment`). */
  raw: unknown;
}

/** Flattens `envVars.environment` into strings; a non-string value becomes its JSON text. */
export function flattenEnvironment(envVars: unknown): Record<string, string> {
  let value = envVars;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  const environment = value && typeof value === 'object' ? (value as { environment?: unknown }).environment : undefined;
  const out: Record<string, string> = {};
  if (!environment || typeof environment !== 'object') return out;
  for (const [key, item] of Object.entries(environment)) out[key] = typeof item === 'string' ? item : JSON.stringify(item);
  return out;
}

/** Turns a getTenantEnv / updateTenantEnv / deleteTenantEnv answer into a state. */
export function toEnvVarsState(result: { hash: string; envVars: unknown } | null | undefined, tenantId: TenantId, operation: string): EnvVarsState {
  if (!result) throw notFound(operation, `Hasura Cloud returned no env vars for tenant ${tenantId}: check the tenant id (a project id will not do; use resolveTenantId) and that this token can reach it.`);
  return { hash: result.hash, vars: flattenEnvironment(result.envVars), raw: result.envVars };
}

/** Reads a tenant's env vars and their hash. */
export async function getEnvVars(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<EnvVarsState> {
  const data = await context.sdk(options).GetTenantEnv({ tenantId }, undefined, options.signal);
  return toEnvVarsState(data.getTenantEnv, tenantId, 'GetTenantEnv');
}
