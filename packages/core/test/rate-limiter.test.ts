import { describe, expect, it } from 'vitest';
import { AbortError, RateLimiter, RateLimitError } from '../src/index';
import { FixedWindowLimiter, rateLimitHeaders, VirtualClock } from '../src/testing/index';
import { abortListeners, BASE, scriptedTransport, settleAfterAbort } from './helpers';

/** A server enforcing `limit` requests per `windowMs` over everything, answering with X-RateLimit-* headers. */
function windowServer(clock: VirtualClock, limit: number, windowMs: number) {
  const server = new FixedWindowLimiter(limit, windowMs, clock);
  const log = { accepted: 0, limited: 0, sentAt: [] as number[] };
  const fetch = async (_request: Request) => {
    const verdict = server.take('everything');
    log.sentAt.push(clock.now());
    if (!verdict.allowed) {
      log.limited += 1;
      return Response.json({ message: 'Too many requests' }, { status: 429, headers: { ...rateLimitHeaders(verdict), 'retry-after': String(verdict.resetSeconds) } });
    }
    log.accepted += 1;
    return Response.json({ ok: true }, { headers: rateLimitHeaders(verdict) });
  };
  return { fetch, log };
}

const url = (path = '/v1/projects') => new URL(`${BASE}${path}`);

describe('learning from the server', () => {
  it('slows down before a 429: a 5-per-second server sees 20 concurrent calls and answers no 429', async () => {
    const clock = new VirtualClock({ auto: true });
    const server = windowServer(clock, 5, 1_000);
    const { transport } = scriptedTransport([], { clock, rateLimit: {}, fallback: server.fetch });
    const started = clock.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => transport.fetch(`${BASE}/v1/projects`)));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(server.log.limited).toBe(0);
    expect(server.log.accepted).toBe(20);
    // Four windows' worth of calls: the last batch goes out in the fourth second.
    expect(clock.now() - started).toBeGreaterThanOrEqual(3_000);
    expect(transport.stats.rateLimited).toBe(0);
  });

  it('sends a single request to learn an unknown limit before letting the others go', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({}, clock);
    const first = await limiter.acquire('GET', url());
    let second = false;
    const next = limiter.acquire('GET', url()).then((lease) => {
      second = true;
      return lease;
    });
    await clock.advance(0);
    expect(second).toBe(false);
    limiter.observe(first.keys, 200, new Headers({ 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': '1' }));
    first.release();
    (await next).release();
    expect(second).toBe(true);
  });

  it('hands the learning over to the next request when the first one gets no answer', async () => {
    const limiter = new RateLimiter();
    const first = await limiter.acquire('GET', url());
    const next = limiter.acquire('GET', url());
    first.release();
    const lease = await next;
    let third = false;
    const after = limiter.acquire('GET', url()).then((l) => ((third = true), l));
    await Promise.resolve();
    expect(third).toBe(false);
    limiter.observe(lease.keys, 200, new Headers());
    lease.release();
    (await after).release();
    expect(third).toBe(true);
  });

  it('slows down before a 429 for sequential calls as well', async () => {
    const clock = new VirtualClock({ auto: true });
    const server = windowServer(clock, 5, 1_000);
    const { transport } = scriptedTransport([], { clock, rateLimit: {}, fallback: server.fetch });
    for (let i = 0; i < 20; i++) await transport.fetch(`${BASE}/v1/projects`);
    expect(server.log.limited).toBe(0);
  });

  it('learns nothing when learning is off (and the server then answers 429s that are retried)', async () => {
    const clock = new VirtualClock({ auto: true });
    const server = windowServer(clock, 5, 1_000);
    const { transport } = scriptedTransport([], { clock, rateLimit: { learn: false }, fallback: server.fetch });
    for (let i = 0; i < 8; i++) await transport.fetch(`${BASE}/v1/projects`);
    expect(server.log.limited).toBeGreaterThan(0);
  });

  it('reads X-RateLimit-Reset the provider\'s way (an epoch) without being told twice', async () => {
    const clock = new VirtualClock({ auto: true });
    const epochReset = () => String(Math.ceil(clock.now() / 1000) + 2);
    let n = 0;
    const server = async () => Response.json({}, { headers: { 'x-ratelimit-limit': '1', 'x-ratelimit-remaining': String(n++ === 0 ? 0 : 1), 'x-ratelimit-reset': epochReset() } });
    const { transport } = scriptedTransport([], { clock, rateLimit: {}, provider: { name: 'epochs', resetKind: 'epoch-seconds' }, fallback: server });
    const started = clock.now();
    await transport.fetch(`${BASE}/v1/projects`);
    await transport.fetch(`${BASE}/v1/projects`);
    expect(clock.now() - started).toBeLessThanOrEqual(2_000);
    expect(clock.now() - started).toBeGreaterThan(0);
  });

  it('closes a window after a 429 until the server hint passes', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({}, clock);
    const lease = await limiter.acquire('GET', url());
    lease.release();
    limiter.observe(lease.keys, 429, new Headers(), 5_000);
    let acquired = false;
    const next = limiter.acquire('GET', url()).then((l) => {
      acquired = true;
      return l;
    });
    await clock.advance(4_999);
    expect(acquired).toBe(false);
    await clock.advance(1);
    (await next).release();
    expect(acquired).toBe(true);
  });

  it('reports what it learned per bucket', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({}, clock);
    const lease = await limiter.acquire('GET', url());
    limiter.observe(lease.keys, 200, new Headers({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '30' }));
    lease.release();
    expect(limiter.snapshot()).toEqual([{ key: 'GET /v1/projects', limit: 120, remaining: 7, resetInMs: 30_000 }]);
  });

  it('reads X-RateLimit-Reset as an epoch when told to', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ resetKind: 'epoch-seconds' }, clock);
    const lease = await limiter.acquire('GET', url());
    limiter.observe(lease.keys, 200, new Headers({ 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(clock.now() / 1000 + 20) }));
    lease.release();
    expect(limiter.snapshot()[0]).toMatchObject({ remaining: 0, resetInMs: 20_000 });
  });
});

describe('static rules', () => {
  async function sendTimes(limiter: RateLimiter, clock: VirtualClock, requests: Array<[string, string]>) {
    const times: number[] = [];
    await Promise.all(
      requests.map(async ([method, path]) => {
        const lease = await limiter.acquire(method, url(path));
        times.push(clock.now());
        lease.release();
      }),
    );
    return times.map((t) => t - times[0]!).sort((a, b) => a - b);
  }

  it('lets at most `limit` requests through per window', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter({ rule: { limit: 2, windowMs: 1_000 } }, clock);
    expect(await sendTimes(limiter, clock, Array(6).fill(['GET', '/v1/projects']))).toEqual([0, 0, 1_000, 1_000, 2_000, 2_000]);
  });

  it('keeps a separate window per endpoint by default', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 1_000 } }, clock);
    expect(await sendTimes(limiter, clock, [['GET', '/v1/a'], ['GET', '/v1/b'], ['POST', '/v1/a']])).toEqual([0, 0, 0]);
  });

  it('counts requests against the bucket a custom key names (provider scope, project...)', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 1_000 }, key: (_method, target) => target.pathname.split('/')[3] ?? 'global' }, clock);
    expect(await sendTimes(limiter, clock, [['GET', '/v1/projects/ref1/a'], ['GET', '/v1/projects/ref1/b'], ['GET', '/v1/projects/ref2/a']])).toEqual([0, 0, 1_000]);
  });

  it('applies a route rule with a burst window on top of it', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter(
      { rule: { limit: 100, windowMs: 1_000 }, routes: [{ match: /^POST \/v1\/projects$/, rule: { limit: 10, windowMs: 60_000 }, burst: { limit: 1, windowMs: 1_000 } }] },
      clock,
    );
    expect(await sendTimes(limiter, clock, Array(3).fill(['POST', '/v1/projects']))).toEqual([0, 1_000, 2_000]);
    expect(await sendTimes(limiter, clock, Array(3).fill(['GET', '/v1/projects']))).toEqual([0, 0, 0]);
  });

  it('enforces the long route window once the burst allowance is used up', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter({ routes: [{ match: (method) => method === 'POST', rule: { limit: 2, windowMs: 60_000 }, burst: { limit: 1, windowMs: 1_000 } }] }, clock);
    expect(await sendTimes(limiter, clock, Array(3).fill(['POST', '/v1/x']))).toEqual([0, 1_000, 60_000]);
  });

  it('does not limit when disabled, beyond the concurrency cap', async () => {
    const clock = new VirtualClock({ auto: true });
    const limiter = new RateLimiter({ enabled: false, rule: { limit: 1, windowMs: 1_000 } }, clock);
    expect(await sendTimes(limiter, clock, Array(4).fill(['GET', '/v1/x']))).toEqual([0, 0, 0, 0]);
  });
});

describe('the concurrency cap', () => {
  it('keeps at most maxConcurrent requests in flight across the whole client', async () => {
    const clock = new VirtualClock({ auto: true });
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 100));
      inFlight -= 1;
      return Response.json({});
    };
    const { transport } = scriptedTransport([], { clock, rateLimit: { maxConcurrent: 3 }, fallback: slow });
    await Promise.all(Array.from({ length: 10 }, (_, i) => transport.fetch(`${BASE}/v1/projects/${i}`)));
    expect(most).toBe(3);
  });

  it('defaults to 10 requests in flight', async () => {
    const limiter = new RateLimiter();
    const leases = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.acquire('GET', url(`/v1/${i}`))));
    let eleventh = false;
    const next = limiter.acquire('GET', url('/v1/11')).then((lease) => {
      eleventh = true;
      return lease;
    });
    await Promise.resolve();
    expect(eleventh).toBe(false);
    leases[0]!.release();
    (await next).release();
    expect(eleventh).toBe(true);
    for (const lease of leases) lease.release();
  });
});

describe('waiting is abortable', () => {
  it('settles a wait for the window with an AbortError, leaving no timer and no listener', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 60_000 } }, clock);
    (await limiter.acquire('GET', url())).release();
    const controller = new AbortController();
    const waiting = limiter.acquire('GET', url(), controller.signal);
    await Promise.resolve();
    expect(clock.pending).toBe(1);
    const result = await settleAfterAbort(controller, waiting);
    expect(result.error).toBeInstanceOf(AbortError);
    expect(result.ms).toBeLessThan(50);
    expect(clock.pending).toBe(0);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('settles a wait for a concurrency slot with an AbortError, leaving no listener and the slot free', async () => {
    const limiter = new RateLimiter({ maxConcurrent: 1 });
    const held = await limiter.acquire('GET', url());
    const controller = new AbortController();
    const waiting = limiter.acquire('GET', url(), controller.signal);
    const result = await settleAfterAbort(controller, waiting);
    expect(result.error).toBeInstanceOf(AbortError);
    expect(result.ms).toBeLessThan(50);
    expect(abortListeners(controller.signal)).toBe(0);
    held.release();
    (await limiter.acquire('GET', url())).release();
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const limiter = new RateLimiter();
    await expect(limiter.acquire('GET', url(), AbortSignal.abort())).rejects.toBeInstanceOf(AbortError);
  });
});

describe('a wait longer than the cap', () => {
  it('fails at once with a RateLimitError carrying retryAfterMs instead of stalling silently', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 3_600_000 }, maxWaitMs: 60_000 }, clock);
    const first = await limiter.acquire('GET', new URL('https://api.test/v1/x'));
    first.release();
    const error = await limiter.acquire('GET', new URL('https://api.test/v1/x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(clock.pending).toBe(0);
  });

  it('waits as usual when the window reopens within the cap', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 30_000 }, maxWaitMs: 60_000 }, clock);
    (await limiter.acquire('GET', new URL('https://api.test/v1/x'))).release();
    const second = limiter.acquire('GET', new URL('https://api.test/v1/x'));
    await clock.advance(30_000);
    await expect(second).resolves.toMatchObject({ keys: expect.any(Array) });
  });
});

describe('a server stating a more generous limit than the assumed one', () => {
  it('lets calls through at the stated limit instead of stalling at the assumed 120 a minute', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 120, windowMs: 60_000 }, maxWaitMs: 60_000 }, clock);
    const url = new URL('https://api.test/v1/projects/abc');
    let remaining = 1_000_000_000;
    for (let i = 0; i < 300; i++) {
      const lease = await limiter.acquire('GET', url);
      remaining -= 1;
      limiter.observe(lease.keys, 200, new Headers({ 'x-ratelimit-limit': '1000000000', 'x-ratelimit-remaining': String(remaining), 'x-ratelimit-reset': '60' }));
      lease.release();
    }
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBe(0);
    expect(clock.pending).toBe(0);
  });
});

describe('a long-lived client touching many buckets', () => {
  it('lets go of buckets whose window has ended, so a bucket per project does not pile up over a service\'s life', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 5, windowMs: 1_000 }, key: (method, target) => `${method} ${target.pathname}` }, clock);
    for (let i = 0; i < 5_000; i++) {
      const lease = limiter.tryAcquire('GET', url(`/v1/projects/ref${i}`));
      expect(lease, `request ${i}`).toBeDefined();
      lease!.release();
      if (i % 100 === 99) await clock.advance(1_000);
    }
    // Without letting go this would be 5,000; the ones kept are the buckets still inside their window.
    expect(limiter.snapshot().length).toBeLessThanOrEqual(1_000);
    expect(limiter.snapshot().length).toBeGreaterThanOrEqual(100);
  });

  it('keeps a bucket whose window is still running, with its count, however many others come and go', async () => {
    const clock = new VirtualClock();
    const limiter = new RateLimiter({ rule: { limit: 2, windowMs: 60_000 } }, clock);
    limiter.tryAcquire('GET', url('/v1/busy'))!.release();
    limiter.tryAcquire('GET', url('/v1/busy'))!.release();
    await clock.advance(1_000);
    // Enough one-off endpoints for the limiter to look for buckets to let go, twice over.
    for (let i = 0; i < 4_000; i++) limiter.tryAcquire('GET', url(`/v1/once/${i}`))!.release();
    // The busy bucket spent its two requests for this minute: still refused, not reset by being let go.
    expect(limiter.tryAcquire('GET', url('/v1/busy'))).toBeUndefined();
    expect(limiter.snapshot().find((state) => state.key === 'GET /v1/busy')).toMatchObject({ remaining: 0 });
  });

  it('never lets go of a bucket a request is waiting on: the waiter and a newcomer share one count', async () => {
    // A clock whose time moves without firing timers: the limiter looks for idle buckets after the hot window has
    // ended but before the request sleeping on it wakes.
    let now = 0;
    const timers: Array<() => void> = [];
    const clock = { now: () => now, setTimeout: (callback: () => void) => timers.push(callback), clearTimeout: () => undefined };
    const limiter = new RateLimiter({ rule: { limit: 1, windowMs: 1_000 } }, clock);
    limiter.tryAcquire('GET', url('/v1/hot'))!.release();
    let waited = false;
    const waiter = limiter.acquire('GET', url('/v1/hot')).then((lease) => {
      waited = true;
      return lease;
    });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(timers).toHaveLength(1);
    now = 1_500;
    for (let i = 0; i < 1_500; i++) limiter.tryAcquire('GET', url(`/v1/cold/${i}`))!.release();
    timers.shift()!();
    (await waiter).release();
    expect(waited).toBe(true);
    // The waiter took the one token of the window it woke into; a newcomer counts against the same bucket.
    expect(limiter.tryAcquire('GET', url('/v1/hot'))).toBeUndefined();
  });
});
