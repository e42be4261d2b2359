import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FaultQueue, faults, FixedWindowLimiter, IdSource, rateLimitHeaders, serveHandlers, VirtualClock } from '../../src/testing/index';

describe('FixedWindowLimiter', () => {
  it('allows `limit` requests per window and key, then refuses until the window ends', async () => {
    const clock = new VirtualClock({ start: 0 });
    const limiter = new FixedWindowLimiter(2, 1_000, clock);
    expect([limiter.take('a').allowed, limiter.take('a').allowed, limiter.take('a').allowed, limiter.take('b').allowed]).toEqual([true, true, false, true]);
    await clock.advance(400);
    expect(limiter.take('a')).toEqual({ allowed: false, limit: 2, remaining: 0, resetSeconds: 1, resetMs: 600 });
    await clock.advance(600);
    expect(limiter.take('a')).toMatchObject({ allowed: true, remaining: 1 });
    limiter.reset();
    expect(limiter.take('a').remaining).toBe(1);
  });

  it('turns a verdict into X-RateLimit-* headers with the reset in seconds remaining', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 120, remaining: 7, resetSeconds: 42, resetMs: 41_500 })).toEqual({ 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '7', 'x-ratelimit-reset': '42' });
  });
});

describe('FaultQueue', () => {
  it('hands queued faults to the requests that match, in order', () => {
    const queue = new FaultQueue();
    queue.inject(faults.serverError(503), { count: 2, match: /^POST \/v1\/projects$/ });
    queue.inject(faults.reset());
    const post = new Request('https://a.test/v1/projects', { method: 'POST' });
    const get = new Request('https://a.test/v1/projects');
    expect(queue.take(get)).toEqual(faults.reset());
    expect(queue.take(post)).toEqual(faults.serverError(503));
    expect(queue.size).toBe(1);
    queue.clear();
    expect(queue.take(post)).toBeUndefined();
  });
});

describe('IdSource', () => {
  it('makes deterministic ids, UUID-shaped ids and project-ref-shaped ids', () => {
    const ids = new IdSource();
    expect(ids.next('proj_')).toBe('proj_0001');
    expect(ids.uuid()).toBe('00000000-0000-4000-8000-000000000002');
    const ref = ids.ref();
    expect(ref).toMatch(/^[a-z]{20}$/);
    expect(new IdSource().ref()).not.toBe(ref);
  });
});

describe('serveHandlers', () => {
  it('serves msw handlers over HTTP on localhost and answers unknown routes with a JSON 404', async () => {
    const served = await serveHandlers([http.post('*/v1/echo', async ({ request }) => HttpResponse.json({ got: await request.json() }))]);
    try {
      const echo = await fetch(`${served.url}/v1/echo`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
      expect(await echo.json()).toEqual({ got: { a: 1 } });
      const missing = await fetch(`${served.url}/v1/nothing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: 'No route for GET /v1/nothing' });
    } finally {
      await served.close();
    }
  });
});
