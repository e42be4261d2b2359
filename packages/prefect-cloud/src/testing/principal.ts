import { SimulatedError } from './execute';
import type { ApiKeyRow, ApiTokenRow, SessionRow } from './rows';
import type { PrefectSimState } from './state';

/** Which kind of credential a request carried. */
export type CredentialKind = 'api-key' | 'user-token' | 'tenant-token' | 'runner-token' | 'access-token' | 'refresh-token' | 'none';

/** Who a request is from, and the tenant it acts in. */
export interface Principal {
  kind: CredentialKind;
  userId: string | null;
  tenantId: string | null;
  tenantHeader: string | null;
  apiKey?: ApiKeyRow;
  apiToken?: ApiTokenRow;
  session?: SessionRow;
  /** Why the credential cannot be used at all (every field then fails UNAUTHENTICATED). */
  problem?: string;
}

/** Reads `Authorization: Bearer ...` and `X-PREFECT-TENANT-ID` the way Prefect Cloud does. */
export function identify(state: PrefectSimState, request: Request): Principal {
  const header = request.headers.get('authorization') ?? '';
  const tenantHeader = request.headers.get('x-prefect-tenant-id');
  const bearer = /^Bearer\s+(.+)$/i.exec(header.trim())?.[1]?.trim();
  const base = { userId: null, tenantId: null, tenantHeader };
  if (!bearer) return { ...base, kind: 'none', problem: header ? 'Malformed Authorization header' : 'Unauthenticated' };
  const now = state.clock.now();

  const apiKey = [...state.apiKeys.values()].find((k) => k.key === bearer);
  if (apiKey) {
    if (apiKey.expires_at && Date.parse(apiKey.expires_at) <= now) return { ...base, kind: 'api-key', problem: 'Unauthenticated: the API key has expired' };
    const fallback = apiKey.default_tenant_id ?? [...state.memberships.values()].find((m) => m.id === state.users.get(apiKey.user_id)?.default_membership_id)?.tenant_id ?? null;
    const tenantId = tenantHeader ?? fallback;
    if (tenantHeader && !state.membership(apiKey.user_id, tenantHeader)) return { ...base, kind: 'api-key', apiKey, problem: 'Unauthenticated: the API key is not valid for this tenant' };
    return { ...base, kind: 'api-key', apiKey, userId: apiKey.user_id, tenantId };
  }

  const apiToken = [...state.apiTokens.values()].find((t) => t.token === bearer);
  if (apiToken) {
    apiToken.last_used = state.now();
    const kind = apiToken.scope === 'USER' ? 'user-token' : apiToken.scope === 'TENANT' ? 'tenant-token' : 'runner-token';
    return { ...base, kind, apiToken, userId: apiToken.user_id, tenantId: apiToken.scope === 'USER' ? null : apiToken.tenant_id };
  }

  const session = state.sessions.get(bearer);
  if (session) {
    if (session.revoked) return { ...base, kind: 'access-token', problem: 'Unauthenticated: the session was logged out' };
    if (session.expiresAt <= now) return { ...base, kind: 'access-token', problem: 'Unauthenticated: the access token has expired' };
    return { ...base, kind: 'access-token', session, userId: session.userId, tenantId: session.tenantId };
  }

  const refreshing = [...state.sessions.values()].find((s) => s.refreshToken === bearer);
  if (refreshing) {
    if (refreshing.refreshSpent) return { ...base, kind: 'refresh-token', problem: 'Unauthenticated: the refresh token was already used' };
    if (refreshing.revoked) return { ...base, kind: 'refresh-token', problem: 'Unauthenticated: the session was logged out' };
    if (refreshing.refreshExpiresAt <= now) return { ...base, kind: 'refresh-token', problem: 'Unauthenticated: the refresh token has expired' };
    return { ...base, kind: 'refresh-token', session: refreshing, userId: refreshing.userId };
  }
  return { ...base, kind: 'none', problem: 'Unauthenticated' };
}

/** What resolvers ask of the principal; each check throws the error Prefect Cloud would answer. */
export class Access {
  constructor(
    readonly state: PrefectSimState,
    readonly principal: Principal,
  ) {}

  /** The tenant of a tenant-scoped credential (not a bare USER token, nor a refresh token). */
  tenant(): string {
    const { kind, tenantId } = this.principal;
    if (kind === 'user-token') throw new SimulatedError('A USER token cannot act in a tenant: exchange it with switch_tenant first.', 'UNAUTHENTICATED');
    if (kind === 'refresh-token') throw new SimulatedError('A refresh token only refreshes: send the access token.', 'UNAUTHENTICATED');
    if (!tenantId) throw new SimulatedError('This credential has no tenant.', 'UNAUTHENTICATED');
    return tenantId;
  }

  /** The user behind the credential. */
  user(): string {
    if (this.principal.kind === 'refresh-token' || !this.principal.userId) throw new SimulatedError('This credential has no user.', 'FORBIDDEN');
    return this.principal.userId;
  }

  /** The tenant, for a change: read-only members may not make one. */
  write(): string {
    const tenantId = this.tenant();
    if (this.principal.userId && this.state.membership(this.principal.userId, tenantId)?.role === 'READ_ONLY_USER') throw new SimulatedError('Unauthorized', 'FORBIDDEN');
    return tenantId;
  }

  /** The tenant, for an admin-only change. */
  admin(): string {
    const tenantId = this.write();
    if (this.principal.kind === 'runner-token') return tenantId;
    if (this.state.membership(this.principal.userId, tenantId)?.role !== 'TENANT_ADMIN') throw new SimulatedError('Unauthorized: tenant admins only', 'FORBIDDEN');
    return tenantId;
  }
}
