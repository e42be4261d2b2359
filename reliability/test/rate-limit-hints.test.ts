// Rate-limit hints that are junk or extreme must not stall a client silently: a call either waits what the policy
// allows (retry.maxRetryAfterMs, 60 s by default) or fails fast with a RateLimitError saying how long to wait.
import { afterAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '@x/core';
import { VirtualClock } from '@x/core/testing';
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';
import { createCockroachCloudClient } from '@x/cockroach-cloud';
import { printTally, settle } from './support/tally';

afterAll(() => printTally('Rate-limit hints'));

const PROJECT = JSON.stringify({ id: 'abcdefghijklmnopqrst', ref: 'abcdefghijklmnopqrst', name: 'shop', status: 'ACTIVE_HEALTHY' });

/** Answers the first request with `first`, every later one with a plain 200. */
function firstThen(first: Response) {
  let calls = 0;
  return {
    fetch: async () => (calls++ === 0 ? first.clone() : new Response(PROJECT, { status: 200, headers: { 'content-type': 'application/json' } })),
    calls: () => calls,
  };
}

/** The second call's outcome and how much virtual time it took. */
async function secondCall(scenario: string, first: Response, make: (fetch: () => Promise<Response>, clock: VirtualClock) => { read: () => Promise<unknown> }) {
  const clock = new VirtualClock({ auto: true });
  const server = firstThen(first);
  const client = make(server.fetch, clock);
  await client.read().catch(() => undefined);
  const started = clock.now();
  const result = await settle(scenario, client.read());
  clock.stop();
  return { result, waitedMs: clock.now() - started };
}

const supabase = (fetch: () => Promise<Response>, clock: VirtualClock) => {
  const client = createSupabaseMgmtClient({ accessToken: 'sbp_hint_token_000001', fetch, clock, logLevel: 'off' });
  return { read: () => client.getProject({ ref: 'abcdefghijklmnopqrst' }) };
};
const cockroach = (fetch: () => Promise<Response>, clock: VirtualClock) => {
  const client = createCockroachCloudClient({ apiKey: 'ccdb_hint_key_000001', fetch, clock, logLevel: 'off' });
  return { read: () => client.getCluster({ cluster_id: '00000000-0000-4000-8000-000000000001' }) };
};

describe('a junk X-RateLimit-Reset on a success', () => {
  it('supabase: an epoch where seconds-remaining is expected (56 years) does not hold the next call past the 60 s cap', async () => {
    const first = new Response(PROJECT, { status: 200, headers: { 'content-type': 'application/json', 'x-ratelimit-limit': '120', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' } });
    const { result, waitedMs } = await secondCall('junk X-RateLimit-Reset, next call', first, supabase);
    const fine = (result.ok && waitedMs <= 60_000) || (!result.ok && result.error instanceof RateLimitError && waitedMs <= 60_000);
    expect(fine, `the next call ${result.ok ? 'returned data' : `threw ${(result as { error: Error }).error.name}`} after ${(waitedMs / 86_400_000).toFixed(1)} days of (virtual) waiting in the limiter`).toBe(true);
  });
});

describe('a 429 whose Retry-After is past the cap', () => {
  for (const [name, make] of [['supabase', supabase], ['cockroach', cockroach]] as const) {
    it(`${name}: the call after it fails fast with RateLimitError instead of waiting silently for the hour the server asked`, async () => {
      const first = new Response('{"message":"slow down"}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '3600' } });
      const { result, waitedMs } = await secondCall('429 past the cap, next call', first, make);
      const fine = (result.ok && waitedMs <= 60_000) || (!result.ok && result.error instanceof RateLimitError && waitedMs <= 60_000);
      expect(fine, `the next call ${result.ok ? 'returned data' : `threw ${(result as { error: Error }).error.name}`} after ${Math.round(waitedMs / 1000)} s of (virtual) waiting in the limiter`).toBe(true);
    });
  }
});
