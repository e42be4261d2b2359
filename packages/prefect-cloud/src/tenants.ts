import { ValidationError } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { ListTenantsQuery } from './generated/graphql';
import { notFound } from './not-found';

/** A tenant the credential can act in. */
export type Tenant = ListTenantsQuery['tenant'][number];

/** Which tenant to act in: by id or by slug (the short name in the Prefect Cloud URL). */
export type TenantTarget = { id: string; slug?: never } | { slug: string; id?: never };

/** Every tenant the credential belongs to, ordered by slug. */
export async function listTenants(context: PrefectContext, options?: CallOptions): Promise<Tenant[]> {
  const data = await context.call(options, (sdk, signal) => sdk.ListTenants({ orderBy: [{ slug: 'asc' }] }, undefined, signal));
  return data.tenant;
}

/** Looks a tenant up by id or slug; NotFoundError when the credential cannot see it. */
export async function findTenant(context: PrefectContext, target: TenantTarget, options?: CallOptions): Promise<Tenant> {
  const advice = 'listTenants() shows the tenants this credential belongs to.';
  if (target && typeof target.slug === 'string' && target.slug) {
    const slug = target.slug;
    const data = await context.call(options, (sdk, signal) => sdk.TenantBySlug({ slug }, undefined, signal));
    const found = data.tenant[0];
    if (!found) throw notFound('TenantBySlug', `tenant with slug "${slug}"`, advice);
    return found;
  }
  if (target && typeof target.id === 'string' && target.id) {
    const id = target.id;
    const data = await context.call(options, (sdk, signal) => sdk.TenantById({ id }, undefined, signal));
    const found = data.tenant_by_pk;
    if (!found) throw notFound('TenantById', `tenant ${id}`, advice);
    return { id: found.id, slug: found.slug, name: found.name };
  }
  throw new ValidationError('switchTenant needs { id } or { slug }.', { provider: 'prefect', operation: 'switchTenant' });
}
