import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError, WaitFailedError, type Cluster } from '../src';
import { simulated, useServer } from './support';

const server = useServer();

async function creating(setup: ReturnType<typeof simulated>) {
  return setup.client.createCluster({ body: { name: 'new-cluster', provider: 'GCP', spec: { serverless: { regions: ['us-central1'] } } } });
}

describe('waitForClusterReady', () => {
  it('polls on the client clock until the cluster is CREATED, reporting progress', async () => {
    const setup = simulated(server, { delays: { clusterCreateMs: 45_000 } });
    const cluster = await creating(setup);
    expect(cluster.state).toBe('CREATING');
    const start = setup.clock.now();
    const states: string[] = [];
    const ready = await setup.client.waitForClusterReady(cluster.id, { onProgress: (c) => states.push(c.state) });
    expect(ready.state).toBe('CREATED');
    expect(setup.clock.now() - start).toBeGreaterThanOrEqual(45_000);
    expect(states[0]).toBe('CREATING');
    expect(states.at(-1)).toBe('CREATED');
    expect(setup.clock.pending).toBe(0);
  });

  it('fails fast with a WaitFailedError on CREATION_FAILED', async () => {
    const setup = simulated(server);
    const cluster = await creating(setup);
    const polls: number[] = [];
    const waiting = setup.client.waitForClusterReady(cluster.id, { onProgress: () => polls.push(1) });
    setup.sim.state.clusters.get(cluster.id)!.state = 'CREATION_FAILED';
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect((error as Error).message).toMatch(/CREATION_FAILED; it will not become CREATED/);
    expect((error as WaitFailedError).last).toMatchObject({ state: 'CREATION_FAILED' });
    expect(polls.length).toBeLessThanOrEqual(2);
  });

  it('fails fast when the cluster is DELETED while waiting', async () => {
    const setup = simulated(server);
    const cluster = await creating(setup);
    setup.sim.state.clusters.get(cluster.id)!.state = 'DELETED';
    await expect(setup.client.waitForClusterReady(cluster.id)).rejects.toBeInstanceOf(WaitFailedError);
  });

  it('gives up with a TimeoutError after timeoutMs of virtual time', async () => {
    const setup = simulated(server, { delays: { clusterCreateMs: 3_600_000 } });
    const cluster = await creating(setup);
    const start = setup.clock.now();
    const error = await setup.client.waitForClusterReady(cluster.id, { timeoutMs: 120_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain(`cluster ${cluster.id} to be CREATED`);
    expect(setup.clock.now() - start).toBeGreaterThanOrEqual(120_000);
    expect(setup.clock.now() - start).toBeLessThan(125_000);
  });

  it('stops with an AbortError when the signal fires, leaving no timer behind', async () => {
    const setup = simulated(server, { delays: { clusterCreateMs: 3_600_000 } });
    const cluster = await creating(setup);
    const controller = new AbortController();
    const waiting = setup.client.waitForClusterReady(cluster.id, { signal: controller.signal, onProgress: (_, info) => info.attempt === 3 && controller.abort() });
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(setup.clock.pending).toBe(0);
  });
});

describe('waitForClusterOperation', () => {
  it('waits for a running operation to end', async () => {
    const setup = simulated(server);
    const cluster = setup.sim.state.seedCluster({ name: 'busy', operation_status: 'CRDB_SCALE_RUNNING' });
    setup.clock.setTimeout(() => (cluster.operation_status = 'UNSPECIFIED'), 40_000);
    const done = await setup.client.waitForClusterOperation(cluster.id);
    expect(done.operation_status).toBe('UNSPECIFIED');
  });

  it('fails fast on a *_FAILED status and names it', async () => {
    const setup = simulated(server);
    const cluster = setup.sim.state.seedCluster({ name: 'broken', operation_status: 'CRDB_CMEK_OPERATION_RUNNING' });
    setup.clock.setTimeout(() => (cluster.operation_status = 'CRDB_CMEK_OPERATION_FAILED'), 10_000);
    await expect(setup.client.waitForClusterOperation(cluster.id)).rejects.toThrow(/reports CRDB_CMEK_OPERATION_FAILED/);
  });

  it('waits for a named status when one is given', async () => {
    const setup = simulated(server);
    const cluster = setup.sim.state.seedCluster({ name: 'target' });
    setup.clock.setTimeout(() => (cluster.operation_status = 'MAINTENANCE_RUNNING'), 20_000);
    await expect(setup.client.waitForClusterOperation(cluster.id, { status: 'MAINTENANCE_RUNNING' })).resolves.toMatchObject({ operation_status: 'MAINTENANCE_RUNNING' });
  });
});

describe('waitForVersionUpgrade', () => {
  it('waits until the cluster runs the new version with the upgrade done', async () => {
    const setup = simulated(server, { delays: { upgradeMs: 90_000 } });
    const cluster = setup.sim.state.seedCluster({ name: 'upgrade-me' });
    const started = await setup.client.updateCluster({ cluster_id: cluster.id, body: { cockroach_version: 'v25.1' } });
    expect(started.upgrade_status).toBe('MAJOR_UPGRADE_RUNNING');
    const seen: string[] = [];
    const done = await setup.client.waitForVersionUpgrade(cluster.id, 'v25.1', { onProgress: (c: Cluster) => seen.push(c.upgrade_status) });
    expect(done).toMatchObject({ cockroach_version: 'v25.1.0', upgrade_status: 'FINALIZED', operation_status: 'UNSPECIFIED' });
    expect(seen).toContain('MAJOR_UPGRADE_RUNNING');
  });

  it('can insist on finalization for a dedicated cluster', async () => {
    const setup = simulated(server, { delays: { upgradeMs: 30_000 } });
    const cluster = setup.sim.state.seedCluster({ name: 'dedicated', plan: 'ADVANCED' });
    await setup.client.updateCluster({ cluster_id: cluster.id, body: { cockroach_version: '25.1' } });
    const pending = await setup.client.waitForVersionUpgrade(cluster.id, '25.1');
    expect(pending.upgrade_status).toBe('PENDING_FINALIZATION');
    setup.clock.setTimeout(() => (cluster.upgrade_status = 'FINALIZED'), 60_000);
    await expect(setup.client.waitForVersionUpgrade(cluster.id, '25.1', { finalized: true })).resolves.toMatchObject({ upgrade_status: 'FINALIZED' });
  });

  it('fails fast when the upgrade is rolled back', async () => {
    const setup = simulated(server);
    const cluster = setup.sim.state.seedCluster({ name: 'rollback' });
    await setup.client.updateCluster({ cluster_id: cluster.id, body: { cockroach_version: 'v25.1' } });
    cluster.upgrade_status = 'ROLLBACK_RUNNING';
    await expect(setup.client.waitForVersionUpgrade(cluster.id, 'v25.1')).rejects.toThrow(/being rolled back/);
  });
});

describe('waitForPrivateEndpoint', () => {
  it('waits for a registered endpoint to become available', async () => {
    const setup = simulated(server, { delays: { privateEndpointMs: 50_000 } });
    const cluster = setup.sim.state.seedCluster({ name: 'private', plan: 'ADVANCED', cloud_provider: 'AWS' });
    await setup.client.addPrivateEndpointConnection({ cluster_id: cluster.id, body: { endpoint_id: 'vpce-123' } });
    const statuses: Array<string | undefined> = [];
    const connection = await setup.client.waitForPrivateEndpoint(cluster.id, 'vpce-123', { onProgress: (c) => statuses.push(c?.status) });
    expect(connection).toMatchObject({ endpoint_id: 'vpce-123', status: 'STATUS_AVAILABLE' });
    expect(statuses[0]).toBe('STATUS_PENDING_ACCEPTANCE');
  });

  it('fails fast on a rejected endpoint and on one the cluster does not list', async () => {
    const setup = simulated(server);
    const cluster = setup.sim.state.seedCluster({ name: 'private', plan: 'ADVANCED', cloud_provider: 'AWS' });
    await setup.client.addPrivateEndpointConnection({ cluster_id: cluster.id, body: { endpoint_id: 'vpce-9' } });
    setup.sim.state.privateEndpoints.get(cluster.id)!.get('vpce-9')!.status = 'STATUS_REJECTED';
    await expect(setup.client.waitForPrivateEndpoint(cluster.id, 'vpce-9')).rejects.toThrow(/vpce-9 is STATUS_REJECTED/);
    await expect(setup.client.waitForPrivateEndpoint(cluster.id, 'vpce-missing')).rejects.toThrow(/register it with addPrivateEndpointConnection first/);
  });
});
