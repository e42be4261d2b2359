import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createPrefectCloudClient, DEFAULT_ENDPOINT, isIdempotentMutation, ValidationError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('createPrefectCloudClient', () => {
  it('takes the API key and endpoint from the environment when not given', async () => {
    vi.stubEnv('PREFECT__CLOUD__API_KEY', env.sim.state.defaults.apiKey);
    const client = createPrefectCloudClient({ clock: env.clock });
    expect(client.endpoint).toBe(DEFAULT_ENDPOINT);
    expect(client.authMode).toBe('api-key');
    expect(await client.listSecretNames()).toEqual([]);
  });

  it('posts to PREFECT__CLOUD__API when set, without a trailing slash', async () => {
    vi.stubEnv('PREFECT__CLOUD__API', 'https://prefect.internal.example/');
    const client = env.client();
    expect(client.endpoint).toBe('https://prefect.internal.example');
  });

  it('fails at once with ValidationError, saying where credentials come from, when there is none', () => {
    expect(() => createPrefectCloudClient()).toThrow(ValidationError);
    expect(() => createPrefectCloudClient()).toThrow(/PREFECT__CLOUD__API_KEY/);
  });

  it('refuses conflicting or malformed credential options', () => {
    expect(() => createPrefectCloudClient({ apiKey: 'a', apiToken: 'b' })).toThrow(/not both/);
    expect(() => createPrefectCloudClient({ apiKey: 'pcu_x', tokenScope: 'USER' })).toThrow(/apiToken only/);
    expect(() => createPrefectCloudClient({ apiToken: 't', tokenScope: 'ADMIN' as never })).toThrow(/USER, TENANT, RUNNER/);
    expect(() => createPrefectCloudClient({ apiKey: '  ' })).toThrow(/non-empty/);
  });

  it('prefers an explicit apiToken over a key in the environment', () => {
    vi.stubEnv('PREFECT__CLOUD__API_KEY', 'pcu_from_env_000000000');
    expect(createPrefectCloudClient({ apiToken: 'tok_12345678', tokenScope: 'TENANT' }).authMode).toBe('TENANT');
  });

  it('prints no credential through inspect or JSON', () => {
    const client = createPrefectCloudClient({ apiKey: 'pcu_do_not_print_me_0001', tenantId: 't-1' });
    expect(inspect(client)).toBe("PrefectCloudClient { endpoint: 'https://api.prefect.io', authMode: 'api-key', tenantId: 't-1' }");
    expect(JSON.stringify(client)).not.toContain('pcu_do_not_print_me_0001');
    expect(inspect(client.transport, { depth: 5 })).not.toContain('pcu_do_not_print_me_0001');
  });

  it('exposes the generated SDK with the same auth and tenant handling', async () => {
    const client = env.client();
    const data = await client.sdk.ListFlows({ where: { name: { _eq: 'etl' } } });
    expect(data.flow).toHaveLength(2);
    expect(data.flow_aggregate.aggregate?.count).toBe(2);
  });

  it('sends documents of its own through client.request', async () => {
    const client = env.client();
    const data = await client.request<{ project: Array<{ name: string; flows_aggregate: { aggregate: { count: number } } }> }>(
      'query Counts($name: String!) { project(where: { name: { _eq: $name } }) { name flows_aggregate { aggregate { count } } } }',
      { name: 'data-eng' },
    );
    expect(data.project).toEqual([{ name: 'data-eng', flows_aggregate: { aggregate: { count: 2 } } }]);
    await expect(client.request('not graphql')).rejects.toBeInstanceOf(ValidationError);
  });

  it('marks only repeat-safe mutations as idempotent', () => {
    expect(isIdempotentMutation('CreateFlowRun', { idempotencyKey: 'k' })).toBe(true);
    expect(isIdempotentMutation('CreateFlowRun', { idempotencyKey: '' })).toBe(false);
    expect(isIdempotentMutation('CreateProject', {})).toBe(false);
    expect(isIdempotentMutation('SetSecret', {})).toBe(true);
  });

  it('passes per-call options: an aborted signal stops the call before anything is sent', async () => {
    const client = env.client({ tenantId: env.sim.state.defaults.tenant.id });
    const controller = new AbortController();
    controller.abort();
    await expect(client.listSecretNames({ signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(env.sim.state.calls).toHaveLength(0);
  });

  it('applies a per-call timeout', async () => {
    const client = env.client({ tenantId: env.sim.state.defaults.tenant.id });
    env.sim.faults.inject({ kind: 'hang' }, { operation: 'SecretNames', count: 5 });
    await expect(client.listSecretNames({ timeoutMs: 1_000, retry: { maxRetries: 0 } })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
