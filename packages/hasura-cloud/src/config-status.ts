import type { CallOptions, HasuraContext } from './context';
import type { TenantId } from './ids';

/** The config hash live on a tenant's workers, and their message. */
export interface ConfigStatus {
  hash: string | null;
  message: string | null;
}

/**
 * The config hashes live on the tenant's active workers: an env-var write has rolled out once its hash shows here.
 * The Cloud console uses this; a personal access token may be refused (PermissionDeniedError).
 */
export async function getConfigStatus(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<ConfigStatus[]> {
  const data = await context.sdk(options).GetConfigStatus({ tenantId, isActive: true, workerState: 'live' }, undefined, options.signal);
  return data.config_status.map((row) => ({ hash: row.hash, message: row.message }));
}
