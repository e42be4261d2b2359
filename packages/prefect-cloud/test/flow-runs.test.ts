import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError, VersionLockingError } from '../src/index';
import { rejectionOf, useSimulator } from './helpers';

const env = useSimulator();

describe('createFlowRun', () => {
  it('creates a Scheduled run with parameters, labels, run config, name and start time', async () => {
    const client = env.client();
    const start = new Date(env.clock.now() + 3_600_000);
    const { id } = await client.createFlowRun({
      flowId: env.sim.state.defaults.flow.id,
      parameters: { date: '2026-01-01' },
      labels: ['prod'],
      runConfig: { type: 'KubernetesRun', cpu_request: '1' },
      name: 'backfill-jan',
      scheduledStartTime: start,
    });
    const run = await client.getFlowRun(id);
    expect(run).toMatchObject({ state: 'Scheduled', name: 'backfill-jan', parameters: { date: '2026-01-01' }, labels: ['prod'], run_config: { type: 'KubernetesRun', cpu_request: '1' }, scheduled_start_time: start.toISOString() });
  });

  it('runs the newest unarchived version of a version group', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ versionGroupId: 'etl-group' });
    expect((await client.getFlowRun(id)).flow).toMatchObject({ id: env.sim.state.defaults.flow.id, version: 2 });
  });

  it('returns the first run again for a repeated idempotency key', async () => {
    const client = env.client();
    const input = { flowId: env.sim.state.defaults.flow.id, parameters: { date: 'x' }, idempotencyKey: 'job-42' };
    const first = await client.createFlowRun(input);
    const second = await client.createFlowRun(input);
    expect(second.id).toBe(first.id);
    expect(env.sim.state.flowRuns.size).toBe(1);
    await expect(client.createFlowRun({ ...input, parameters: { date: 'y' } })).rejects.toThrow(/idempotency key/);
  });

  it('needs exactly one of flowId and versionGroupId', async () => {
    const client = env.client();
    await expect(client.createFlowRun({})).rejects.toBeInstanceOf(ValidationError);
    await expect(client.createFlowRun({ flowId: 'a', versionGroupId: 'b' })).rejects.toBeInstanceOf(ValidationError);
    expect(env.sim.state.calls).toHaveLength(0);
  });
});

describe('getFlowRun', () => {
  it('returns the run with its task runs and logs once it has run', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    await env.clock.advance(10_000);
    const run = await client.getFlowRun(id);
    expect(run.state).toBe('Success');
    expect(run.task_runs.map((t) => [t.task!.name, t.state])).toEqual([['extract', 'Success'], ['transform', 'Success'], ['load', 'Success']]);
    expect(run.logs[0]!.message).toMatch(/SCHEDULED/);
    expect(run.logs.at(-1)!.message).toMatch(/SUCCESS/);
  });

  it('limits the logs it embeds', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    await env.clock.advance(10_000);
    expect((await client.getFlowRun(id, { logLimit: 2 })).logs).toHaveLength(2);
  });

  it('throws NotFoundError for an unknown run', async () => {
    await expect(env.client().getFlowRun('00000000-0000-4000-8000-ffffffffffff')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('listFlowRuns', () => {
  it('filters by flow and state, newest first, with the aggregate total', async () => {
    const client = env.client();
    const flowId = env.sim.state.defaults.flow.id;
    const ok = await client.createFlowRun({ flowId });
    const bad = await client.createFlowRun({ flowId, labels: ['simulate-failure'] });
    await env.clock.advance(10_000);
    const pending = await client.createFlowRun({ flowId });
    const all = client.listFlowRuns({ flowId, pageSize: 2 });
    // Newest first; runs created in the same instant keep id order.
    expect((await all.toArray()).map((r) => r.id)).toEqual([pending.id, ok.id, bad.id]);
    expect(all.total).toBe(3);
    expect((await client.listFlowRuns({ state: 'Failed' }).toArray()).map((r) => r.id)).toEqual([bad.id]);
    expect((await client.listFlowRuns({ state: ['Success', 'Scheduled'] }).toArray()).map((r) => r.id).sort()).toEqual([ok.id, pending.id].sort());
  });
});

describe('setFlowRunState and cancelFlowRun', () => {
  it('sets a state under the version lock and bumps the version', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const before = await client.getFlowRunState(id);
    const result = await client.setFlowRunState(id, { type: 'Failed', message: 'upstream data missing' }, { version: before.version! });
    expect(result).toEqual({ id, status: 'SUCCESS', message: null });
    const after = await client.getFlowRunState(id);
    expect(after).toMatchObject({ state: 'Failed', state_message: 'upstream data missing', version: before.version! + 1 });
  });

  it('reads the current version itself when none is given', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    await client.setFlowRunState(id, 'Running', { message: 'started by hand' });
    expect(await client.getFlowRunState(id)).toMatchObject({ state: 'Running', state_message: 'started by hand' });
  });

  it('refuses a change based on a stale version with VersionLockingError', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const seen = (await client.getFlowRunState(id)).version!;
    await env.clock.advance(1_500);
    // The run started meanwhile (the agent moved it), so `seen` is stale.
    const error = await rejectionOf(client.setFlowRunState(id, 'Cancelled', { version: seen }));
    expect(error).toBeInstanceOf(VersionLockingError);
    expect(error).toMatchObject({ expectedVersion: seen, actualVersion: seen + 1 });
  });

  it('cancels a run, which then stays Cancelled', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    await env.clock.advance(1_500);
    expect(await client.cancelFlowRun(id)).toEqual({ state: 'Cancelled' });
    await env.clock.advance(60_000);
    expect((await client.getFlowRun(id)).state).toBe('Cancelled');
  });

  it('validates the state before sending', async () => {
    await expect(env.client().setFlowRunState('x', { type: '' })).rejects.toBeInstanceOf(ValidationError);
  });
});
