import { describe, expect, it, vi } from 'vitest';
import { AuthenticationError, NotFoundError, TENANT_HEADER, createPrefectCloudClient } from '../src/index';
import { rejectionOf, useSimulator } from './helpers';

const env = useSimulator();

describe('API-key auth', () => {
  it('sends the key as a Bearer token with the tenant header on every tenant request', async () => {
    const seen: Array<{ authorization: string | null; tenant: string | null }> = [];
    const client = env.client({ fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push({ authorization: request.headers.get('authorization'), tenant: request.headers.get(TENANT_HEADER) });
      return fetch(request);
    } });
    await client.listProjects().toArray();
    const { apiKey, tenant } = env.sim.state.defaults;
    expect(seen.at(-1)).toEqual({ authorization: `Bearer ${apiKey}`, tenant: tenant.id });
  });

  it('reads the default tenant from auth_info once, however many calls start together', async () => {
    const client = env.client();
    expect(client.tenantId).toBeUndefined();
    await Promise.all(Array.from({ length: 20 }, () => client.listSecretNames()));
    await client.listProjects().toArray();
    expect(env.sim.state.count('auth_info')).toBe(1);
    expect(client.tenantId).toBe(env.sim.state.defaults.tenant.id);
    expect(env.sim.state.calls.filter((c) => c.fields.includes('secret_names')).every((c) => c.tenantHeader === env.sim.state.defaults.tenant.id)).toBe(true);
  });

  it('never asks auth_info when the tenant is configured (option or PREFECT__CLOUD__TENANT_ID)', async () => {
    const { otherTenant, apiKey } = env.sim.state.defaults;
    await env.client({ tenantId: otherTenant.id }).listProjects().toArray();
    vi.stubEnv('PREFECT__CLOUD__TENANT_ID', otherTenant.id);
    const fromEnv = createPrefectCloudClient({ apiKey, clock: env.clock });
    const projects = await fromEnv.listProjects().toArray();
    expect(projects.map((p) => p.name)).toEqual(['reports']);
    expect(env.sim.state.count('auth_info')).toBe(0);
  });

  it('resolves a tenant slug given as an option before the first tenant request', async () => {
    const client = env.client({ tenantSlug: 'globex' });
    const projects = await client.listProjects().toArray();
    expect(projects.map((p) => p.name)).toEqual(['reports']);
    expect(client.tenantId).toBe(env.sim.state.defaults.otherTenant.id);
  });

  it('lists the tenants the key belongs to, ordered by slug', async () => {
    const tenants = await env.client().listTenants();
    expect(tenants.map((t) => t.slug)).toEqual(['acme', 'globex']);
  });

  it('switches tenant by slug, and later requests act in the new tenant', async () => {
    const client = env.client();
    expect((await client.listProjects().toArray()).map((p) => p.name)).toEqual(['data-eng']);
    const tenant = await client.switchTenant({ slug: 'globex' });
    expect(tenant).toMatchObject({ slug: 'globex', name: 'Globex' });
    expect(client.tenantId).toBe(env.sim.state.defaults.otherTenant.id);
    expect((await client.listProjects().toArray()).map((p) => p.name)).toEqual(['reports']);
    expect(env.sim.state.calls.at(-1)!.tenantHeader).toBe(env.sim.state.defaults.otherTenant.id);
  });

  it('switches tenant by id', async () => {
    const client = env.client();
    await client.switchTenant({ id: env.sim.state.defaults.otherTenant.id });
    expect(await client.getTenantId()).toBe(env.sim.state.defaults.otherTenant.id);
  });

  it('refuses to switch to a tenant the key cannot see, and stays where it was', async () => {
    const { state } = env.sim;
    const stranger = state.addTenant({ name: 'Initech', slug: 'initech' });
    const client = env.client();
    await client.getTenantId();
    const error = await rejectionOf(client.switchTenant({ slug: 'initech' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/listTenants\(\)/);
    expect(client.tenantId).toBe(state.defaults.tenant.id);
    // Visible (say, through a stale id) but not a member: auth_info with the new header refuses.
    const byId = await rejectionOf(client.switchTenant({ id: stranger.id }));
    expect(byId).toBeInstanceOf(NotFoundError);
  });

  it('keeps the previous tenant when the key is not valid in the one it switches to', async () => {
    const { state } = env.sim;
    const client = env.client();
    await client.getTenantId();
    // marvin's membership in globex goes away after the tenant lookup: auth_info with the header is refused.
    const membership = [...state.memberships.values()].find((m) => m.tenant_id === state.defaults.otherTenant.id && m.user_id === state.defaults.user.id)!;
    const original = state.membership.bind(state);
    let lookups = 0;
    state.membership = (userId, tenantId) => (tenantId === membership.tenant_id && ++lookups > 1 ? undefined : original(userId, tenantId));
    const error = await rejectionOf(client.switchTenant({ slug: 'globex' }));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/not valid for tenant "globex"/);
    expect(client.tenantId).toBe(state.defaults.tenant.id);
  });

  it('says a legacy API token was passed as a key when auth_info reports no tenant', async () => {
    const client = env.client({ apiKey: env.sim.state.defaults.userToken });
    const error = await rejectionOf(client.listProjects().toArray());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/legacy API token.*apiToken/);
  });

  it('retries the default-tenant lookup on the next call after it failed', async () => {
    env.sim.faults.inject({ kind: 'response', status: 503, headers: { 'content-type': 'application/json' }, body: '{"message":"down"}' }, { operation: 'AuthInfo', count: 3 });
    const client = env.client();
    await expect(client.listSecretNames()).rejects.toMatchObject({ name: 'InternalServerError' });
    await expect(client.listSecretNames()).resolves.toEqual([]);
    expect(env.sim.state.count('auth_info')).toBe(4);
  });
});
