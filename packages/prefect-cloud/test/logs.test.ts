import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('listFlowRunLogs', () => {
  it('pages through a run logs oldest first with the log_aggregate total', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    await env.clock.advance(10_000);
    const logs = client.listFlowRunLogs(id, { pageSize: 3 });
    const all = await logs.toArray();
    expect(all.length).toBe(logs.total);
    expect(all.length).toBeGreaterThan(6);
    expect(all[0]!.message).toMatch(/SCHEDULED/);
    expect(all.at(-1)!.message).toMatch(/SUCCESS/);
    const times = all.map((l) => Date.parse(l.timestamp!));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('filters by level, task run and time', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id, labels: ['simulate-failure'] });
    await env.clock.advance(10_000);
    const errors = await client.listFlowRunLogs(id, { level: 'ERROR' }).toArray();
    expect(errors.map((l) => l.message)).toEqual([expect.stringMatching(/'load'.*Failed/), expect.stringMatching(/FAILED/)]);
    const run = await client.getFlowRun(id);
    const extract = run.task_runs.find((t) => t.name === 'extract')!;
    expect((await client.listFlowRunLogs(id, { taskRunId: extract.id }).toArray()).every((l) => l.task_run_id === extract.id)).toBe(true);
    const late = await client.listFlowRunLogs(id, { since: new Date(Date.parse(run.end_time!)) }).toArray();
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((l) => l.timestamp === run.end_time)).toBe(true);
  });
});
