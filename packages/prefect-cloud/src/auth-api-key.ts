import { AuthenticationError, XError } from '@x/core';
import { TENANTLESS_OPERATIONS, type PrefectAuth } from './auth';
import type { CallOptions, PrefectContext } from './context';
import { SingleFlight } from './single-flight';
import { findTenant, type Tenant, type TenantTarget } from './tenants';

/** The header that picks the tenant an API key acts in. */
export const TENANT_HEADER = 'X-PREFECT-TENANT-ID';

/**
 * API-key auth: `Authorization: Bearer <key>` plus the tenant header. Without a configured tenant, the key's
 * default tenant is read once from `auth_info` (concurrent first calls share that one lookup).
 */
export class ApiKeyAuth implements PrefectAuth {
  readonly mode = 'api-key' as const;
  readonly generation = 0;
  #tenantId: string | undefined;
  #tenantSlug: string | undefined;
  #epoch = 0;
  readonly #lookup = new SingleFlight<string>();

  constructor(
    private readonly key: string,
    private readonly context: () => PrefectContext,
    initial: { tenantId?: string; tenantSlug?: string },
  ) {
    this.#tenantId = initial.tenantId;
    this.#tenantSlug = initial.tenantSlug;
  }

  get tenantId(): string | undefined {
    return this.#tenantId;
  }

  token(): string {
    return this.key;
  }

  headers(): Record<string, string> {
    return this.#tenantId ? { [TENANT_HEADER]: this.#tenantId } : {};
  }

  prepare(operation: string, signal: AbortSignal | undefined): Promise<void> | undefined {
    if (this.#tenantId || TENANTLESS_OPERATIONS.has(operation)) return undefined;
    return this.resolveTenantId({ signal }).then(() => undefined);
  }

  recover(): Promise<boolean> {
    return Promise.resolve(false);
  }

  resolveTenantId(options?: CallOptions): Promise<string> {
    if (this.#tenantId) return Promise.resolve(this.#tenantId);
    const epoch = this.#epoch;
    return this.#lookup.run(async () => {
      const id = this.#tenantSlug ? (await findTenant(this.context(), { slug: this.#tenantSlug })).id : await this.#defaultTenant();
      // A switchTenant that finished meanwhile wins over the default found here.
      if (epoch === this.#epoch) this.#tenantId = id;
      return this.#tenantId ?? id;
    }, options?.signal);
  }

  async switchTenant(target: TenantTarget, options?: CallOptions): Promise<Tenant> {
    const tenant = await findTenant(this.context(), target, options);
    const previous = this.#tenantId;
    this.#epoch += 1;
    this.#tenantId = tenant.id;
    try {
      // The key may see a tenant it cannot act in: auth_info with the new header says whether it can.
      await this.context().call(options, (sdk, signal) => sdk.AuthInfo(undefined, undefined, signal));
    } catch (error) {
      this.#tenantId = previous;
      if (error instanceof AuthenticationError) {
        throw new AuthenticationError(`This API key is not valid for tenant "${tenant.slug ?? tenant.id}"; the client stays in its previous tenant. Use a key of a member of that tenant.`, {
          status: 401,
          provider: 'prefect',
          operation: 'switchTenant',
          errors: error.errors,
          requestId: error.requestId,
          cause: error,
        });
      }
      throw error;
    }
    return tenant;
  }

  async #defaultTenant(): Promise<string> {
    const data = await this.context().call(undefined, (sdk) => sdk.AuthInfo());
    if (!data.auth_info) {
      throw new XError('Prefect Cloud answered auth_info with nothing, so the default tenant of this API key is unknown. Pass tenantId (or PREFECT__CLOUD__TENANT_ID).', { provider: 'prefect', operation: 'AuthInfo' });
    }
    const id = data.auth_info.tenant_id;
    if (!id) {
      throw new AuthenticationError(
        'Prefect Cloud reports no default tenant for this credential: it looks like a legacy API token, not an API key. Pass it as apiToken (with tokenScope), or create an API key.',
        { status: 401, provider: 'prefect', operation: 'AuthInfo' },
      );
    }
    return id;
  }
}
