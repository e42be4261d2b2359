import { describe, expect, it } from 'vitest';
import { rateLimitKey, SUPABASE_RATE_LIMITS } from '../src';
import { simulated, useMsw } from './helpers';

useMsw();

describe('the simulator’s rate limits', () => {
  it('sends X-RateLimit-* on every answer, reset counted in seconds remaining', async () => {
    const { sim, clock } = simulated();
    const ask = () => sim.fetch('https://api.supabase.com/v1/organizations', { headers: { authorization: 'Bearer t' } });
    const first = await ask();
    expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining'), first.headers.get('x-ratelimit-reset')]).toEqual(['120', '119', '60']);
    await clock.advance(20_500);
    const second = await ask();
    expect([second.headers.get('x-ratelimit-remaining'), second.headers.get('x-ratelimit-reset')]).toEqual(['118', '40']);
  });

  it('answers 429 once a window’s 120 calls are spent, per endpoint and scope, until the window ends', async () => {
    const { sim, clock } = simulated();
    const a = sim.state.addProject({ name: 'a', organization_slug: 'acme' });
    const b = sim.state.addProject({ name: 'b', organization_slug: 'acme' });
    const get = (ref: string) => sim.fetch(`https://api.supabase.com/v1/projects/${ref}`, { headers: { authorization: 'Bearer t' } });
    for (let i = 0; i < 120; i++) expect((await get(a.ref)).status).toBe(200);
    const limited = await get(a.ref);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await get(b.ref)).status).toBe(200);
    await clock.advance(60_000);
    expect((await get(a.ref)).status).toBe(200);
  });
});

describe('the client against the limits', () => {
  it('absorbs a burst of 429s: 130 calls on one endpoint all succeed, and the stats show the waits', async () => {
    const { client, sim, clock } = simulated({ client: { rateLimit: false } });
    const results = await Promise.allSettled(Array.from({ length: 130 }, () => client.listAllOrganizations()));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sim.calls.filter((call) => call.status === 429)).toHaveLength(10);
    expect(client.stats).toMatchObject({ requests: 130, rateLimited: 10, retries: 10 });
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual(60_000);
    expect(clock.elapsed).toBeLessThan(70_000);
  });

  it('with its own limiter on (the default), spreads 130 calls so the server never answers 429', async () => {
    const { client, sim, clock } = simulated();
    const results = await Promise.allSettled(Array.from({ length: 130 }, () => client.listAllOrganizations()));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    expect(sim.calls.filter((call) => call.status === 429)).toHaveLength(0);
    expect(client.stats.rateLimited).toBe(0);
    expect(client.transport.limiter!.waitedMs).toBeGreaterThan(0);
    expect(clock.elapsed).toBeGreaterThanOrEqual(60_000);
  });

  it('counts every function of a project against one bucket, as the server does, and projects apart', () => {
    const key = (path: string, method = 'GET') => rateLimitKey(method, new URL(`https://api.supabase.com${path}`));
    expect(key('/v1/projects/aaaaaaaaaaaaaaaaaaaa/functions/one')).toBe('GET /v1/projects/{ref}/functions/{function_slug} @aaaaaaaaaaaaaaaaaaaa');
    expect(key('/v1/projects/aaaaaaaaaaaaaaaaaaaa/functions/two')).toBe(key('/v1/projects/aaaaaaaaaaaaaaaaaaaa/functions/one'));
    expect(key('/v1/projects/bbbbbbbbbbbbbbbbbbbb/functions/one')).not.toBe(key('/v1/projects/aaaaaaaaaaaaaaaaaaaa/functions/one'));
    expect(key('/v1/organizations/acme/projects')).toBe('GET /v1/organizations/{slug}/projects @acme');
    expect(key('/v1/projects/available-regions')).toBe('GET /v1/projects/available-regions @user');
    expect(key('/v1/projects', 'POST')).toBe('POST /v1/projects @user');
  });

  it('keeps giving each path its own bucket across thousands of distinct projects, and the same answer twice', () => {
    const key = (path: string, method = 'GET') => rateLimitKey(method, new URL(`https://api.supabase.com${path}`));
    const refs = Array.from({ length: 3_000 }, (_, i) => `ref${String(i).padStart(17, '0')}`);
    const first = refs.map((ref) => key(`/v1/projects/${ref}/functions`));
    expect(new Set(first).size).toBe(refs.length);
    expect(first[0]).toBe(`GET /v1/projects/{ref}/functions @${refs[0]}`);
    // Asked again after thousands of others (and in lower case), the answers are the same.
    expect(refs.map((ref) => key(`/v1/projects/${ref}/functions`, 'get'))).toEqual(first);
    expect(key('/v1/not-a-route')).toBe('GET /v1/not-a-route');
  });

  it('knows the stricter endpoints', () => {
    const strict = (method: string, path: string) => SUPABASE_RATE_LIMITS.routes!.find((route) => (route.match as RegExp).test(`${method} ${path}`))?.rule;
    expect(strict('GET', '/v1/projects/abc/analytics/endpoints/logs.all')).toEqual({ limit: 30, windowMs: 60_000 });
    expect(strict('GET', '/v1/projects/abc/database/context')).toEqual({ limit: 10, windowMs: 60_000 });
    expect(strict('POST', '/v1/projects/abc/custom-hostname/initialize')).toEqual({ limit: 10, windowMs: 60_000 });
    expect(strict('POST', '/v1/projects/abc/database/migrations')).toEqual({ limit: 120, windowMs: 180_000 });
    expect(strict('GET', '/v1/projects/abc')).toBeUndefined();
  });
});
