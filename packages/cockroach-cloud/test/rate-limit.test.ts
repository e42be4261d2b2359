import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { VirtualClock } from '@x/core/testing';
import { COCKROACH_RATE_LIMITS, InternalServerError, RateLimitError } from '../src';
import { simulated, useServer, virtualClient } from './support';

const server = useServer();
const BASE = 'https://cockroachlabs.cloud';
const body = { name: 'probe', provider: 'GCP' as const, spec: { serverless: { regions: ['us-central1'] } } };

function overLimit(status: number, times: number, times_: number[], clock: VirtualClock) {
  let calls = 0;
  return http.post(`${BASE}/api/v1/clusters`, () => {
    calls += 1;
    times_.push(clock.now());
    if (calls <= times) return HttpResponse.json({ code: 8, message: 'rate limit exceeded', details: [] }, { status, headers: { 'Retry-After': '2' } });
    return HttpResponse.json({ id: 'c1', name: 'probe', state: 'CREATING' });
  });
}

describe('rate limit', () => {
  it('is 10 requests a second in one bucket shared by every endpoint', () => {
    expect(COCKROACH_RATE_LIMITS.rule).toEqual({ limit: 10, windowMs: 1_000 });
    expect(COCKROACH_RATE_LIMITS.key!('GET', new URL(`${BASE}/api/v1/clusters`))).toBe(COCKROACH_RATE_LIMITS.key!('POST', new URL(`${BASE}/api/v1/clusters/x/sql-users`)));
  });

  it('paces 25 concurrent calls to 10 a second so the server never answers over-limit', async () => {
    const { client, sim, clock } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'paced' });
    const start = clock.now();
    const calls = Array.from({ length: 25 }, (_, i) => (i % 2 ? client.getCluster({ cluster_id: cluster.id }) : client.listSQLUsers({ cluster_id: cluster.id })));
    await Promise.all(calls);
    expect(clock.now() - start).toBeGreaterThanOrEqual(2_000);
    expect(client.stats.rateLimited).toBe(0);
    expect(sim.state.requests).toHaveLength(25);
  });

  for (const status of [503, 400]) {
    it(`retries a POST answered ${status} with Retry-After and "rate limit exceeded" after the hinted wait`, async () => {
      const clock = new VirtualClock({ auto: true });
      const times: number[] = [];
      server.use(overLimit(status, 1, times, clock));
      const { client } = virtualClient({ clock });
      await expect(client.createCluster({ body })).resolves.toMatchObject({ id: 'c1' });
      expect(times).toHaveLength(2);
      expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(2_000);
      expect(client.stats).toMatchObject({ retries: 1, rateLimited: 1 });
    });
  }

  it('throws a RateLimitError carrying retryAfterMs once the retries are spent', async () => {
    const clock = new VirtualClock({ auto: true });
    const times: number[] = [];
    server.use(overLimit(503, 99, times, clock));
    const { client } = virtualClient({ clock, retry: { maxRetries: 2 } });
    const error = await client.createCluster({ body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 2_000, attempts: 3, body: { code: 8, message: 'rate limit exceeded' } });
    expect((error as Error).message).toMatch(/rate limit exceeded \(RESOURCE_EXHAUSTED\)\. Rate limited after 3 attempts; the server asks to wait 2 s/);
    expect(times).toHaveLength(3);
  });

  it('does not resend a POST after a 503 that carries no Retry-After (the cluster may have been created)', async () => {
    let calls = 0;
    server.use(http.post(`${BASE}/api/v1/clusters`, () => (calls++, HttpResponse.json({ code: 14, message: 'unavailable', details: [] }, { status: 503 }))));
    const error = await virtualClient().client.createCluster({ body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(calls).toBe(1);
  });

  it('absorbs the simulator\'s 429s when client-side limiting is off', async () => {
    const { client, sim } = simulated(server, {}, { rateLimit: false });
    const cluster = sim.state.seedCluster({ name: 'burst' });
    const results = await Promise.all(Array.from({ length: 15 }, () => client.getCluster({ cluster_id: cluster.id })));
    expect(results.every((c) => c.id === cluster.id)).toBe(true);
    expect(client.stats.rateLimited).toBeGreaterThan(0);
  });

  it('treats the simulator\'s over-limit 503 with Retry-After as a rate limit, even for POSTs', async () => {
    const { client, sim } = simulated(server, { rateLimit: { status: 503 } }, { rateLimit: false });
    const cluster = sim.state.seedCluster({ name: 'burst' });
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => client.createSQLUser({ cluster_id: cluster.id, body: { name: `u${i}`, password: 'long-enough-password' } })));
    expect(created).toHaveLength(12);
    expect(sim.state.sqlUsers.get(cluster.id)!.size).toBe(12);
    expect(client.stats.rateLimited).toBeGreaterThan(0);
  });
});
