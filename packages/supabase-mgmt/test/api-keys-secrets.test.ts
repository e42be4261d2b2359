import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, NotFoundError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

function withProject() {
  const setup = simulated();
  const project = setup.sim.state.addProject({ name: 'keys', organization_slug: 'acme' });
  return { ...setup, ref: project.ref };
}

describe('API keys', () => {
  it('lists the legacy and publishable keys a project starts with, through both layers', async () => {
    const { client, ref } = withProject();
    const keys = await client.getProjectApiKeys({ ref });
    expect(keys.map((key) => [key.type, key.name])).toEqual([
      ['legacy', 'anon'],
      ['legacy', 'service_role'],
      ['publishable', 'default'],
    ]);
    const { data, response } = await client.raw.GET('/v1/projects/{ref}/api-keys', { params: { path: { ref } } });
    expect(response.status).toBe(200);
    expect(data).toHaveLength(3);
    expect(await client.getProjectLegacyApiKeys({ ref })).toEqual({ enabled: true });
  });

  it('creates a secret key (201) whose value shows only with reveal, then updates and deletes it', async () => {
    const { client, ref } = withProject();
    const created = await client.createProjectApiKey({ ref, body: { type: 'secret', name: 'ci', description: 'for CI' } });
    expect(created.api_key).toBe('sb_secret_········');
    const revealed = await client.getProjectApiKey({ ref, id: created.id!, reveal: true });
    expect(revealed.api_key).toMatch(/^sb_secret_[a-z]{32}$/);
    const updated = await client.updateProjectApiKey({ ref, id: created.id!, body: { description: 'rotated' } });
    expect(updated.description).toBe('rotated');
    const deleted = await client.deleteProjectApiKey({ ref, id: created.id! });
    expect(deleted.name).toBe('ci');
    expect(await rejection(client.getProjectApiKey({ ref, id: created.id! }))).toBeInstanceOf(NotFoundError);
  });

  it('refuses a second key with the same name with a ConflictError', async () => {
    const { client, ref } = withProject();
    await client.createProjectApiKey({ ref, body: { type: 'publishable', name: 'web' } });
    const error = await rejection(client.createProjectApiKey({ ref, body: { type: 'publishable', name: 'web' } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('An API key named web already exists');
  });
});

describe('secrets', () => {
  it('sets secrets in bulk (201, no body), lists their digests but never their values, and deletes in bulk', async () => {
    const { client, ref, sim } = withProject();
    const result = await client.bulkCreateSecrets({ ref, body: [{ name: 'STRIPE_KEY', value: 'sk_live_1' }, { name: 'OPENAI_KEY', value: 'sk-2' }] });
    expect(result).toBeUndefined();
    expect(sim.calls.at(-1)).toMatchObject({ operation: 'bulkCreateSecrets', status: 201 });

    const secrets = await client.listAllSecrets({ ref });
    expect(secrets.map((secret) => secret.name)).toEqual(['OPENAI_KEY', 'STRIPE_KEY']);
    expect(secrets.find((secret) => secret.name === 'STRIPE_KEY')!.value).toBe(createHash('sha256').update('sk_live_1').digest('hex'));
    expect(JSON.stringify(secrets)).not.toContain('sk_live_1');

    await client.bulkDeleteSecrets({ ref, body: ['STRIPE_KEY'] });
    expect((await client.listAllSecrets({ ref })).map((secret) => secret.name)).toEqual(['OPENAI_KEY']);
  });

  it('sets secrets through the raw layer, answered 201', async () => {
    const { client, ref } = withProject();
    const { response, error } = await client.raw.POST('/v1/projects/{ref}/secrets', { params: { path: { ref } }, body: [{ name: 'A', value: '1' }] });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
  });

  it('rejects reserved SUPABASE_ names with a BadRequestError that says why', async () => {
    const { client, ref } = withProject();
    const error = await rejection(client.bulkCreateSecrets({ ref, body: [{ name: 'SUPABASE_URL', value: 'x' }] }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('reserved');
  });
});
