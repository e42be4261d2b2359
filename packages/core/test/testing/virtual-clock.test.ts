import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/testing/index';

describe('VirtualClock', () => {
  it('starts at 2026-01-01 UTC unless told otherwise', () => {
    expect(new VirtualClock().now()).toBe(Date.UTC(2026, 0, 1));
    expect(new VirtualClock({ start: 5 }).now()).toBe(5);
  });

  it('fires timers in order as advance() moves time, letting promises settle between them', async () => {
    const clock = new VirtualClock({ start: 0 });
    const fired: Array<[string, number]> = [];
    clock.setTimeout(() => fired.push(['b', clock.now()]), 200);
    clock.setTimeout(() => fired.push(['a', clock.now()]), 100);
    clock.setTimeout(() => fired.push(['a2', clock.now()]), 100);
    await clock.advance(150);
    expect(fired).toEqual([
      ['a', 100],
      ['a2', 100],
    ]);
    expect(clock.now()).toBe(150);
    await clock.advance(50);
    expect(fired.at(-1)).toEqual(['b', 200]);
    expect(clock.elapsed).toBe(200);
  });

  it('fires a timer set by a callback during the same advance when it falls due', async () => {
    const clock = new VirtualClock({ start: 0 });
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 50);
    }, 50);
    await clock.advance(100);
    expect(fired).toEqual([50, 100]);
  });

  it('counts pending timers and forgets cleared ones', () => {
    const clock = new VirtualClock();
    const handle = clock.setTimeout(() => undefined, 10);
    clock.setTimeout(() => undefined, 20);
    expect(clock.pending).toBe(2);
    clock.clearTimeout(handle);
    expect(clock.pending).toBe(1);
  });

  it('runs every timer with runAll', async () => {
    const clock = new VirtualClock({ start: 0 });
    let done = 0;
    for (const ms of [1_000, 60_000, 5]) clock.setTimeout(() => done++, ms);
    await clock.runAll();
    expect(done).toBe(3);
    expect(clock.now()).toBe(60_000);
    expect(clock.pending).toBe(0);
  });

  it('jumps to the next timer on its own in auto mode once the program is idle', async () => {
    const clock = new VirtualClock({ auto: true, start: 0 });
    const started = performance.now();
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 3_600_000));
    expect(clock.now()).toBe(3_600_000);
    expect(performance.now() - started).toBeLessThan(500);
    clock.stop();
  });

  it('does not overtake work that is still making progress in auto mode', async () => {
    const clock = new VirtualClock({ auto: true, start: 0 });
    let timedOut = false;
    clock.setTimeout(() => (timedOut = true), 1_000);
    // Busy for a while in real turns: the timeout must not fire while work is under way.
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      clock.setTimeout(() => undefined, 5_000);
    }
    expect(timedOut).toBe(false);
    clock.stop();
  });

  it('stops ticking when stopped', async () => {
    const clock = new VirtualClock({ auto: true, start: 0 });
    clock.setTimeout(() => undefined, 1_000);
    clock.stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now()).toBe(0);
  });
});
