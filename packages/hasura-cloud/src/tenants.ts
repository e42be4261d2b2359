import { paginateOffset, waitFor, type Paginator } from '@x/core';
import type { CallOptions, HasuraContext, SignalOptions } from './context';
import { notFound } from './errors';
import type { GetTenantHealthQuery, TenantDetailFieldsFragment, Tenant_Bool_Exp, Tenant_Order_By } from './generated/graphql';
import { asProjectId, asTenantId, type ProjectId, type TenantId } from './ids';

/** Whether a tenant is up, as the control plane reports it. */
export interface TenantHealth {
  id: TenantId;
  active: boolean | null;
  activeStatusReason: string | null;
  /** Hasura's health summary; its shape is not documented. */
  healthStatus: unknown;
  status: { hasInconsistentMetadata: boolean | null; isActive: boolean | null; message: string | null; updatedAt: string | null } | null;
  publicStatus: { endpoint: string | null; isActive: boolean | null; message: string | null } | null;
  /** True once the project answers requests. */
  ready: boolean;
}

/** The tenant behind a project: where it runs, its config hash, domains and health. */
export interface Tenant extends TenantHealth {
  slug: string | null;
  region: string | null;
  cloud: string | null;
  /** The current env-var/config hash (what the next env-var write must send). */
  configHash: string | null;
  project: { id: ProjectId; name: string; endpoint: string | null } | null;
  customDomains: Array<{ id: string; fqdn: string }>;
}

/** A tenant as `listTenants` returns it. */
export interface TenantSummary {
  id: TenantId;
  slug: string | null;
  region: string | null;
  cloud: string | null;
  active: boolean | null;
  project: { id: ProjectId; name: string; endpoint: string | null } | null;
}

/** Options of `waitForTenantReady` (and the wait inside `createProject`). */
export interface WaitForTenantOptions extends SignalOptions {
  /** Give up after this long. Default 10 minutes. */
  timeoutMs?: number;
  /** Poll interval. Default 3 s. */
  intervalMs?: number;
  onProgress?: (health: TenantHealth, info: { attempt: number; elapsedMs: number }) => void;
}

type HealthRow = NonNullable<GetTenantHealthQuery['tenant_by_pk']>;

/** Maps the health fields of a tenant row. */
export function toTenantHealth(row: HealthRow | TenantDetailFieldsFragment): TenantHealth {
  const status = row.status && { hasInconsistentMetadata: row.status.has_inconsistent_metadata, isActive: row.status.is_active, message: row.status.message, updatedAt: row.status.updated_at };
  const publicStatus = row.tenant_public_status && { endpoint: row.tenant_public_status.endpoint, isActive: row.tenant_public_status.is_active, message: row.tenant_public_status.message };
  const ready = row.active !== false && (publicStatus?.isActive ?? status?.isActive) === true;
  return { id: asTenantId(row.id), active: row.active, activeStatusReason: row.active_status_reason, healthStatus: row.health_status, status, publicStatus, ready };
}

/** Maps a full tenant row. */
export function toTenant(row: TenantDetailFieldsFragment): Tenant {
  return {
    ...toTenantHealth(row),
    slug: row.slug,
    region: row.region,
    cloud: row.cloud,
    configHash: row.config?.hash ?? null,
    project: row.project && { id: asProjectId(row.project.id), name: row.project.name, endpoint: row.project.endpoint },
    customDomains: row.custom_domains.map((domain) => ({ id: domain.id, fqdn: domain.fqdn })),
  };
}

/** One tenant by id; NotFoundError when it does not exist or this token cannot see it. */
export async function getTenant(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<Tenant> {
  const data = await context.sdk(options).GetTenant({ tenantId: asTenantId(tenantId) }, undefined, options.signal);
  if (!data.tenant_by_pk) throw tenantNotFound('GetTenant', tenantId);
  return toTenant(data.tenant_by_pk);
}

/** Every tenant this token can see, page by page. */
export function listTenants(context: HasuraContext, options: CallOptions & { limit?: number; where?: Tenant_Bool_Exp; orderBy?: Tenant_Order_By[]; maxItems?: number } = {}): Paginator<TenantSummary, number> {
  const orderBy = options.orderBy ?? [{ id: 'asc' }];
  return paginateOffset<TenantSummary>(
    async ({ offset, limit }, signal) => {
      const data = await context.sdk({ ...options, signal }).ListTenants({ limit, offset, orderBy, where: options.where }, undefined, signal);
      const items = data.tenant.map((row) => ({
        id: asTenantId(row.id),
        slug: row.slug,
        region: row.region,
        cloud: row.cloud,
        active: row.active,
        project: row.project && { id: asProjectId(row.project.id), name: row.project.name, endpoint: row.project.endpoint },
      }));
      return { items, raw: data };
    },
    { limit: options.limit ?? 100, maxItems: options.maxItems, signal: options.signal },
  );
}

/** The tenant with this slug (the subdomain part of its URL), or undefined. */
export async function findTenantBySlug(context: HasuraContext, slug: string, options: CallOptions = {}): Promise<Tenant | undefined> {
  const data = await context.sdk(options).FindTenantBySlug({ slug }, undefined, options.signal);
  return data.tenant[0] ? toTenant(data.tenant[0]) : undefined;
}

/** The tenant of the project with this name, or undefined. */
export async function findTenantByProjectName(context: HasuraContext, name: string, options: CallOptions = {}): Promise<Tenant | undefined> {
  const data = await context.sdk(options).FindTenantByProjectName({ name, limit: 1 }, undefined, options.signal);
  return data.tenant[0] ? toTenant(data.tenant[0]) : undefined;
}

/** A tenant's health (one light query). */
export async function getTenantHealth(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<TenantHealth> {
  const data = await context.sdk(options).GetTenantHealth({ tenantId: asTenantId(tenantId) }, undefined, options.signal);
  if (!data.tenant_by_pk) throw tenantNotFound('GetTenantHealth', tenantId);
  return toTenantHealth(data.tenant_by_pk);
}

/** Polls the tenant's health until it is ready (on the client's clock). */
export function waitForTenantReady(context: HasuraContext, tenantId: TenantId, options: WaitForTenantOptions = {}): Promise<TenantHealth> {
  return waitFor({
    check: (signal) => getTenantHealth(context, tenantId, { signal }),
    until: (health) => health.ready,
    intervalMs: options.intervalMs ?? 3_000,
    backoff: 1,
    timeoutMs: options.timeoutMs ?? 600_000,
    signal: options.signal,
    onProgress: options.onProgress,
    description: `tenant ${tenantId} to answer`,
    clock: context.clock,
  });
}

/** Renames the tenant's project through the tenant action. */
export async function renameTenant(context: HasuraContext, tenantId: TenantId, name: string, options: CallOptions = {}): Promise<{ tenantId: TenantId; projectName: string | null }> {
  const data = await context.sdk(options).UpdateTenantName({ tenantId: asTenantId(tenantId), name }, undefined, options.signal);
  const tenant = data.updateTenantName?.tenant;
  if (!tenant) throw tenantNotFound('UpdateTenantName', tenantId);
  return { tenantId: asTenantId(tenant.id), projectName: tenant.project?.name ?? null };
}

/** Deletes a tenant and its project. Returns the status Hasura reports. */
export async function deleteTenant(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<{ status: string | null }> {
  const data = await context.sdk(options).DeleteTenant({ tenantId: asTenantId(tenantId) }, undefined, options.signal);
  if (!data.deleteTenant) throw tenantNotFound('DeleteTenant', tenantId);
  return { status: data.deleteTenant.status };
}

function tenantNotFound(operation: string, tenantId: string) {
  return notFound(operation, `No Hasura Cloud tenant ${tenantId} is visible to this token. Check the id (a project id will not do: use resolveTenantId).`);
}
