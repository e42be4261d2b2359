import { describe, expect, it } from 'vitest';
import { createTransport, RateLimitError } from '../src/index';
import { createFaultyFetch, faults, VirtualClock } from '../src/testing/index';

const provider = { name: 'supabase', displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN' };

describe('transport', () => {
  it('retries a 503 burst on a GET and returns the eventual success, counting attempts', async () => {
    const clock = new VirtualClock({ auto: true });
    const faulty = createFaultyFetch([faults.serverError(503), faults.serverError(503)], { fallback: faults.json(200, { ok: true }) });
    const t = createTransport({ provider, auth: { token: 'sbp_secret_token_1234' }, fetch: faulty.fetch, clock });
    const response = await t.fetch('https://api.example.test/v1/projects');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(faulty.calls).toHaveLength(3);
    expect(faulty.calls[0]!.headers.authorization).toBe('Bearer sbp_secret_token_1234');
    expect(t.stats.retries).toBe(2);
  });

  it('never resends a POST after a connection reset', async () => {
    const clock = new VirtualClock({ auto: true });
    const faulty = createFaultyFetch([faults.reset()]);
    const t = createTransport({ provider, auth: { token: 'sbp_secret_token_1234' }, fetch: faulty.fetch, clock });
    await expect(t.fetch('https://api.example.test/v1/projects', { method: 'POST', body: '{"name":"x"}' })).rejects.toMatchObject({ name: 'ConnectionError', attempts: 1 });
    expect(faulty.calls).toHaveLength(1);
  });

  it('turns a 429 with a long Retry-After into a RateLimitError carrying retryAfterMs', async () => {
    const faulty = createFaultyFetch([faults.retryAfterSeconds(3600)]);
    const t = createTransport({ provider, auth: { token: 'sbp_secret_token_1234' }, fetch: faulty.fetch });
    const response = await t.fetch('https://api.example.test/v1/projects');
    const error = await t.errorFromResponse(response, { operation: 'listAllProjects' });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(faulty.calls).toHaveLength(1);
  });
});
