import { describe, expect, it } from 'vitest';
import { AbortError, asTenantId, StaleHashError, ValidationError, type TenantId } from '../src';
import { rejection, useSimulator } from './helpers';

const { start } = useSimulator();

function withTenant(env: Record<string, string>) {
  const setup = start();
  const { tenantId } = setup.sim.state.addProject({ name: 'sync-app' });
  // Replace the default env (which holds HASURA_GRAPHQL_ADMIN_SECRET) with exactly `env`.
  const current = Object.keys(setup.sim.state.envOf(tenantId));
  setup.sim.state.editEnv(tenantId, env, current.filter((key) => !(key in env)));
  return { ...setup, tenantId: asTenantId(tenantId) as TenantId };
}

const writes = (calls: Array<{ operationName?: string }>) => calls.filter((c) => c.operationName === 'UpdateTenantEnv' || c.operationName === 'DeleteTenantEnv').map((c) => c.operationName);

describe('syncEnvVars: initial sync behaviours', () => {
  const destination = { SHARED: 'from-hasura', ONLY_HASURA: 'h', EMPTY_IN_HASURA: '', HASURA_GRAPHQL_ADMIN_SECRET: 'admin' };
  const source = { SHARED: 'from-source', ONLY_SOURCE: 's', EMPTY_IN_HASURA: 'filled' };

  it('overwrite-destination pushes the source and deletes what it lacks, except HASURA_ keys', async () => {
    const { sim, client, tenantId } = withTenant(destination);
    const result = await client.syncEnvVars(tenantId, source, { initialSyncBehavior: 'overwrite-destination' });
    expect(result).toMatchObject({ create: ['ONLY_SOURCE'], update: ['EMPTY_IN_HASURA', 'SHARED'], delete: ['ONLY_HASURA'], import: {}, applied: true });
    expect(sim.state.envOf(tenantId)).toEqual({ SHARED: 'from-source', ONLY_SOURCE: 's', EMPTY_IN_HASURA: 'filled', HASURA_GRAPHQL_ADMIN_SECRET: 'admin' });
  });

  it('import-prioritize-source imports keys the source lacks and keeps the source value on conflicts', async () => {
    const { sim, client, tenantId } = withTenant(destination);
    const result = await client.syncEnvVars(tenantId, source, { initialSyncBehavior: 'import-prioritize-source' });
    expect(result.import).toEqual({ HASURA_GRAPHQL_ADMIN_SECRET: 'admin', ONLY_HASURA: 'h' });
    expect(result).toMatchObject({ create: ['ONLY_SOURCE'], update: ['EMPTY_IN_HASURA', 'SHARED'], delete: [] });
    expect(sim.state.envOf(tenantId)).toEqual({ SHARED: 'from-source', ONLY_SOURCE: 's', EMPTY_IN_HASURA: 'filled', ONLY_HASURA: 'h', HASURA_GRAPHQL_ADMIN_SECRET: 'admin' });
  });

  it('import-prioritize-destination takes differing non-empty Hasura values into the source', async () => {
    const { sim, client, tenantId } = withTenant(destination);
    const result = await client.syncEnvVars(tenantId, source, { initialSyncBehavior: 'import-prioritize-destination' });
    expect(result.import).toEqual({ HASURA_GRAPHQL_ADMIN_SECRET: 'admin', ONLY_HASURA: 'h', SHARED: 'from-hasura' });
    expect(result).toMatchObject({ create: ['ONLY_SOURCE'], update: ['EMPTY_IN_HASURA'], delete: [] });
    expect(sim.state.envOf(tenantId)).toMatchObject({ SHARED: 'from-hasura', EMPTY_IN_HASURA: 'filled' });
  });

  it('runs no import after the initial sync, so keys removed from the source are deleted', async () => {
    const { sim, client, tenantId } = withTenant(destination);
    const result = await client.syncEnvVars(tenantId, source, { initialSyncBehavior: 'import-prioritize-destination', isInitialSync: false });
    expect(result.import).toEqual({});
    expect(result.delete).toEqual(['ONLY_HASURA']);
    expect(sim.state.envOf(tenantId)).toMatchObject({ SHARED: 'from-source' });
  });
});

describe('syncEnvVars: key schemas, deletion and protection', () => {
  it('with a prefix schema, writes prefixed keys and touches only keys with that prefix', async () => {
    const { sim, client, tenantId } = withTenant({ APP_OLD: 'o', APP_KEEP: 'k', UNMANAGED: 'u', HASURA_GRAPHQL_CORS_DOMAIN: '*' });
    const result = await client.syncEnvVars(tenantId, { KEEP: 'k', NEW: 'n' }, { initialSyncBehavior: 'overwrite-destination', keySchema: 'APP_{{secretKey}}' });
    expect(result).toMatchObject({ create: ['APP_NEW'], update: [], delete: ['APP_OLD'] });
    expect(sim.state.envOf(tenantId)).toEqual({ APP_KEEP: 'k', APP_NEW: 'n', UNMANAGED: 'u', HASURA_GRAPHQL_CORS_DOMAIN: '*' });
  });

  it('with a suffix schema and {{environment}}, imports stripped keys of that environment only', async () => {
    const { sim, client, tenantId } = withTenant({ TOKEN_PROD: 'hasura-token', URL_PROD: 'u', TOKEN_DEV: 'dev' });
    const result = await client.syncEnvVars(tenantId, { TOKEN: 'source-token' }, { initialSyncBehavior: 'import-prioritize-destination', keySchema: '{{secretKey}}_{{environment}}', environment: 'PROD' });
    expect(result.import).toEqual({ TOKEN: 'hasura-token', URL: 'u' });
    expect(result).toMatchObject({ create: [], update: [], delete: [] });
    expect(sim.state.envOf(tenantId)).toEqual({ TOKEN_PROD: 'hasura-token', URL_PROD: 'u', TOKEN_DEV: 'dev' });
    expect(writes(sim.state.calls)).toEqual([]);
  });

  it('keeps extra keys when deletion is disabled', async () => {
    const { sim, client, tenantId } = withTenant({ OLD: 'o' });
    const result = await client.syncEnvVars(tenantId, { NEW: 'n' }, { initialSyncBehavior: 'overwrite-destination', disableDeletion: true });
    expect(result.delete).toEqual([]);
    expect(sim.state.envOf(tenantId)).toEqual({ OLD: 'o', NEW: 'n' });
    expect(writes(sim.state.calls)).toEqual(['UpdateTenantEnv']);
  });

  it('never deletes HASURA_ keys, even with no schema and an empty source', async () => {
    const { sim, client, tenantId } = withTenant({ HASURA_GRAPHQL_ADMIN_SECRET: 'a', HASURA_GRAPHQL_DATABASE_URL: 'postgres://x', MINE: 'm' });
    const result = await client.syncEnvVars(tenantId, {}, { initialSyncBehavior: 'overwrite-destination' });
    expect(result.delete).toEqual(['MINE']);
    expect(sim.state.envOf(tenantId)).toEqual({ HASURA_GRAPHQL_ADMIN_SECRET: 'a', HASURA_GRAPHQL_DATABASE_URL: 'postgres://x' });
  });

  it('updates then deletes, chaining the hash the update returned', async () => {
    const { sim, client, tenantId } = withTenant({ OLD: 'o', KEEP: 'old' });
    const result = await client.syncEnvVars(tenantId, { KEEP: 'new' }, { initialSyncBehavior: 'overwrite-destination' });
    const [update, remove] = sim.state.calls.filter((c) => c.operationName !== 'GetTenantEnv');
    expect([update?.operationName, remove?.operationName]).toEqual(['UpdateTenantEnv', 'DeleteTenantEnv']);
    const between = (remove!.variables as { currentHash: string }).currentHash;
    expect(between).not.toBe((update!.variables as { currentHash: string }).currentHash);
    expect(result.hash).toBe(sim.state.hashOf(tenantId));
  });

  it('sends nothing when Hasura already matches', async () => {
    const { sim, client, tenantId } = withTenant({ A: '1' });
    const result = await client.syncEnvVars(tenantId, { A: '1' }, { initialSyncBehavior: 'overwrite-destination' });
    expect(result).toMatchObject({ create: [], update: [], delete: [], applied: false });
    expect(writes(sim.state.calls)).toEqual([]);
  });

  it('on a dry run returns the plan and writes nothing', async () => {
    const { sim, client, tenantId } = withTenant({ OLD: 'o', A: '1' });
    const result = await client.syncEnvVars(tenantId, { A: '2', B: '3' }, { initialSyncBehavior: 'overwrite-destination', dryRun: true });
    expect(result).toMatchObject({ create: ['B'], update: ['A'], delete: ['OLD'], applied: false, dryRun: true, hash: sim.state.hashOf(tenantId) });
    expect(writes(sim.state.calls)).toEqual([]);
    expect(sim.state.envOf(tenantId)).toEqual({ OLD: 'o', A: '1' });
  });

  it('re-plans against the new state when another process writes mid-sync', async () => {
    const { sim, client, tenantId } = withTenant({ A: '1' });
    sim.faults.concurrentEnvEdit(tenantId, { FROM_OTHER: 'x' });
    const result = await client.syncEnvVars(tenantId, { A: '2' }, { initialSyncBehavior: 'overwrite-destination', disableDeletion: true });
    expect(result.attempts).toBe(2);
    expect(sim.state.envOf(tenantId)).toEqual({ A: '2', FROM_OTHER: 'x' });
  });

  it('gives up with StaleHashError after maxStaleRetries', async () => {
    const { sim, client, tenantId } = withTenant({ A: '1' });
    for (let i = 0; i < 3; i++) sim.faults.concurrentEnvEdit(tenantId, { FROM_OTHER: `v${i}` });
    const error = await rejection(client.syncEnvVars(tenantId, { A: '2' }, { initialSyncBehavior: 'overwrite-destination', maxStaleRetries: 1 }));
    expect(error).toBeInstanceOf(StaleHashError);
  });

  it('rejects an unknown initial behaviour and a bad key schema before reading anything', async () => {
    const { sim, client, tenantId } = withTenant({});
    await expect(client.syncEnvVars(tenantId, {}, { initialSyncBehavior: 'merge' as never })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.syncEnvVars(tenantId, {}, { initialSyncBehavior: 'overwrite-destination', keySchema: 'NO_PLACEHOLDER' })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.state.calls).toHaveLength(0);
  });
});

describe('syncEnvVars: concurrent writers', () => {
  it('loses no update when 20 syncs of one client run at once, each adding its own key', async () => {
    const { sim, client, tenantId } = withTenant({ HASURA_GRAPHQL_ADMIN_SECRET: 'a' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.syncEnvVars(tenantId, { [`KEY_${i}`]: `v${i}` }, { initialSyncBehavior: 'overwrite-destination', keySchema: `W${i}_{{secretKey}}` })),
    );
    const env = sim.state.envOf(tenantId);
    for (let i = 0; i < 20; i++) expect(env[`W${i}_KEY_${i}`]).toBe(`v${i}`);
    expect(Object.keys(env)).toHaveLength(21);
    // Serialized within the client: no write was ever refused as stale.
    expect(results.every((r) => r.attempts === 1)).toBe(true);
    expect(sim.state.calls.every((c) => c.ok)).toBe(true);
  });

  it('lets a sync waiting for another sync of the same tenant leave the queue when its signal aborts', async () => {
    const { sim, client, clock, tenantId } = withTenant({});
    sim.faults.concurrentEnvEdit(tenantId, { OTHER: '1' });
    let firstDone = false;
    const first = client.syncEnvVars(tenantId, { A: '1' }, { initialSyncBehavior: 'overwrite-destination', disableDeletion: true }).finally(() => (firstDone = true));
    const controller = new AbortController();
    const second = client.syncEnvVars(tenantId, { B: '2' }, { initialSyncBehavior: 'overwrite-destination', disableDeletion: true, signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(AbortError);
    expect(firstDone).toBe(false);
    await first;
    expect(sim.state.envOf(tenantId)).toEqual({ OTHER: '1', A: '1' });
    expect(clock.pending).toBe(0);
  });

  it('loses no update when 20 separate clients (processes) sync at once, through compare-and-set and re-reads', async () => {
    const { sim, makeClient, tenantId } = withTenant({});
    let seed = 1;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        // Each "process" draws its own jitter.
        const client = makeClient({ random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647) });
        return client.syncEnvVars(tenantId, { [`KEY_${i}`]: `v${i}` }, { initialSyncBehavior: 'overwrite-destination', disableDeletion: true });
      }),
    );
    const env = sim.state.envOf(tenantId);
    for (let i = 0; i < 20; i++) expect(env[`KEY_${i}`]).toBe(`v${i}`);
    expect(Object.keys(env)).toHaveLength(20);
    expect(results.some((r) => r.attempts > 1)).toBe(true);
  });
});
