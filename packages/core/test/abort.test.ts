// Cancellation in every phase: each abort settles within 50 ms with an AbortError and leaves no timer on the
// clock and no listener on the caller's signal.
import { describe, expect, it } from 'vitest';
import { AbortError, linkedController, Paginator, sleep, TimeoutError, waitFor, type Transport } from '../src/index';
import { faults, VirtualClock } from '../src/testing/index';
import { abortListeners, BASE, scriptedTransport, settleAfterAbort } from './helpers';

const abortSoon = settleAfterAbort;

function expectCleanAbort(result: { ms: number; error?: unknown }, clock: VirtualClock, signal: AbortSignal) {
  expect(result.error).toBeInstanceOf(AbortError);
  expect(result.ms).toBeLessThan(50);
  expect(clock.pending).toBe(0);
  expect(abortListeners(signal)).toBe(0);
}

describe('linkedController', () => {
  it('aborts when any linked signal aborts, with that signal\'s reason', () => {
    const a = new AbortController();
    const linked = linkedController([undefined, a.signal, null]);
    a.abort('because');
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe('because');
  });

  it('starts aborted when a linked signal already is', () => {
    expect(linkedController([AbortSignal.abort('early')]).signal.reason).toBe('early');
  });

  it('aborts with the timeout reason when its time runs out on the clock', async () => {
    const clock = new VirtualClock();
    const linked = linkedController([], { ms: 1_000, clock, reason: () => new TimeoutError('too slow') });
    await clock.advance(1_000);
    expect(linked.signal.reason).toBeInstanceOf(TimeoutError);
  });

  it('removes its timer and listeners when disposed', () => {
    const clock = new VirtualClock();
    const outer = new AbortController();
    const linked = linkedController([outer.signal], { ms: 1_000, clock, reason: () => new Error('x') });
    expect(clock.pending).toBe(1);
    expect(abortListeners(outer.signal)).toBe(1);
    linked.dispose();
    expect(clock.pending).toBe(0);
    expect(abortListeners(outer.signal)).toBe(0);
  });
});

describe('sleep', () => {
  it('resolves after the time passes on the clock', async () => {
    const clock = new VirtualClock();
    let done = false;
    const waiting = sleep(1_000, undefined, clock).then(() => (done = true));
    await clock.advance(999);
    expect(done).toBe(false);
    await clock.advance(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('settles early with an AbortError, clearing its timer and listener', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    expectCleanAbort(await abortSoon(controller, sleep(60_000, controller.signal, clock)), clock, controller.signal);
  });

  it('removes its listener when it completes normally', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const waiting = sleep(10, controller.signal, clock);
    await clock.advance(10);
    await waiting;
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('rejects at once for an aborted signal and resolves at once for no wait', async () => {
    await expect(sleep(10, AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
    await expect(sleep(0)).resolves.toBeUndefined();
  });

  it('passes an SDK error given as the reason through unchanged', async () => {
    const reason = new TimeoutError('deadline', { provider: 'supabase' });
    await expect(sleep(10, AbortSignal.abort(reason))).rejects.toBe(reason);
  });
});

describe('an abort in each phase of a request', () => {
  const manual = () => new VirtualClock();

  it('settles a request waiting for its answer', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport, calls } = scriptedTransport([faults.hang()], { clock });
    const result = await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal }));
    expectCleanAbort(result, clock, controller.signal);
    expect(result.error).toMatchObject({ attempts: 1, provider: 'supabase', method: 'GET' });
    expect(calls).toHaveLength(1);
  });

  it('settles a request waiting out its backoff', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport, calls } = scriptedTransport([faults.serverError(503)], { clock });
    const result = await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal }), 10);
    expectCleanAbort(result, clock, controller.signal);
    expect(calls).toHaveLength(1);
  });

  it('settles a request waiting out a server Retry-After', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport } = scriptedTransport([faults.retryAfterSeconds(30)], { clock });
    expectCleanAbort(await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal }), 10), clock, controller.signal);
  });

  it('settles a request queued in the rate limiter', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport, calls } = scriptedTransport([], { clock, rateLimit: { rule: { limit: 1, windowMs: 60_000 } } });
    await transport.fetch(`${BASE}/v1/projects`);
    const result = await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal }));
    expectCleanAbort(result, clock, controller.signal);
    expect(calls).toHaveLength(1);
  });

  it('settles a request waiting for a concurrency slot', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport } = scriptedTransport([faults.hang()], { clock, rateLimit: { maxConcurrent: 1 } });
    const blocker = new AbortController();
    const first = transport.fetch(`${BASE}/v1/a`, { signal: blocker.signal }).catch(() => undefined);
    const result = await abortSoon(controller, transport.fetch(`${BASE}/v1/b`, { signal: controller.signal }));
    blocker.abort();
    await first;
    expectCleanAbort(result, clock, controller.signal);
  });

  it('settles a request whose body is still arriving', async () => {
    const clock = manual();
    const controller = new AbortController();
    const endless = () => new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"items": [')) }), { status: 200 });
    const { transport } = scriptedTransport([], { clock, fallback: endless });
    expectCleanAbort(await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal })), clock, controller.signal);
  });

  it('settles a request waiting for a credential refresh', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport } = scriptedTransport([faults.json(401, { message: 'expired' })], { clock, auth: { token: 'token_expired_000', refresh: () => new Promise<string>(() => undefined) } });
    expectCleanAbort(await abortSoon(controller, transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal })), clock, controller.signal);
  });

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    const clock = manual();
    const { transport, calls } = scriptedTransport([], { clock });
    await expect(transport.fetch(`${BASE}/v1/projects`, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(0);
    expect(clock.pending).toBe(0);
  });

  it('leaves no timer and no listener after a request that succeeded', async () => {
    const clock = manual();
    const controller = new AbortController();
    const { transport } = scriptedTransport([], { clock, deadlineMs: 30_000 });
    await transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal });
    expect(clock.pending).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });
});

describe('an abort while paginating or polling', () => {
  /** Pages of two items fetched through the transport; page 2 never answers. */
  function pagedTransport(clock: VirtualClock) {
    return scriptedTransport([faults.json(200, { items: [1, 2], next: 'p2' })], { clock, fallback: faults.hang() });
  }
  const fetchPage = (transport: Transport) => async (cursor: string, signal: AbortSignal | undefined) => {
    const answer = await transport.fetch(`${BASE}/v1/items?page=${cursor}`, { signal });
    const body = (await answer.json()) as { items: number[]; next?: string };
    return { items: body.items, next: body.next };
  };

  it('settles an iteration whose next page is in flight', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const { transport } = pagedTransport(clock);
    const seen: number[] = [];
    const run = (async () => {
      for await (const item of new Paginator(fetchPage(transport), 'p1', { signal: controller.signal })) seen.push(item);
    })();
    expectCleanAbort(await abortSoon(controller, run, 10), clock, controller.signal);
    expect(seen).toEqual([1, 2]);
  });

  it('settles an iteration even when the page fetcher ignores the signal', async () => {
    const controller = new AbortController();
    const clock = new VirtualClock();
    const stubborn = async (cursor: number) => (cursor === 0 ? { items: ['a'], next: 1 } : new Promise<never>(() => undefined));
    const run = (async () => {
      for await (const _ of new Paginator(stubborn, 0, { signal: controller.signal })) void _;
    })();
    expectCleanAbort(await abortSoon(controller, run), clock, controller.signal);
  });

  it('settles a waitFor sleeping between polls', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const polling = waitFor({ check: async () => 'CREATING', until: (s) => s === 'ACTIVE', signal: controller.signal, clock, intervalMs: 5_000 });
    expectCleanAbort(await abortSoon(controller, polling), clock, controller.signal);
  });

  it('settles a waitFor whose check is in flight, even when the check ignores the signal', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const polling = waitFor({ check: () => new Promise<string>(() => undefined), until: () => true, signal: controller.signal, clock });
    expectCleanAbort(await abortSoon(controller, polling), clock, controller.signal);
  });
});
