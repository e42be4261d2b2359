import { describe, expect, it } from 'vitest';
import { createTransport, RateLimitError, requestOptionsHeaders, resetInMs, retryAfterMs } from '../src/index';
import { createFaultyFetch, faults, VirtualClock } from '../src/testing/index';
import { BASE, scriptedTransport, TOKEN } from './helpers';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const h = (headers: Record<string, string>) => new Headers(headers);

describe('retryAfterMs', () => {
  it('reads retry-after-ms in milliseconds first', () => {
    expect(retryAfterMs(h({ 'retry-after-ms': '250', 'retry-after': '9' }), { now: NOW })).toBe(250);
  });

  it('reads Retry-After in seconds, fractions included', () => {
    expect(retryAfterMs(h({ 'retry-after': '3' }), { now: NOW })).toBe(3_000);
    expect(retryAfterMs(h({ 'retry-after': '1.5' }), { now: NOW })).toBe(1_500);
    expect(retryAfterMs(h({ 'retry-after': '0' }), { now: NOW })).toBe(0);
  });

  it('reads Retry-After as an HTTP date, relative to now', () => {
    expect(retryAfterMs(h({ 'retry-after': new Date(NOW + 7_000).toUTCString() }), { now: NOW })).toBe(7_000);
    expect(retryAfterMs(h({ 'retry-after': new Date(NOW - 7_000).toUTCString() }), { now: NOW })).toBe(0);
  });

  it('ignores a Retry-After that is neither seconds nor a date, rather than retrying at once', () => {
    expect(retryAfterMs(h({ 'retry-after': '-1' }), { now: NOW })).toBeUndefined();
    expect(retryAfterMs(h({ 'retry-after': 'soon 1' }), { now: NOW })).toBeUndefined();
    expect(retryAfterMs(h({ 'retry-after': '' }), { now: NOW })).toBeUndefined();
  });

  it('reads X-RateLimit-Reset as seconds remaining for providers that count that way (Supabase)', () => {
    expect(retryAfterMs(h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' }), { resetKind: 'seconds', now: NOW })).toBe(12_000);
  });

  it('reads X-RateLimit-Reset as an epoch in seconds for providers that count that way', () => {
    const reset = String(NOW / 1000 + 30);
    expect(retryAfterMs(h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), { resetKind: 'epoch-seconds', now: NOW })).toBe(30_000);
  });

  it('uses X-RateLimit-Reset on a 429 even without a remaining count', () => {
    expect(retryAfterMs(h({ 'x-ratelimit-reset': '4' }), { status: 429, now: NOW })).toBe(4_000);
  });

  it('ignores X-RateLimit-Reset while the window still has room', () => {
    expect(retryAfterMs(h({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '12' }), { status: 200, now: NOW })).toBeUndefined();
  });

  it('prefers Retry-After over X-RateLimit-Reset', () => {
    expect(retryAfterMs(h({ 'retry-after': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '50' }), { status: 429, now: NOW })).toBe(2_000);
  });

  it('returns undefined when nothing asks for a wait', () => {
    expect(retryAfterMs(h({}), { status: 429, now: NOW })).toBeUndefined();
  });
});

describe('resetInMs', () => {
  it('reads seconds remaining and epochs, and rejects junk', () => {
    expect(resetInMs('5', 'seconds', NOW)).toBe(5_000);
    expect(resetInMs(String(NOW / 1000 + 5), 'epoch-seconds', NOW)).toBe(5_000);
    expect(resetInMs(String(NOW / 1000 - 5), 'epoch-seconds', NOW)).toBe(0);
    expect(resetInMs('soon', 'seconds', NOW)).toBeUndefined();
    expect(resetInMs('-3', 'seconds', NOW)).toBeUndefined();
    expect(resetInMs(null, 'seconds', NOW)).toBeUndefined();
  });
});

describe('server hints in the transport', () => {
  async function waitedFor(fault: Parameters<typeof scriptedTransport>[0][number], provider?: { resetKind: 'seconds' | 'epoch-seconds' }) {
    const delays: number[] = [];
    const clock = new VirtualClock({ auto: true, start: NOW });
    const { transport, calls } = scriptedTransport([fault], {
      clock,
      random: () => 0,
      hooks: { onRetry: (event) => delays.push(event.delayMs) },
      ...(provider ? { provider: { name: 'p', ...provider } } : {}),
    });
    const started = clock.now();
    const answer = await transport.fetch(`${BASE}/v1/projects`);
    return { delays, calls: calls.length, elapsed: clock.now() - started, status: answer.status };
  }

  it('waits what retry-after-ms asks instead of the computed backoff', async () => {
    expect(await waitedFor(faults.retryAfterMs(1_250))).toEqual({ delays: [1_250], calls: 2, elapsed: 1_250, status: 200 });
  });

  it('waits what Retry-After in seconds asks', async () => {
    expect(await waitedFor(faults.retryAfterSeconds(7))).toMatchObject({ delays: [7_000], elapsed: 7_000, status: 200 });
  });

  it('waits until the Retry-After date', async () => {
    expect(await waitedFor(faults.retryAfterDate(new Date(NOW + 4_000)))).toMatchObject({ delays: [4_000], elapsed: 4_000 });
  });

  it('waits X-RateLimit-Reset seconds for a provider counting seconds remaining', async () => {
    expect(await waitedFor(faults.rateLimitReset(9), { resetKind: 'seconds' })).toMatchObject({ delays: [9_000], status: 200 });
  });

  it('waits until the X-RateLimit-Reset epoch for a provider counting epochs', async () => {
    expect(await waitedFor(faults.rateLimitReset(NOW / 1000 + 3), { resetKind: 'epoch-seconds' })).toMatchObject({ delays: [3_000], status: 200 });
  });

  it('falls back to the computed backoff for a 429 without any hint', async () => {
    expect(await waitedFor(faults.rateLimitedBare())).toMatchObject({ delays: [500], status: 200 });
  });

  it('does not sleep through a hint over the 60 s cap: one attempt, then a RateLimitError with retryAfterMs', async () => {
    const clock = new VirtualClock({ start: NOW });
    const giveUps: string[] = [];
    const { transport, calls } = scriptedTransport([faults.retryAfterSeconds(61)], { clock, hooks: { onGiveUp: (event) => giveUps.push(event.reason) } });
    const answer = await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ operation: 'listProjects' }) });
    const error = await transport.errorFromResponse(answer);
    expect(calls).toHaveLength(1);
    expect(clock.now()).toBe(NOW);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(61_000);
    expect(error.message).toMatch(/wait 61 s/);
    expect(giveUps[0]).toMatch(/61000 ms, beyond the 60000 ms cap/);
  });

  it('sleeps through a hint of exactly the cap', async () => {
    expect(await waitedFor(faults.retryAfterSeconds(60))).toMatchObject({ delays: [60_000], status: 200 });
  });

  it('honours a longer hint when the client raises the cap', async () => {
    const clock = new VirtualClock({ auto: true, start: NOW });
    const { transport, calls } = scriptedTransport([faults.retryAfterSeconds(90)], { clock, retry: { maxRetryAfterMs: 120_000 } });
    expect((await transport.fetch(`${BASE}/v1/projects`)).status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(clock.now() - NOW).toBe(90_000);
  });

  it('does not start a wait that would end past the deadline', async () => {
    const clock = new VirtualClock({ start: NOW });
    const { transport, calls } = scriptedTransport([faults.retryAfterSeconds(5)], { clock, deadlineMs: 3_000 });
    const answer = await transport.fetch(`${BASE}/v1/projects`);
    expect(answer.status).toBe(429);
    expect(calls).toHaveLength(1);
    expect(clock.now()).toBe(NOW);
    expect((await transport.errorFromResponse(answer)).retryAfterMs).toBe(5_000);
  });

  it('bounds every attempt and wait by the deadline, per request too', async () => {
    const clock = new VirtualClock({ auto: true, start: NOW });
    const { transport, calls } = scriptedTransport([], { clock, random: () => 0, fallback: faults.retryAfterSeconds(1), retry: { maxRetries: 10 } });
    const answer = await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ deadlineMs: 3_500 }) });
    expect(answer.status).toBe(429);
    // Attempts at 0, 1, 2 and 3 s; the next wait would end at 4 s, past the 3.5 s deadline.
    expect(calls).toHaveLength(4);
    expect(clock.now() - NOW).toBe(3_000);
  });

  it('treats Retry-After on another status as a rate limit for providers that signal it that way', async () => {
    const clock = new VirtualClock({ auto: true, start: NOW });
    const faulty = createFaultyFetch([faults.retryAfterSeconds(2, 403), faults.retryAfterSeconds(2, 403), faults.retryAfterSeconds(2, 403)], { clock });
    const transport = createTransport({ provider: { name: 'cockroach', retryAfterSignalsRateLimit: true }, auth: { token: TOKEN }, fetch: faulty.fetch, clock, rateLimit: false, logLevel: 'off' });
    const answer = await transport.fetch(`${BASE}/api/v1/clusters`);
    expect(faulty.calls).toHaveLength(3);
    expect(transport.stats.rateLimited).toBe(3);
    expect(await transport.errorFromResponse(answer)).toBeInstanceOf(RateLimitError);
  });
});
