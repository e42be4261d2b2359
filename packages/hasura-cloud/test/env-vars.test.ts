import { describe, expect, it } from 'vitest';
import { faults } from '@x/core/testing';
import { NotFoundError, StaleHashError, ValidationError, asTenantId, flattenEnvironment, type TenantId } from '../src';
import { rejection, useSimulator } from './helpers';

const { start } = useSimulator();

function withTenant(env: Record<string, unknown> = { A: '1', B: '2' }) {
  const setup = start();
  const { tenantId } = setup.sim.state.addProject({ name: 'env-app', envVars: env });
  return { ...setup, tenantId: asTenantId(tenantId) as TenantId };
}

describe('getEnvVars', () => {
  it('reads envVars.environment as strings with the hash to write against', async () => {
    const { sim, client, tenantId } = withTenant({ PORT: 8080, FLAGS: { beta: true }, NAME: 'api', EMPTY: null });
    sim.state.tenant(tenantId).extra = { fqdn: 'env-app.hasura.app' };
    const state = await client.getEnvVars(tenantId);
    expect(state.hash).toBe(sim.state.hashOf(tenantId));
    expect(state.vars).toMatchObject({ PORT: '8080', FLAGS: '{"beta":true}', NAME: 'api', EMPTY: 'null' });
    expect(state.raw).toMatchObject({ fqdn: 'env-app.hasura.app' });
  });

  it('flattens only the environment key, whatever else envVars holds', () => {
    expect(flattenEnvironment({ environment: { A: 'x', N: 1 }, other: { B: 'y' } })).toEqual({ A: 'x', N: '1' });
    expect(flattenEnvironment('{"environment":{"A":"x"}}')).toEqual({ A: 'x' });
    expect(flattenEnvironment(null)).toEqual({});
  });

  it('fails with NotFoundError for an unknown tenant', async () => {
    const { client } = start();
    await expect(client.getEnvVars(asTenantId('00000000-0000-4000-8000-0000000000ff'))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('setEnvVars and deleteEnvVars', () => {
  it('upserts only the keys that change, sending the hash it read', async () => {
    const { sim, client, tenantId } = withTenant();
    const before = sim.state.hashOf(tenantId);
    const result = await client.setEnvVars(tenantId, { A: '1', B: 'two', C: '3' });
    expect(result.changed).toBe(true);
    expect(result.vars).toMatchObject({ A: '1', B: 'two', C: '3' });
    expect(result.hash).toBe(sim.state.hashOf(tenantId));
    const update = sim.state.calls.find((c) => c.operationName === 'UpdateTenantEnv')!.variables as { currentHash: string; envs: Array<{ key: string }> };
    expect(update.currentHash).toBe(before);
    expect(update.envs.map((e) => e.key)).toEqual(['B', 'C']);
  });

  it('never sends a no-op update or delete', async () => {
    const { sim, client, tenantId } = withTenant();
    expect((await client.setEnvVars(tenantId, { A: '1' })).changed).toBe(false);
    expect((await client.deleteEnvVars(tenantId, ['NOT_THERE'])).changed).toBe(false);
    expect((await client.setEnvVars(tenantId, {})).changed).toBe(false);
    expect(sim.state.count('UpdateTenantEnv') + sim.state.count('DeleteTenantEnv')).toBe(0);
  });

  it('deletes present keys and ignores absent ones', async () => {
    const { sim, client, tenantId } = withTenant();
    const result = await client.deleteEnvVars(tenantId, ['A', 'NOT_THERE']);
    expect(result.vars).not.toHaveProperty('A');
    expect((sim.state.calls.find((c) => c.operationName === 'DeleteTenantEnv')!.variables as { deleteEnvs: string[] }).deleteEnvs).toEqual(['A']);
  });

  it('chains the hash a write returned into the next write when given `current`, with no read between', async () => {
    const { sim, client, tenantId } = withTenant();
    const first = await client.setEnvVars(tenantId, { C: '3' });
    const second = await client.deleteEnvVars(tenantId, ['A'], { current: first });
    expect(sim.state.calls.map((c) => c.operationName)).toEqual(['GetTenantEnv', 'UpdateTenantEnv', 'DeleteTenantEnv']);
    expect((sim.state.calls[2]!.variables as { currentHash: string }).currentHash).toBe(first.hash);
    expect(second.hash).toBe(sim.state.hashOf(tenantId));
  });

  it('refuses to write against an expectedHash that is no longer current, sending nothing', async () => {
    const { sim, client, tenantId } = withTenant();
    const { hash } = await client.getEnvVars(tenantId);
    sim.state.editEnv(tenantId, { OTHER: 'x' });
    const error = await rejection(client.setEnvVars(tenantId, { C: '3' }, { expectedHash: hash }));
    expect(error).toBeInstanceOf(StaleHashError);
    expect(error).toMatchObject({ status: 409, sentHash: hash, currentHash: sim.state.hashOf(tenantId), tenantId });
    expect(error.message).toMatch(/retryOnStaleHash/);
    expect(sim.state.count('UpdateTenantEnv')).toBe(0);
  });

  it('raises StaleHashError when another writer changes the env vars between the read and the write', async () => {
    const { sim, client, tenantId } = withTenant();
    sim.faults.concurrentEnvEdit(tenantId, { OTHER: 'x' });
    const error = await rejection(client.setEnvVars(tenantId, { C: '3' }));
    expect(error).toBeInstanceOf(StaleHashError);
    expect(sim.state.envOf(tenantId)).not.toHaveProperty('C');
  });

  it('with retryOnStaleHash, re-reads and retries so both writers keep their change', async () => {
    const { sim, client, tenantId } = withTenant();
    sim.faults.concurrentEnvEdit(tenantId, { OTHER: 'x' });
    sim.faults.concurrentEnvEdit(tenantId, { OTHER: 'y' });
    const result = await client.setEnvVars(tenantId, { C: '3' }, { retryOnStaleHash: true });
    expect(result.attempts).toBe(3);
    expect(sim.state.envOf(tenantId)).toMatchObject({ OTHER: 'y', C: '3' });
    expect(sim.state.count('UpdateTenantEnv')).toBe(3);
  });

  it('stops after the allowed number of stale retries', async () => {
    const { sim, client, tenantId } = withTenant();
    for (let i = 0; i < 5; i++) sim.faults.concurrentEnvEdit(tenantId, { OTHER: `v${i}` }, { operation: 'DeleteTenantEnv' });
    const error = await rejection(client.deleteEnvVars(tenantId, ['A'], { retryOnStaleHash: 2 }));
    expect(error).toBeInstanceOf(StaleHashError);
    expect(sim.state.count('DeleteTenantEnv')).toBe(3);
  });

  it('treats a write whose answer was lost as done once the re-read shows it applied', async () => {
    const { sim, client, tenantId } = withTenant();
    sim.faults.inject(faults.reset(), { operation: 'UpdateTenantEnv', after: true, count: 3 });
    const result = await client.setEnvVars(tenantId, { C: '3' });
    expect(result.changed).toBe(true);
    expect(result.hash).toBe(sim.state.hashOf(tenantId));
    expect(sim.state.envOf(tenantId)).toMatchObject({ C: '3' });
  });

  it('rejects values that are not strings before sending anything', async () => {
    const { sim, client, tenantId } = withTenant();
    const error = await rejection(client.setEnvVars(tenantId, { PORT: 8080 as unknown as string }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/PORT is a number/);
    expect(sim.state.calls).toHaveLength(0);
  });

  it('reports the config hash live on the workers', async () => {
    const { sim, client, tenantId } = withTenant();
    const { hash } = await client.setEnvVars(tenantId, { C: '3' });
    expect((await client.getConfigStatus(tenantId)).map((s) => s.hash)).not.toContain(hash);
    await client.waitForTenantReady(tenantId);
    expect(await client.getConfigStatus(tenantId)).toEqual([{ hash, message: 'live' }]);
    expect(sim.state.count('GetConfigStatus')).toBe(2);
  });
});
