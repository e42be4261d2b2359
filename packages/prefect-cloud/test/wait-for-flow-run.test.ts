import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError, WaitFailedError, isFailedState } from '../src/index';
import { rejectionOf, useSimulator } from './helpers';

const env = useSimulator(() => ({ startDelayMs: 3_000, runDurationMs: 60_000 }));

describe('waitForFlowRun', () => {
  it('polls on the virtual clock until the run succeeds and returns its final state', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const seen: string[] = [];
    const started = env.clock.now();
    const final = await client.waitForFlowRun(id, { intervalMs: 1_000, onProgress: (run) => seen.push(run.state!) });
    expect(final).toMatchObject({ id, state: 'Success' });
    expect(env.clock.now() - started).toBeGreaterThanOrEqual(63_000);
    expect(env.clock.now() - started).toBeLessThan(63_000 + 30_000);
    expect(seen[0]).toBe('Scheduled');
    expect(seen).toContain('Running');
    expect(seen.at(-1)).toBe('Success');
    expect(env.clock.pending).toBe(0);
  });

  it('returns a Failed run as it ended, or throws WaitFailedError with throwOnFailure', async () => {
    const client = env.client();
    const flowId = env.sim.state.defaults.flow.id;
    const first = await client.createFlowRun({ flowId, parameters: { simulate_failure: true } });
    const failed = await client.waitForFlowRun(first.id);
    expect(isFailedState(failed.state)).toBe(true);
    expect(failed.state_message).toBe('Some tasks failed.');
    const second = await client.createFlowRun({ flowId, labels: ['simulate-failure'] });
    const error = await rejectionOf(client.waitForFlowRun(second.id, { throwOnFailure: true }));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toMatch(/ended Failed: Some tasks failed/);
    expect((error as WaitFailedError).last).toMatchObject({ state: 'Failed' });
  });

  it('ends on Cancelled too', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const waiting = client.waitForFlowRun(id, { intervalMs: 5_000 });
    await env.clock.advance(0);
    await client.cancelFlowRun(id);
    expect((await waiting).state).toBe('Cancelled');
  });

  it('gives up with TimeoutError after timeoutMs of virtual time', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id, scheduledStartTime: new Date(env.clock.now() + 86_400_000) });
    const started = env.clock.now();
    const error = await rejectionOf(client.waitForFlowRun(id, { timeoutMs: 120_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(env.clock.now() - started).toBe(120_000);
    expect(env.clock.pending).toBe(0);
  });

  it('stops waiting with AbortError when the signal fires, leaving no timer behind', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const controller = new AbortController();
    const polls: number[] = [];
    // The abort comes from the second poll itself: waiting for it in real time would let the virtual clock run on,
    // and on a busy machine the run could finish first.
    const waiting = client.waitForFlowRun(id, {
      signal: controller.signal,
      onProgress: () => {
        if (polls.push(env.clock.now()) === 2) controller.abort();
      },
    });
    const error = await rejectionOf(waiting);
    expect(polls).toHaveLength(2);
    expect(error).toBeInstanceOf(AbortError);
    expect(env.clock.pending).toBe(0);
    expect(env.sim.state.flowRuns.get(id)!.state).not.toBe('Cancelled');
  });

  it('rides over a transient API_ERROR during the wait', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    env.sim.faults.apiError({ operation: 'GetFlowRunState', count: 2 });
    expect((await client.waitForFlowRun(id)).state).toBe('Success');
  });
});
