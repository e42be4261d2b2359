import { AuthenticationError } from '@x/core';
import type { PrefectContext } from './context';
import type { SwitchTenantMutation } from './generated/graphql';
import { SingleFlight } from './single-flight';

/** A tenant-scoped access token and the refresh token that renews it (it rotates on every refresh). */
interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms; Infinity when the server sent no readable expiry. */
  expiresAt: number;
  tenantId: string;
}

/** What the session needs from the client (its transport gives the clock, the logger and the secret scrubber). */
export interface TokenSessionDeps {
  context: () => PrefectContext;
  /** How long before `expires_at` to refresh. */
  refreshBeforeMs: number;
}

/**
 * The USER-token session: `switch_tenant` exchanges the USER token for a short-lived access token and a refresh
 * token; `refresh_token` (sent with the refresh token as bearer) renews both before the access token expires.
 * Renewals are single-flight: the refresh token rotates, so a second concurrent refresh would be refused.
 */
export class TokenSession {
  #session: Session | undefined;
  #generation = 0;
  readonly #renewal = new SingleFlight<Session>();

  constructor(private readonly deps: TokenSessionDeps) {}

  get generation(): number {
    return this.#generation;
  }

  get tenantId(): string | undefined {
    return this.#session?.tenantId;
  }

  get accessToken(): string | undefined {
    return this.#session?.accessToken;
  }

  get refreshToken(): string | undefined {
    return this.#session?.refreshToken;
  }

  /** A session whose access token is good for more than `refreshBeforeMs`, logging in or refreshing first if not. */
  async fresh(tenantFor: () => Promise<string>, signal: AbortSignal | undefined): Promise<Session> {
    for (let pass = 0; ; pass++) {
      const session = this.#session;
      const now = this.deps.context().transport.clock.now();
      if (session && (now + this.deps.refreshBeforeMs < session.expiresAt || (pass > 0 && now < session.expiresAt))) return session;
      if (pass > 1) {
        throw new AuthenticationError('Prefect Cloud keeps issuing access tokens that are already expired. Check this machine\'s clock.', { status: 401, provider: 'prefect', operation: 'RefreshToken' });
      }
      await this.#renewal.run(() => (session ? this.#refresh(session) : this.login(tenantFor)), signal);
    }
  }

  /** Renews after the server refused the access token of `generation` (unless a renewal already happened since). */
  async renew(generation: number, tenantFor: () => Promise<string>, signal: AbortSignal | undefined): Promise<void> {
    if (generation !== this.#generation) return;
    const session = this.#session;
    await this.#renewal.run(() => (session ? this.#refresh(session) : this.login(tenantFor)), signal);
  }

  /** Exchanges the USER token for a session in `tenantId` (waiting for any renewal in progress first). */
  async switchTo(tenantId: string, signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      const session = await this.#renewal.run(() => this.login(async () => tenantId), signal);
      if (session.tenantId === tenantId) return;
    }
  }

  /** `switch_tenant` with the USER token. */
  async login(tenantFor: () => Promise<string>): Promise<Session> {
    const tenantId = await tenantFor();
    const data = await this.deps.context().call(undefined, (sdk) => sdk.SwitchTenant({ tenantId }));
    return this.#adopt(data.switch_tenant, tenantId, 'SwitchTenant');
  }

  async #refresh(session: Session): Promise<Session> {
    try {
      const data = await this.deps.context().call(undefined, (sdk) => sdk.RefreshToken({ accessToken: session.accessToken }));
      return this.#adopt(data.refresh_token, session.tenantId, 'RefreshToken');
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      // A refused refresh token (expired, or rotated by an attempt whose answer was lost): start over.
      this.deps.context().transport.logger.info('Prefect Cloud refused the refresh token; exchanging the USER token again', { operation: 'RefreshToken' });
      return this.login(async () => session.tenantId);
    }
  }

  #adopt(payload: SwitchTenantMutation['switch_tenant'], tenantId: string, operation: string): Session {
    if (typeof payload?.access_token !== 'string' || !payload.access_token || typeof payload.refresh_token !== 'string' || !payload.refresh_token) {
      throw new AuthenticationError(`Prefect Cloud answered ${operation} without an access and a refresh token. Check that apiToken is a USER-scoped token.`, { status: 401, provider: 'prefect', operation });
    }
    const { transport } = this.deps.context();
    transport.addSecret(payload.access_token);
    transport.addSecret(payload.refresh_token);
    const expiresAt = typeof payload.expires_at === 'string' ? Date.parse(payload.expires_at) : Number.NaN;
    this.#session = { accessToken: payload.access_token, refreshToken: payload.refresh_token, expiresAt: Number.isFinite(expiresAt) ? expiresAt : Number.POSITIVE_INFINITY, tenantId };
    this.#generation += 1;
    return this.#session;
  }
}
