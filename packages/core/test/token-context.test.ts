// Two small additions the GraphQL clients rely on: the token function learns which operation it signs, and a 429
// without a server hint can back off on its own, longer curve.
import { describe, expect, it } from 'vitest';
import { requestOptionsHeaders } from '../src/index';
import { faults } from '../src/testing/index';
import { BASE, scriptedTransport } from './helpers';

describe('token function context', () => {
  it('tells the token function which operation the attempt is for', async () => {
    const seen: Array<string | undefined> = [];
    const { transport, calls } = scriptedTransport([], {
      fallback: faults.json(200, { ok: true }),
      auth: { token: ({ operation }) => (seen.push(operation), operation === 'refresh' ? 'refresh-token-0001' : 'access-token-0001') },
    });
    await transport.fetch(`${BASE}/graphql`, { method: 'POST', body: '{}', headers: requestOptionsHeaders({ operation: 'refresh' }) });
    await transport.fetch(`${BASE}/graphql`, { method: 'POST', body: '{}', headers: requestOptionsHeaders({ operation: 'listFlows' }) });
    await transport.fetch(`${BASE}/graphql`);
    expect(seen).toEqual(['refresh', 'listFlows', undefined]);
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer refresh-token-0001', 'Bearer access-token-0001', 'Bearer access-token-0001']);
  });
});

describe('rateLimitDelayMs', () => {
  it('waits the rate-limit curve after a bare 429 and the normal curve after a 503', async () => {
    const { transport, clock } = scriptedTransport([faults.rateLimitedBare(), faults.rateLimitedBare(), faults.serverError(503)], {
      fallback: faults.json(200, { ok: true }),
      retry: { maxRetries: 3, jitter: 0, rateLimitDelayMs: 15_000 },
    });
    const start = clock.now();
    const response = await transport.fetch(`${BASE}/x`, {});
    expect(response.status).toBe(200);
    expect(transport.stats.waitedMs).toBe(15_000 + 30_000 + 2_000);
    expect(clock.now() - start).toBeGreaterThanOrEqual(47_000);
  });

  it('still lets a Retry-After hint win over the rate-limit curve', async () => {
    const { transport } = scriptedTransport([faults.retryAfterSeconds(2)], { fallback: faults.json(200, {}), retry: { jitter: 0, rateLimitDelayMs: 15_000 } });
    await transport.fetch(`${BASE}/x`);
    expect(transport.stats.waitedMs).toBe(2_000);
  });

  it('leaves 429s on the base curve when unset', async () => {
    const { transport } = scriptedTransport([faults.rateLimitedBare()], { fallback: faults.json(200, {}), retry: { jitter: 0 } });
    await transport.fetch(`${BASE}/x`);
    expect(transport.stats.waitedMs).toBe(500);
  });
});
