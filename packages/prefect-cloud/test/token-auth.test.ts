import { describe, expect, it } from 'vitest';
import { AuthenticationError, PermissionDeniedError, ValidationError } from '../src/index';
import { rejectionOf, useSimulator } from './helpers';

const TTL = 600_000;
const env = useSimulator(() => ({ accessTokenTtlMs: TTL }));

function userClient(options: Parameters<typeof env.client>[0] = {}) {
  return env.client({ apiToken: env.sim.state.defaults.userToken, tokenScope: 'USER', ...options });
}

describe('USER token mode', () => {
  it('exchanges the USER token with switch_tenant once and sends the access token for tenant requests', async () => {
    const client = userClient();
    const projects = await client.listProjects().toArray();
    expect(projects.map((p) => p.name)).toEqual(['data-eng']);
    await client.listSecretNames();
    const calls = env.sim.state.calls;
    expect(calls.filter((c) => c.fields.includes('switch_tenant'))).toHaveLength(1);
    expect(calls.find((c) => c.fields.includes('switch_tenant'))!.credential).toBe('user-token');
    expect(calls.filter((c) => c.fields.includes('project') || c.fields.includes('secret_names')).every((c) => c.credential === 'access-token' && c.tenantHeader === null)).toBe(true);
    expect(client.tenantId).toBe(env.sim.state.defaults.tenant.id);
  });

  it("logs in to the user's default tenant, or the one given by id or slug", async () => {
    await userClient().getTenantId();
    expect(env.sim.state.count('user')).toBe(1);
    const bySlug = userClient({ tenantSlug: 'globex' });
    expect((await bySlug.listProjects().toArray()).map((p) => p.name)).toEqual(['reports']);
    const byId = userClient({ tenantId: env.sim.state.defaults.otherTenant.id });
    expect(await byId.getTenantId()).toBe(env.sim.state.defaults.otherTenant.id);
  });

  it('always uses the USER token itself to list and switch tenants', async () => {
    const client = userClient();
    await client.listProjects().toArray();
    await client.listTenants();
    await client.switchTenant({ slug: 'globex' });
    const calls = env.sim.state.calls;
    expect(calls.filter((c) => c.fields.includes('tenant')).every((c) => c.credential === 'user-token')).toBe(true);
    expect(calls.filter((c) => c.fields.includes('switch_tenant')).map((c) => c.credential)).toEqual(['user-token', 'user-token']);
    expect((await client.listProjects().toArray()).map((p) => p.name)).toEqual(['reports']);
  });

  it('refreshes 30 s before expires_at with the refresh token as bearer, rotating it', async () => {
    const client = userClient();
    await client.listSecretNames();
    await env.clock.advance(TTL - 31_000);
    await client.listSecretNames();
    expect(env.sim.state.count('refresh_token')).toBe(0);
    await env.clock.advance(2_000);
    await client.listSecretNames();
    expect(env.sim.state.count('refresh_token')).toBe(1);
    expect(env.sim.state.calls.find((c) => c.fields.includes('refresh_token'))!.credential).toBe('refresh-token');
    // The first refresh token is spent: the next refresh must use the rotated one, and does.
    await env.clock.advance(TTL);
    await client.listSecretNames();
    expect(env.sim.state.count('refresh_token')).toBe(2);
    expect(env.sim.state.calls.filter((c) => c.fields.includes('refresh_token')).map((c) => c.status)).toEqual([200, 200]);
    expect(env.sim.state.count('switch_tenant')).toBe(1);
  });

  it('sends exactly one refresh while 50 concurrent requests wait for it, and all of them succeed', async () => {
    const client = userClient();
    await client.listSecretNames();
    await env.clock.advance(TTL - 10_000);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? client.listSecretNames() : client.listProjects({ maxItems: 1 }).toArray())));
    expect(results).toHaveLength(50);
    expect(env.sim.state.count('refresh_token')).toBe(1);
    expect(env.sim.state.count('switch_tenant')).toBe(1);
    const tenantCalls = env.sim.state.calls.filter((c) => c.fields.includes('secret_names') || c.fields.includes('project'));
    expect(tenantCalls.every((c) => c.status === 200 && c.credential === 'access-token')).toBe(true);
  });

  it('recovers from an access token the server already considers expired by renewing once and retrying', async () => {
    const client = userClient();
    await client.listSecretNames();
    for (const session of env.sim.state.sessions.values()) session.expiresAt = env.clock.now();
    await expect(client.listSecretNames()).resolves.toEqual([]);
    expect(env.sim.state.count('refresh_token')).toBe(1);
  });

  it('exchanges the USER token again when the refresh token is refused', async () => {
    const client = userClient();
    await client.listSecretNames();
    for (const session of env.sim.state.sessions.values()) session.refreshSpent = true;
    await env.clock.advance(TTL);
    await expect(client.listSecretNames()).resolves.toEqual([]);
    expect(env.sim.state.count('refresh_token')).toBe(1);
    expect(env.sim.state.count('switch_tenant')).toBe(2);
  });

  it('lets one caller abort its wait for a shared refresh without disturbing the others', async () => {
    const controller = new AbortController();
    // The impatient caller gives up the moment the refresh request leaves.
    const client = userClient({ hooks: { onRequest: (event) => event.operation === 'RefreshToken' && controller.abort() } });
    await client.listSecretNames();
    await env.clock.advance(TTL - 10_000);
    env.sim.faults.inject({ kind: 'hang' }, { operation: 'RefreshToken' });
    const impatient = client.listSecretNames({ signal: controller.signal });
    const patient = client.listProjects().toArray();
    await expect(impatient).rejects.toMatchObject({ name: 'AbortError' });
    // The refresh itself hangs until its timeout; the patient caller learns that, and the next call refreshes anew.
    await expect(patient).rejects.toMatchObject({ name: 'TimeoutError', operation: 'RefreshToken' });
    await expect(client.listSecretNames()).resolves.toEqual([]);
    expect(env.sim.state.count('refresh_token')).toBe(2);
  });

  it('fails with AuthenticationError when the USER token itself is invalid', async () => {
    const error = await rejectionOf(env.client({ apiToken: 'not-a-real-token-000', tokenScope: 'USER' }).listSecretNames());
    expect(error).toBeInstanceOf(AuthenticationError);
  });
});

describe('TENANT and RUNNER tokens', () => {
  it('sends a TENANT token as it is, with no exchange', async () => {
    const client = env.client({ apiToken: env.sim.state.defaults.tenantToken, tokenScope: 'TENANT' });
    expect((await client.listProjects().toArray()).map((p) => p.name)).toEqual(['data-eng']);
    expect(env.sim.state.count('switch_tenant')).toBe(0);
    expect(env.sim.state.calls.every((c) => c.credential === 'tenant-token')).toBe(true);
  });

  it('sends a RUNNER token as it is, and finds its one tenant when asked', async () => {
    const client = env.client({ apiToken: env.sim.state.defaults.runnerToken, tokenScope: 'RUNNER' });
    expect(client.authMode).toBe('RUNNER');
    const { id } = await client.createProject({ name: 'runner-made' });
    expect(env.sim.state.projects.get(id)!.tenant_id).toBe(env.sim.state.defaults.tenant.id);
    expect(env.sim.state.calls.every((c) => c.credential === 'runner-token')).toBe(true);
  });

  it('refuses to switch tenants with a TENANT token', async () => {
    const client = env.client({ apiToken: env.sim.state.defaults.tenantToken, tokenScope: 'TENANT' });
    const error = await rejectionOf(client.switchTenant({ slug: 'globex' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/fixed to its tenant/);
    expect(env.sim.state.calls).toHaveLength(0);
  });
});

describe('createApiToken', () => {
  it('creates tokens of each scope that then work as credentials', async () => {
    const client = userClient();
    const tenant = await client.createApiToken({ name: 'ci', scope: 'TENANT' });
    const runner = await client.createApiToken({ name: 'agent', scope: 'RUNNER' });
    await expect(env.client({ apiToken: tenant.token, tokenScope: 'TENANT' }).listSecretNames()).resolves.toEqual([]);
    await expect(env.client({ apiToken: runner.token, tokenScope: 'RUNNER' }).listSecretNames()).resolves.toEqual([]);
    const listed = await client.listApiTokens({ scope: ['TENANT', 'RUNNER'] });
    expect(listed.map((t) => t.name)).toEqual(expect.arrayContaining(['ci', 'agent']));
    await client.revokeApiToken(tenant.id);
    await expect(env.client({ apiToken: tenant.token, tokenScope: 'TENANT' }).listSecretNames()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('maps the refusal to mint a RUNNER token for a non-admin to PermissionDeniedError', async () => {
    const client = userClient({ tenantSlug: 'globex' });
    await expect(client.createApiToken({ name: 'agent', scope: 'RUNNER' })).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('validates the scope before sending anything', async () => {
    await expect(userClient().createApiToken({ name: 'x', scope: 'ADMIN' as never })).rejects.toBeInstanceOf(ValidationError);
    expect(env.sim.state.calls).toHaveLength(0);
  });
});
