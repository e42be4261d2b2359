import { describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('API keys', () => {
  it('creates a key for the caller that works at once, lists it, and revokes it', async () => {
    const client = env.client();
    const created = await client.createApiKey({ name: 'deploy-bot', defaultTenantId: env.sim.state.defaults.otherTenant.id });
    expect(created.key).toMatch(/^pcu_/);
    const fresh = env.client({ apiKey: created.key });
    expect((await fresh.listProjects().toArray()).map((p) => p.name)).toEqual(['reports']);
    const keys = await client.listApiKeys();
    expect(keys.map((k) => k.name)).toEqual(expect.arrayContaining(['ci', 'deploy-bot']));
    expect(keys.find((k) => k.id === created.id)).toMatchObject({ user_id: env.sim.state.defaults.user.id, created_by: { username: 'marvin' } });
    expect(JSON.stringify(keys)).not.toContain(created.key);
    await client.revokeApiKey(created.id);
    await expect(env.client({ apiKey: created.key }).listSecretNames()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(client.revokeApiKey(created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('honours an expiry date', async () => {
    const client = env.client();
    const created = await client.createApiKey({ name: 'short', expiresAt: new Date(env.clock.now() + 60_000) });
    await expect(env.client({ apiKey: created.key }).listSecretNames()).resolves.toEqual([]);
    await env.clock.advance(61_000);
    await expect(env.client({ apiKey: created.key }).listSecretNames()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
