import { describe, expect, it, vi } from 'vitest';
import { AuthenticationError, Authenticator, createTransport, requestOptionsHeaders, XError } from '../src/index';
import { faults, VirtualClock } from '../src/testing/index';
import { BASE, scriptedTransport, supabase, TOKEN } from './helpers';

describe('the credential on each attempt', () => {
  it('sends a static token as a Bearer token by default', async () => {
    const { transport, calls } = scriptedTransport([]);
    await transport.fetch(`${BASE}/v1/projects`);
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('uses the provider scheme, such as Hasura Cloud\'s `pat`', async () => {
    const { transport, calls } = scriptedTransport([], { auth: { token: 'hasura_pat_123456', scheme: 'pat' } });
    await transport.fetch(`${BASE}/v1/graphql`);
    expect(calls[0]!.headers.authorization).toBe('pat hasura_pat_123456');
  });

  it('sends the bare token in a custom header when the scheme is empty', async () => {
    const { transport, calls } = scriptedTransport([], { auth: { token: 'key_0123456789', scheme: '', header: 'x-api-key' } });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(calls[0]!.headers['x-api-key']).toBe('key_0123456789');
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it('calls a token function before every attempt, so a rotated token is picked up by the retry', async () => {
    const tokens = ['token_first_attempt', 'token_second_attempt', 'token_third_attempt'];
    const source = vi.fn(async () => tokens.shift()!);
    const { transport, calls } = scriptedTransport([faults.serverError(503), faults.serverError(503)], { auth: { token: source } });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(source).toHaveBeenCalledTimes(3);
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer token_first_attempt', 'Bearer token_second_attempt', 'Bearer token_third_attempt']);
  });

  it('ends the request, without retrying or blaming the network, when the token function fails', async () => {
    const source = vi.fn(async () => {
      throw new Error('vault unreachable');
    });
    const { transport, calls } = scriptedTransport([], { auth: { token: source } });
    const error = await transport.fetch(`${BASE}/v1/projects`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XError);
    expect((error as XError).name).toBe('XError');
    expect((error as XError).message).toBe('Could not get a credential for Supabase: vault unreachable. Check the token option or SUPABASE_ACCESS_TOKEN.');
    expect(source).toHaveBeenCalledOnce();
    expect(calls).toHaveLength(0);
  });

  it('passes an SDK error thrown by the token function through unchanged', async () => {
    const thrown = new AuthenticationError('refresh token revoked', { status: 401 });
    const { transport } = scriptedTransport([], { auth: { token: () => Promise.reject(thrown) } });
    await expect(transport.fetch(`${BASE}/v1/projects`)).rejects.toBe(thrown);
  });

  it('hands the token function a signal that the caller\'s abort reaches, and none when nothing can cancel the call', async () => {
    const seen: Array<AbortSignal | null | undefined> = [];
    const caller = new AbortController();
    const source = vi.fn((context: { signal?: AbortSignal | null }) => {
      seen.push(context.signal);
      if (seen.length === 2) caller.abort(new Error('caller gave up'));
      return 'token_with_signal';
    });
    const { transport } = scriptedTransport([], { auth: { token: source } });
    await transport.fetch(`${BASE}/v1/projects`);
    await expect(transport.fetch(`${BASE}/v1/projects`, { signal: caller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toBeInstanceOf(AbortSignal);
    expect(seen[1]!.aborted).toBe(true);
  });
});

describe('refreshing after a 401', () => {
  /** A server that accepts only `valid`, answering after `delayMs` virtual ms. */
  function server(clock: VirtualClock, accepted: () => string, delayMs = (_n: number) => 10) {
    let n = 0;
    return async (request: Request) => {
      const delay = delayMs(n++);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, delay));
      return request.headers.get('authorization') === `Bearer ${accepted()}` ? Response.json({ ok: true }) : Response.json({ message: 'JWT expired' }, { status: 401 });
    };
  }

  it('refreshes once and retries the request once with the new token', async () => {
    const clock = new VirtualClock({ auto: true });
    const refresh = vi.fn(async () => 'token_after_refresh');
    const { transport, calls } = scriptedTransport([], { clock, auth: { token: 'token_expired_000', refresh }, fallback: server(clock, () => 'token_after_refresh') });
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(response.status).toBe(200);
    expect(refresh).toHaveBeenCalledOnce();
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer token_expired_000', 'Bearer token_after_refresh']);
  });

  it('shares one refresh among 10 concurrent requests, even when their 401s arrive after it finished', async () => {
    const clock = new VirtualClock({ auto: true });
    let current = 'token_expired_000';
    const refresh = vi.fn(async () => {
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 5));
      current = 'token_refreshed_1';
      return current;
    });
    // The 401s are spread over 100 ms; the refresh takes 5 ms, so most 401s land after it completed.
    const fetch = server(clock, () => 'token_refreshed_1', (n) => (n < 10 ? 10 * (n + 1) : 10));
    const { transport, calls } = scriptedTransport([], { clock, auth: { token: () => current, refresh }, fallback: fetch });
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => transport.fetch(`${BASE}/v1/projects/${i}`)));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(refresh).toHaveBeenCalledOnce();
    expect(calls).toHaveLength(20);
  });

  it('shares one refresh among 10 requests whose 401s arrive together', async () => {
    const clock = new VirtualClock({ auto: true });
    const refresh = vi.fn(async () => 'token_refreshed_2');
    const { transport, calls } = scriptedTransport([], { clock, auth: { token: 'token_expired_000', refresh }, fallback: server(clock, () => 'token_refreshed_2') });
    const responses = await Promise.all(Array.from({ length: 10 }, () => transport.fetch(`${BASE}/v1/projects`)));
    expect(responses.every((response) => response.ok)).toBe(true);
    expect(refresh).toHaveBeenCalledOnce();
    expect(calls).toHaveLength(20);
  });

  it('retries a POST after the refresh, because a 401 proves nothing was created', async () => {
    const clock = new VirtualClock({ auto: true });
    const { transport, calls } = scriptedTransport([], { clock, auth: { token: 'token_expired_000', refresh: async () => 'token_fresh_0001' }, fallback: server(clock, () => 'token_fresh_0001') });
    const response = await transport.fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{"name":"a"}' });
    expect(response.status).toBe(200);
    expect(calls.map((call) => call.body)).toEqual(['{"name":"a"}', '{"name":"a"}']);
  });

  it('returns the second 401 instead of refreshing again when the new token is refused too', async () => {
    const refresh = vi.fn(async () => 'token_still_bad_1');
    const { transport, calls } = scriptedTransport([], { auth: { token: 'token_expired_000', refresh }, fallback: faults.json(401, { message: 'invalid token' }) });
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(response.status).toBe(401);
    expect(refresh).toHaveBeenCalledOnce();
    expect(calls).toHaveLength(2);
    expect((await transport.errorFromResponse(response)).name).toBe('AuthenticationError');
  });

  it('does not retry a 401 when no refresh hook is configured', async () => {
    const { transport, calls } = scriptedTransport([faults.json(401, { message: 'invalid token' })]);
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(response.status).toBe(401);
    expect(calls).toHaveLength(1);
  });

  it('keeps using the function token source when refresh returns nothing', async () => {
    let current = 'token_expired_000';
    const clock = new VirtualClock({ auto: true });
    const { transport, calls } = scriptedTransport([], {
      clock,
      auth: { token: () => current, refresh: async () => void (current = 'token_rotated_01') },
      fallback: server(clock, () => 'token_rotated_01'),
    });
    await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ operation: 'listProjects' }) });
    expect(calls.map((call) => call.headers.authorization)).toEqual(['Bearer token_expired_000', 'Bearer token_rotated_01']);
  });
});

describe('Authenticator', () => {
  it('serialises without its token', () => {
    const auth = new Authenticator({ token: 'token_never_printed', scheme: 'pat' }, () => undefined);
    expect(JSON.stringify(auth)).not.toContain('token_never_printed');
    expect(JSON.stringify(auth)).toContain('pat');
  });

  it('tells the transport about every token it uses, so they can be scrubbed from echoes', async () => {
    const seen: string[] = [];
    const auth = new Authenticator({ token: async () => 'token_seen_by_scrubber', refresh: async () => 'token_refreshed_seen' }, (token) => seen.push(token));
    await auth.header();
    await auth.refresh();
    expect(seen).toEqual(['token_seen_by_scrubber', 'token_refreshed_seen']);
  });

  it('is used by createTransport without exposing the token through the transport object', () => {
    const transport = createTransport({ provider: supabase, auth: { token: 'token_not_on_transport' } });
    expect(JSON.stringify(transport)).not.toContain('token_not_on_transport');
    expect(Object.values(transport).some((value) => String(JSON.stringify(value ?? null)).includes('token_not_on_transport'))).toBe(false);
  });
});
