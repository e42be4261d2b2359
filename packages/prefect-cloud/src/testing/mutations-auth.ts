// Credential mutations: API keys, legacy API tokens, and the USER-token session (switch, refresh, log out).
import type { RootTable } from './context';
import { SimulatedError } from './execute';
import type { SessionRow } from './rows';

type Input = Record<string, unknown>;
const input = (args: Record<string, unknown>): Input => (args.input ?? {}) as Input;

function tokens(session: SessionRow) {
  return { access_token: session.accessToken, expires_at: new Date(session.expiresAt).toISOString(), refresh_token: session.refreshToken };
}

/** The credential mutation roots. */
export const authMutations: RootTable = {
  create_api_key: (args, { state, access }) => {
    const { user_id, name, expires_at, default_tenant_id } = input(args);
    const caller = access.user();
    if (user_id !== caller) throw new SimulatedError('Unauthorized: you can only create keys for yourself or a service account you administer.', 'FORBIDDEN');
    if (default_tenant_id && !state.membership(caller, String(default_tenant_id))) throw new SimulatedError('Unauthorized: not a member of that tenant.', 'FORBIDDEN');
    const key = state.issueApiKey({ userId: caller, name: String(name), expiresAt: (expires_at as string | null) ?? null, defaultTenantId: (default_tenant_id as string | null) ?? null });
    const row = [...state.apiKeys.values()].find((k) => k.key === key)!;
    return { id: row.id, key };
  },
  delete_api_key: (args, { state, access }) => {
    const row = state.apiKeys.get(String(input(args).key_id));
    if (!row || row.user_id !== access.user()) return { success: false, error: 'API key not found.' };
    state.apiKeys.delete(row.id);
    return { success: true, error: null };
  },

  create_api_token: (args, { state, access }) => {
    const { name, scope, expires_at } = input(args);
    if (scope !== 'USER' && scope !== 'TENANT' && scope !== 'RUNNER') throw new SimulatedError(`Unknown scope ${String(scope)}.`, 'BAD_USER_INPUT');
    const tenantId = scope === 'RUNNER' ? access.admin() : access.tenant();
    const token = state.issueApiToken({ scope, userId: access.principal.userId, tenantId, name: String(name) });
    const row = [...state.apiTokens.values()].find((t) => t.token === token)!;
    row.expires_at = (expires_at as string | null) ?? null;
    return { id: row.id, token };
  },
  delete_api_token: (args, { state, access }) => {
    const row = state.apiTokens.get(String(input(args).token_id));
    const tenantId = access.tenant();
    if (!row || (row.tenant_id !== tenantId && row.user_id !== access.principal.userId)) return { success: false, error: 'API token not found.' };
    state.apiTokens.delete(row.id);
    return { success: true, error: null };
  },

  switch_tenant: (args, { state, access }) => {
    const tenantId = String(input(args).tenant_id);
    const { kind, userId } = access.principal;
    if (kind !== 'user-token' && kind !== 'access-token') throw new SimulatedError('switch_tenant needs a USER token (or a session access token).', 'UNAUTHENTICATED');
    if (!userId || !state.membership(userId, tenantId)) throw new SimulatedError('Unauthenticated: not a member of this tenant.', 'UNAUTHENTICATED');
    return tokens(state.openSession(userId, tenantId));
  },
  refresh_token: (args, { state, access }) => {
    const { kind, session } = access.principal;
    if (kind !== 'refresh-token' || !session) throw new SimulatedError('refresh_token must be sent with the refresh token as bearer.', 'UNAUTHENTICATED');
    if (input(args).access_token !== session.accessToken) throw new SimulatedError('Unauthenticated: the access token does not belong to this refresh token.', 'UNAUTHENTICATED');
    // The refresh token rotates: the old one is spent. The old access token stays valid until it expires.
    session.refreshSpent = true;
    return tokens(state.openSession(session.userId, session.tenantId));
  },
  log_out: (args, { state, access }) => {
    const { kind, session } = access.principal;
    if (kind !== 'refresh-token' || !session) throw new SimulatedError('log_out must be sent with the refresh token as bearer.', 'UNAUTHENTICATED');
    const target = state.sessions.get(String(input(args).access_token));
    if (target) target.revoked = true;
    session.revoked = true;
    return { success: true, error: null };
  },
};
