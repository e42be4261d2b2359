import { describe, expect, it } from 'vitest';
import { AbortError, Semaphore } from '../src/index';
import { abortListeners, settleAfterAbort } from './helpers';

describe('Semaphore', () => {
  it('hands out at most `size` slots and serves waiters first come, first served', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    const waiters = [3, 4, 5].map((n) => semaphore.acquire().then((release) => (order.push(n), release)));
    expect(semaphore.waiting).toBe(3);
    a();
    b();
    const releases = await Promise.all(waiters.slice(0, 2));
    expect(order).toEqual([3, 4]);
    releases[0]!();
    (await waiters[2]!)();
    expect(order).toEqual([3, 4, 5]);
  });

  it('ignores a second release of the same slot', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    await semaphore.acquire();
    let second = false;
    void semaphore.acquire().then(() => (second = true));
    await Promise.resolve();
    expect(second).toBe(false);
  });

  it('lets a waiter abort: it leaves the line within 50 ms, removes its listener and skips no one', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const aborted = semaphore.acquire(controller.signal);
    const next = semaphore.acquire();
    const result = await settleAfterAbort(controller, aborted);
    expect(result.error).toBeInstanceOf(AbortError);
    expect(result.ms).toBeLessThan(50);
    expect(abortListeners(controller.signal)).toBe(0);
    expect(semaphore.waiting).toBe(1);
    release();
    await next;
  });

  it('removes the abort listener of a waiter that got its slot', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    expect(abortListeners(controller.signal)).toBe(1);
    release();
    await waiting;
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('rejects at once for an aborted signal', async () => {
    await expect(new Semaphore(1).acquire(AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
  });
});
