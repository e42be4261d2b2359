import type { CallOptions, HasuraContext } from './context';
import { notFound } from './errors';
import { asTenantId, type TenantId } from './ids';

/** A hostname attached to a project, with what DNS must show for it to validate. */
export interface CustomDomain {
  id: string;
  fqdn: string;
  tenantId: TenantId | null;
  createdAt: string;
  /** The DNS record to create for validation, as Hasura reports it. */
  dnsValidation: string | null;
  cert: string | null;
}

type DomainRow = { id: string; fqdn: string; tenant_id: string | null; created_at: string; dns_validation: string | null; cert: string | null };

function toDomain(row: DomainRow): CustomDomain {
  return { id: row.id, fqdn: row.fqdn, tenantId: row.tenant_id ? asTenantId(row.tenant_id) : null, createdAt: row.created_at, dnsValidation: row.dns_validation, cert: row.cert };
}

/** The custom domains of a tenant. */
export async function listCustomDomains(context: HasuraContext, tenantId: TenantId, options: CallOptions = {}): Promise<CustomDomain[]> {
  const data = await context.sdk(options).ListCustomDomains({ tenantId: asTenantId(tenantId) }, undefined, options.signal);
  if (!data.tenant_by_pk) throw notFound('ListCustomDomains', `No Hasura Cloud tenant ${tenantId} is visible to this token (a project id will not do: use resolveTenantId).`);
  return data.tenant_by_pk.custom_domains.map(toDomain);
}

/** One custom domain by id. */
export async function getCustomDomain(context: HasuraContext, id: string, options: CallOptions = {}): Promise<CustomDomain> {
  const data = await context.sdk(options).GetCustomDomain({ id }, undefined, options.signal);
  if (!data.custom_domain_by_pk) throw notFound('GetCustomDomain', `No custom domain ${id} is visible to this token.`);
  return toDomain(data.custom_domain_by_pk);
}

/** Attaches a hostname to a tenant; a hostname already in use fails with ConflictError. Then create its DNS record. */
export async function addCustomDomain(context: HasuraContext, tenantId: TenantId, fqdn: string, options: CallOptions = {}): Promise<CustomDomain> {
  const data = await context.sdk(options).AddCustomDomain({ tenantId: asTenantId(tenantId), fqdn: fqdn.trim().toLowerCase() }, undefined, options.signal);
  if (!data.insert_custom_domain_one) throw notFound('AddCustomDomain', `Hasura Cloud did not add ${fqdn}: this token may not add domains to tenant ${tenantId}.`);
  return toDomain(data.insert_custom_domain_one);
}
