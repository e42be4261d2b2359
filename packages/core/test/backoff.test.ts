import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY_POLICY, type TransportEvent } from '../src/index';
import { faults } from '../src/testing/index';
import { BASE, scriptedTransport } from './helpers';

const policy = DEFAULT_RETRY_POLICY;

describe('backoffMs', () => {
  it('doubles from 0.5 s and stops growing at 8 s when the jitter draws 0', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((retry) => backoffMs(retry, policy, () => 0))).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('takes at most a quarter off when the jitter draws its maximum', () => {
    expect([0, 1, 2, 3, 4, 5].map((retry) => backoffMs(retry, policy, () => 1))).toEqual([375, 750, 1_500, 3_000, 6_000, 6_000]);
  });

  it('rounds a midway draw to whole milliseconds', () => {
    expect([0, 1, 4].map((retry) => backoffMs(retry, policy, () => 0.5))).toEqual([438, 875, 7_000]);
  });

  it('stays between 75 % and 100 % of the doubled delay with the default random source', () => {
    for (let retry = 0; retry < 8; retry++) {
      const full = Math.min(500 * 2 ** retry, 8_000);
      const wait = backoffMs(retry, policy);
      expect(wait).toBeGreaterThanOrEqual(full * 0.75);
      expect(wait).toBeLessThanOrEqual(full);
    }
  });

  it('follows a custom base, cap and jitter', () => {
    expect([0, 1, 2].map((retry) => backoffMs(retry, { baseDelayMs: 100, maxDelayMs: 250, jitter: 0 }, () => 0.9))).toEqual([100, 200, 250]);
  });
});

describe('backoff in the transport', () => {
  it('waits exactly the computed backoff between attempts when the server gives no hint', async () => {
    const retries: Array<TransportEvent & { delayMs: number }> = [];
    const { transport, clock } = scriptedTransport([faults.serverError(500), faults.serverError(502), faults.serverError(503)], {
      random: () => 0,
      retry: { maxRetries: 3 },
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const started = clock.now();
    await transport.fetch(`${BASE}/v1/projects`);
    expect(retries.map((event) => event.delayMs)).toEqual([500, 1_000, 2_000]);
    expect(clock.now() - started).toBe(3_500);
  });
});
