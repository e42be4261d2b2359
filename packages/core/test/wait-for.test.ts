import { describe, expect, it } from 'vitest';
import { AbortError, TimeoutError, waitFor, WaitFailedError } from '../src/index';
import { VirtualClock } from '../src/testing/index';

/** A project that moves through `states`, one per check, staying on the last; records when each check ran. */
function project(clock: VirtualClock, states: string[]) {
  const checkedAt: number[] = [];
  const start = clock.now();
  const check = async () => {
    checkedAt.push(clock.now() - start);
    return { status: states.length > 1 ? states.shift()! : states[0]! };
  };
  return { check, checkedAt };
}

describe('waitFor', () => {
  it('returns the state once it is the one wanted', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check } = project(clock, ['COMING_UP', 'COMING_UP', 'ACTIVE_HEALTHY']);
    await expect(waitFor({ check, until: (p) => p.status === 'ACTIVE_HEALTHY', clock })).resolves.toEqual({ status: 'ACTIVE_HEALTHY' });
  });

  it('polls at 2 s, growing by 1.5 each time, capped at 30 s', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check, checkedAt } = project(clock, [...Array(9).fill('CREATING'), 'READY']);
    await waitFor({ check, until: (p) => p.status === 'READY', clock });
    const gaps = checkedAt.slice(1).map((t, i) => t - checkedAt[i]!);
    expect(gaps).toEqual([2_000, 3_000, 4_500, 6_750, 10_125, 15_187.5, 22_781.25, 30_000, 30_000]);
  });

  it('follows a custom interval, growth and cap', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check, checkedAt } = project(clock, ['A', 'A', 'A', 'A', 'B']);
    await waitFor({ check, until: (p) => p.status === 'B', clock, intervalMs: 100, backoff: 2, maxIntervalMs: 300 });
    expect(checkedAt).toEqual([0, 100, 300, 600, 900]);
  });

  it('gives up with a TimeoutError naming what it waited for, without sleeping past the timeout', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check, checkedAt } = project(clock, ['CREATING']);
    const error = await waitFor({ check, until: () => false, clock, intervalMs: 4_000, backoff: 1, timeoutMs: 10_000, description: 'project abc to become ACTIVE_HEALTHY' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 10_000, message: 'Gave up waiting for project abc to become ACTIVE_HEALTHY after 10 s.' });
    expect(checkedAt).toEqual([0, 4_000, 8_000, 10_000]);
  });

  it('defaults to a 10 minute timeout', async () => {
    const clock = new VirtualClock({ auto: true });
    const started = clock.now();
    await expect(waitFor({ check: async () => 'x', until: () => false, clock })).rejects.toBeInstanceOf(TimeoutError);
    expect(clock.now() - started).toBe(600_000);
  });

  it('fails fast with WaitFailedError and the last state when the state can never become the one wanted', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check, checkedAt } = project(clock, ['COMING_UP', 'INIT_FAILED']);
    const error = await waitFor({ check, until: (p) => p.status === 'ACTIVE_HEALTHY', failed: (p) => (p.status === 'INIT_FAILED' ? 'the project failed to start' : undefined), clock, description: 'project abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error).toMatchObject({ message: 'Waiting for project abc failed: the project failed to start', last: { status: 'INIT_FAILED' } });
    expect(checkedAt).toHaveLength(2);
  });

  it('reports progress with every state read, the attempt number and the time elapsed', async () => {
    const clock = new VirtualClock({ auto: true });
    const { check } = project(clock, ['A', 'B', 'C']);
    const progress: Array<[string, number, number]> = [];
    await waitFor({ check, until: (p) => p.status === 'C', clock, intervalMs: 1_000, backoff: 1, onProgress: (p, info) => progress.push([p.status, info.attempt, info.elapsedMs]) });
    expect(progress).toEqual([
      ['A', 1, 0],
      ['B', 2, 1_000],
      ['C', 3, 2_000],
    ]);
  });

  it('passes its signal to the check and stops with an AbortError when it aborts', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const signals: Array<AbortSignal | undefined> = [];
    const waiting = waitFor({ check: async (signal) => (signals.push(signal), 'x'), until: () => false, clock, signal: controller.signal });
    await clock.advance(0);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    expect(signals[0]).toBe(controller.signal);
    expect(clock.pending).toBe(0);
  });

  it('does not check at all with a signal that is already aborted', async () => {
    let checks = 0;
    await expect(waitFor({ check: async () => ++checks, until: () => true, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(checks).toBe(0);
  });

  it('passes a failing check\'s error through', async () => {
    await expect(waitFor({ check: () => Promise.reject(new Error('status endpoint down')), until: () => true })).rejects.toThrow('status endpoint down');
  });
});
