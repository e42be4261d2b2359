// Load: 200 concurrent calls through one client against its simulator's rate limit, on a virtual clock. The
// client's limiter must pace them so that every call succeeds and the server never has to answer 429.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createWorld, type Kind, type World } from './support/world';
import { printTally, tally } from './support/tally';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  printTally('Load (200 concurrent calls per client)');
});

/** The most requests that reached the server inside any window of `windowMs` (aligned to the first request). */
function busiestWindow(world: World, windowMs: number): number {
  const start = world.seen[0]?.at ?? 0;
  const counts = new Map<number, number>();
  for (const seen of world.seen) {
    const window = Math.floor((seen.at - start) / windowMs);
    counts.set(window, (counts.get(window) ?? 0) + 1);
  }
  return Math.max(0, ...counts.values());
}

interface LoadCase {
  kind: Kind;
  /** The server's limit, as the simulator enforces it. */
  limit: { limit: number; windowMs: number } | undefined;
  simulator: Record<string, unknown>;
  client?: Record<string, unknown>;
  /** The most virtual time 200 calls may take at that limit (a little over the ideal). */
  maxVirtualMs: number;
  description: string;
}

const CASES: LoadCase[] = [
  { kind: 'cockroach', limit: { limit: 10, windowMs: 1_000 }, simulator: {}, maxVirtualMs: 21_000, description: 'the CockroachDB simulator at 10 requests a second' },
  { kind: 'supabase', limit: { limit: 120, windowMs: 60_000 }, simulator: {}, maxVirtualMs: 61_000, description: 'the Supabase simulator at 120 requests a minute per endpoint' },
  // The Prefect simulator sends X-RateLimit-* only on its 429s, so the client is given the limit as a rule.
  { kind: 'prefect', limit: { limit: 50, windowMs: 10_000 }, simulator: { rateLimit: { limit: 50, windowMs: 10_000 } }, client: { rateLimit: { rule: { limit: 50, windowMs: 10_000 } } }, maxVirtualMs: 41_000, description: 'the Prefect simulator at 50 requests per 10 seconds (the client given that rule)' },
  { kind: 'hasura', limit: undefined, simulator: {}, maxVirtualMs: 5_000, description: 'the Hasura simulator (no server limit; 10 in flight at once)' },
];

describe('200 concurrent calls through one client', () => {
  for (const c of CASES) {
    it(`${c.kind}: 200 concurrent reads against ${c.description} all succeed and the server answers no 429`, async () => {
      const world = createWorld(c.kind, { simulator: c.simulator, client: c.client });
      server.use(world.handler);
      try {
        const started = world.clock.now();
        const results = await Promise.allSettled(Array.from({ length: 200 }, () => world.read()));
        const elapsed = world.clock.now() - started;
        const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        for (const r of results) tally(`${c.kind}: 200 concurrent reads`, r.status === 'fulfilled' ? 'data' : (r.reason as Error).name);
        const limited = world.seen.filter((s) => s.status === 429).length;
        tally(`${c.kind}: server answers`, '429', limited);
        tally(`${c.kind}: server answers`, 'other', world.seen.length - limited);
        expect(failures.map((f) => `${(f.reason as Error).name}: ${(f.reason as Error).message}`).slice(0, 3)).toEqual([]);
        expect(results.every((r) => r.status === 'fulfilled' && world.isReadData(r.value))).toBe(true);
        expect(limited, 'answers of 429 from the server').toBe(0);
        expect(world.seen, 'one request per call: nothing was retried').toHaveLength(200);
        if (c.limit) expect(busiestWindow(world, c.limit.windowMs)).toBeLessThanOrEqual(c.limit.limit);
        // Paced, not stalled: close to what the limit allows.
        expect(elapsed).toBeLessThanOrEqual(c.maxVirtualMs);
        const stats = (world.client as { stats: { rateLimited: number; retries: number } }).stats;
        expect(stats.rateLimited).toBe(0);
        expect(stats.retries).toBe(0);
      } finally {
        world.clock.stop();
      }
    });
  }

  it('prefect: 200 concurrent reads with no rule, learning the limit only from 429s, all succeed with at most one 429 per server window', async () => {
    const world = createWorld('prefect', { simulator: { rateLimit: { limit: 50, windowMs: 10_000 } } });
    server.use(world.handler);
    try {
      const results = await Promise.allSettled(Array.from({ length: 200 }, () => world.read()));
      for (const r of results) tally('prefect: 200 concurrent reads, limit learned from 429s', r.status === 'fulfilled' ? 'data' : (r.reason as Error).name);
      const limited = world.seen.filter((s) => s.status === 429).length;
      tally('prefect (learning): server answers', '429', limited);
      expect(results.every((r) => r.status === 'fulfilled')).toBe(true);
      // Each 429 teaches the client the limit; it is absorbed (retried after Retry-After), never surfaced.
      expect(limited).toBeLessThanOrEqual(Math.ceil(200 / 50));
    } finally {
      world.clock.stop();
    }
  });
});
