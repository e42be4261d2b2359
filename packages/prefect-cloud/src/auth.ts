import type { TokenContext } from '@x/core';
import type { CallOptions } from './context';
import type { Tenant, TenantTarget } from './tenants';

/** How the client authenticates: an API key (the default), or a legacy API token of one of three scopes. */
export type PrefectAuthMode = 'api-key' | 'USER' | 'TENANT' | 'RUNNER';

/** Operations that never need a tenant: they find out which tenants and identity a credential has. */
export const TENANTLESS_OPERATIONS: ReadonlySet<string> = new Set(['AuthInfo', 'CurrentUserId', 'CurrentUser', 'ListTenants', 'TenantBySlug', 'TenantById']);

/** One auth mode's behaviour, as the client's SDK wrapper and transport use it. */
export interface PrefectAuth {
  readonly mode: PrefectAuthMode;
  /** The tenant in effect, when known. */
  readonly tenantId: string | undefined;
  /** Bumped whenever the credential sent for tenant operations changes (a new access token). */
  readonly generation: number;
  /** The credential for one attempt of an operation (called by the transport, so it must not send requests). */
  token(context: TokenContext): string;
  /** Headers for every request. */
  headers(): Record<string, string>;
  /** What must happen before `operation` is sent (look the tenant up, get or refresh an access token). */
  prepare(operation: string, signal: AbortSignal | undefined): Promise<void> | undefined;
  /** After UNAUTHENTICATED: renews the credential if that can help, and says whether to try once more. */
  recover(operation: string, generation: number, signal: AbortSignal | undefined): Promise<boolean>;
  /** The tenant requests act in, looked up once when not configured. */
  resolveTenantId(options?: CallOptions): Promise<string>;
  switchTenant(target: TenantTarget, options?: CallOptions): Promise<Tenant>;
}
