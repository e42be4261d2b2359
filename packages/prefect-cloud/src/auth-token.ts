import { ValidationError, type TokenContext } from '@x/core';
import type { PrefectAuth } from './auth';
import type { CallOptions, PrefectContext } from './context';
import { SingleFlight } from './single-flight';
import { findTenant, listTenants, type Tenant, type TenantTarget } from './tenants';
import { TokenSession } from './token-session';

/** The scope of a legacy Prefect Cloud API token. */
export type ApiTokenScope = 'USER' | 'TENANT' | 'RUNNER';

/** Operations a USER token is sent on itself: it can list and look up tenants and exchange itself, nothing else. */
const USER_TOKEN_OPERATIONS: ReadonlySet<string> = new Set(['ListTenants', 'TenantBySlug', 'TenantById', 'SwitchTenant', 'CurrentUser']);
/** Operations sent with the refresh token as bearer. */
const REFRESH_TOKEN_OPERATIONS: ReadonlySet<string> = new Set(['RefreshToken', 'LogOut']);

/**
 * API-token auth. TENANT and RUNNER tokens are sent as they are. A USER token is exchanged for a tenant-scoped
 * session (see TokenSession) used for every tenant operation, and is itself sent only to list or switch tenants.
 */
export class TokenAuth implements PrefectAuth {
  readonly #session: TokenSession | undefined;
  #tenantId: string | undefined;
  readonly #tenantSlug: string | undefined;
  readonly #lookup = new SingleFlight<string>();

  constructor(
    private readonly apiToken: string,
    readonly mode: ApiTokenScope,
    private readonly context: () => PrefectContext,
    session: { refreshBeforeMs: number },
    initial: { tenantId?: string; tenantSlug?: string },
  ) {
    this.#tenantId = initial.tenantId;
    this.#tenantSlug = initial.tenantSlug;
    if (mode === 'USER') this.#session = new TokenSession({ ...session, context });
  }

  get tenantId(): string | undefined {
    return this.#session?.tenantId ?? this.#tenantId;
  }

  get generation(): number {
    return this.#session?.generation ?? 0;
  }

  token({ operation = '' }: TokenContext): string {
    const session = this.#session;
    if (!session || USER_TOKEN_OPERATIONS.has(operation)) return this.apiToken;
    if (REFRESH_TOKEN_OPERATIONS.has(operation)) return session.refreshToken ?? this.apiToken;
    return session.accessToken ?? this.apiToken;
  }

  headers(): Record<string, string> {
    return {};
  }

  prepare(operation: string, signal: AbortSignal | undefined): Promise<void> | undefined {
    if (!this.#needsSession(operation)) return undefined;
    return this.#session!.fresh(() => this.#targetTenant(), signal).then(() => undefined);
  }

  async recover(operation: string, generation: number, signal: AbortSignal | undefined): Promise<boolean> {
    if (!this.#needsSession(operation)) return false;
    await this.#session!.renew(generation, () => this.#targetTenant(), signal);
    return true;
  }

  async resolveTenantId(options?: CallOptions): Promise<string> {
    if (this.#session) return (await this.#session.fresh(() => this.#targetTenant(), options?.signal)).tenantId;
    if (this.#tenantId) return this.#tenantId;
    // A TENANT or RUNNER token belongs to exactly one tenant: the only one it can see.
    return this.#lookup.run(async () => {
      const tenants = await listTenants(this.context());
      if (tenants.length !== 1) {
        throw new ValidationError(`This ${this.mode} token sees ${tenants.length} tenants, so its tenant is ambiguous. Pass tenantId.`, { provider: 'prefect' });
      }
      this.#tenantId = tenants[0]!.id;
      return this.#tenantId;
    }, options?.signal);
  }

  async switchTenant(target: TenantTarget, options?: CallOptions): Promise<Tenant> {
    if (!this.#session) {
      throw new ValidationError(`A ${this.mode} token is fixed to its tenant and cannot switch. Use a USER token or an API key to act in another tenant.`, { provider: 'prefect', operation: 'switchTenant' });
    }
    const tenant = await findTenant(this.context(), target, options);
    this.#tenantId = tenant.id;
    await this.#session.switchTo(tenant.id, options?.signal);
    return tenant;
  }

  #needsSession(operation: string): boolean {
    return !!this.#session && !USER_TOKEN_OPERATIONS.has(operation) && !REFRESH_TOKEN_OPERATIONS.has(operation);
  }

  /** The tenant a USER token logs in to when none was switched to: the option, else the user's default. */
  async #targetTenant(): Promise<string> {
    if (this.#tenantId) return this.#tenantId;
    if (this.#tenantSlug) return (this.#tenantId = (await findTenant(this.context(), { slug: this.#tenantSlug })).id);
    const user = await this.context().call(undefined, (sdk) => sdk.CurrentUser());
    const preferred = user.user[0]?.default_membership?.tenant_id;
    if (preferred) return preferred;
    const tenants = await listTenants(this.context());
    if (tenants.length === 1) return tenants[0]!.id;
    throw new ValidationError(`This USER token belongs to ${tenants.length} tenants and has no default one. Pass tenantId or tenantSlug, or call switchTenant().`, { provider: 'prefect' });
  }
}

