import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError, UPGRADE_STATUS, WaitFailedError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

async function newProject(setup: ReturnType<typeof simulated>) {
  return setup.client.createAProject({ body: { name: 'waited', organization_slug: 'acme', db_pass: 'pw' } });
}

describe('waitForProjectHealthy', () => {
  it('polls a new project until ACTIVE_HEALTHY on the virtual clock, reporting progress, leaving no timer behind', async () => {
    const setup = simulated();
    const { ref } = await newProject(setup);
    const progress: Array<[string, number]> = [];
    const project = await setup.client.waitForProjectHealthy(ref, { onProgress: (value, info) => progress.push([value.status, info.attempt]) });
    expect(project.status).toBe('ACTIVE_HEALTHY');
    expect(progress[0]).toEqual(['COMING_UP', 1]);
    expect(progress.at(-1)![0]).toBe('ACTIVE_HEALTHY');
    expect(setup.clock.elapsed).toBeGreaterThanOrEqual(90_000);
    expect(setup.clock.elapsed).toBeLessThan(120_000);
    expect(setup.clock.pending).toBe(0);
  });

  it('fails fast on INIT_FAILED with a WaitFailedError that says what to do and carries the project', async () => {
    const setup = simulated();
    const { ref } = await newProject(setup);
    setup.sim.state.setProjectStatus(ref, 'COMING_UP', { status: 'INIT_FAILED', afterMs: 20_000 });
    const error = await rejection(setup.client.waitForProjectHealthy(ref, { intervalMs: 5_000 }));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toContain(`project ${ref} to become ACTIVE_HEALTHY failed: it is INIT_FAILED`);
    expect(error.message).toContain('delete the project and create it again');
    expect((error as WaitFailedError).last).toMatchObject({ ref, status: 'INIT_FAILED' });
    expect((error as WaitFailedError).operation).toBe('waitForProjectHealthy');
    expect(setup.clock.elapsed).toBeLessThan(40_000);
  });

  it('gives up with a TimeoutError naming the last status after timeoutMs', async () => {
    const setup = simulated({ simulator: { delays: { projectReadyMs: 3_600_000 } } });
    const { ref } = await newProject(setup);
    const error = await rejection(setup.client.waitForProjectHealthy(ref, { timeoutMs: 120_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('Last seen: COMING_UP');
    expect(setup.clock.elapsed).toBeGreaterThanOrEqual(120_000);
    expect(setup.clock.elapsed).toBeLessThan(140_000);
    expect(setup.clock.pending).toBe(0);
  });

  it('stops with an AbortError as soon as the signal fires, leaving no timer behind', async () => {
    const setup = simulated();
    const { ref } = await newProject(setup);
    const controller = new AbortController();
    const waiting = setup.client.waitForProjectHealthy(ref, { signal: controller.signal, onProgress: (_, info) => info.attempt === 3 && controller.abort() });
    expect(await rejection(waiting)).toBeInstanceOf(AbortError);
    expect(setup.clock.elapsed).toBeLessThan(90_000);
    expect(setup.clock.pending).toBe(0);
  });
});

describe('waitForBranchReady', () => {
  it('waits for a new branch by project ref or by UUID', async () => {
    const setup = simulated();
    const project = setup.sim.state.addProject({ name: 'p', organization_slug: 'acme' });
    const branch = await setup.client.createABranch({ ref: project.ref, body: { branch_name: 'preview' } });
    const statuses: string[] = [];
    const ready = await setup.client.waitForBranchReady(branch.project_ref, { onProgress: (detail) => statuses.push(detail.status) });
    expect(ready).toMatchObject({ ref: branch.project_ref, status: 'ACTIVE_HEALTHY' });
    expect(statuses[0]).toBe('COMING_UP');
    expect(setup.clock.elapsed).toBeGreaterThanOrEqual(120_000);
    expect((await setup.client.waitForBranchReady(branch.id)).status).toBe('ACTIVE_HEALTHY');
    expect((await setup.client.listAllBranches({ ref: project.ref })).find((candidate) => candidate.id === branch.id)?.status).toBe('FUNCTIONS_DEPLOYED');
  });
});

describe('waitForRestore', () => {
  it('waits through INACTIVE and RESTORING until the restored project is healthy', async () => {
    const setup = simulated();
    const project = setup.sim.state.addProject({ name: 'paused', organization_slug: 'acme' });
    await setup.client.pauseAProject({ ref: project.ref });
    await setup.clock.advance(30_000);
    expect((await setup.client.getProject({ ref: project.ref })).status).toBe('INACTIVE');
    await setup.client.restoreAProject({ ref: project.ref });
    const seen = new Set<string>();
    const restored = await setup.client.waitForRestore(project.ref, { onProgress: (value) => seen.add(value.status) });
    expect(restored.status).toBe('ACTIVE_HEALTHY');
    expect([...seen]).toEqual(['RESTORING', 'ACTIVE_HEALTHY']);
  });

  it('fails fast when the restore fails', async () => {
    const setup = simulated();
    const project = setup.sim.state.addProject({ name: 'broken', organization_slug: 'acme', status: 'RESTORING' });
    setup.sim.state.setProjectStatus(project.ref, 'RESTORING', { status: 'RESTORE_FAILED', afterMs: 10_000 });
    const error = await rejection(setup.client.waitForRestore(project.ref));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toContain('RESTORE_FAILED');
  });
});

describe('waitForUpgrade', () => {
  it('waits for the upgrade it started, by tracking id, until UPGRADED', async () => {
    const setup = simulated();
    const project = setup.sim.state.addProject({ name: 'old', organization_slug: 'acme' });
    const { tracking_id } = await setup.client.upgradePostgresVersion({ ref: project.ref, body: { target_version: '17' } });
    expect((await setup.client.getProject({ ref: project.ref })).status).toBe('UPGRADING');
    const done = await setup.client.waitForUpgrade(project.ref, { trackingId: tracking_id });
    expect(done.databaseUpgradeStatus).toMatchObject({ status: UPGRADE_STATUS.UPGRADED, target_version: 17, progress: '10_completed_post_physical_backup' });
    expect(setup.clock.elapsed).toBeGreaterThanOrEqual(600_000);
    expect(setup.sim.calls.filter((call) => call.operation === 'getPostgresUpgradeStatus').every((call) => call.status === 200)).toBe(true);
  });

  it('fails fast with the failed step when the upgrade fails', async () => {
    const setup = simulated();
    const project = setup.sim.state.addProject({ name: 'old', organization_slug: 'acme' });
    await setup.client.upgradePostgresVersion({ ref: project.ref, body: { target_version: '17' } });
    setup.sim.state.failUpgrade(project.ref, '5_data_upgrade_completion_failed');
    const error = await rejection(setup.client.waitForUpgrade(project.ref));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toContain('the upgrade to Postgres 17 failed at 5_data_upgrade_completion_failed');
  });
});
