import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError, createTransport, getResponseInfo, OPTIONS_HEADER, requestOptionsHeaders, TimeoutError } from '../src/index';
import { faults, VirtualClock } from '../src/testing/index';
import { BASE, scriptedTransport, supabase, TOKEN } from './helpers';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('which fetch the transport uses', () => {
  it('looks the global fetch up on every call, so an msw server started after the transport still answers', async () => {
    const transport = createTransport({ provider: supabase, auth: { token: TOKEN } });
    const server = setupServer(http.get(`${BASE}/v1/projects`, () => HttpResponse.json([{ id: 'p1' }])));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await transport.fetch(`${BASE}/v1/projects`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([{ id: 'p1' }]);
    } finally {
      server.close();
    }
  });

  it('uses a custom fetch when one is given and never touches the global one', async () => {
    const globalFetch = vi.fn(() => Promise.reject(new Error('the global fetch must not be called')));
    vi.stubGlobal('fetch', globalFetch);
    const { transport, calls } = scriptedTransport([faults.json(200, { ok: true })]);
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(await response.json()).toEqual({ ok: true });
    expect(calls).toHaveLength(1);
    expect(globalFetch).not.toHaveBeenCalled();
  });
});

describe('what each attempt sends', () => {
  it('rebuilds the request for every attempt, so a POST body arrives intact on each of them', async () => {
    const { transport, calls } = scriptedTransport([faults.retryAfterSeconds(1), faults.retryAfterSeconds(1)], { fallback: faults.json(201, { id: 'p1' }) });
    const body = JSON.stringify({ name: 'shop', region: 'eu-west-1' });
    // openapi-fetch hands over a Request object whose body is a one-shot stream.
    const response = await transport.fetch(new Request(`${BASE}/v1/projects`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    expect(response.status).toBe(201);
    expect(calls.map((call) => call.body)).toEqual([body, body, body]);
    expect(calls.every((call) => call.headers['content-type'] === 'application/json')).toBe(true);
  });

  it('sends default headers on every attempt, letting a header set on the request win', async () => {
    const { transport, calls } = scriptedTransport([faults.serverError(503)], {
      headers: { 'x-api-version': '2026-01-01', 'x-tenant': 'default' },
    });
    await transport.fetch(`${BASE}/v1/projects`, { headers: { 'x-tenant': 'acme' } });
    expect(calls).toHaveLength(2);
    for (const call of calls) {
      expect(call.headers['x-api-version']).toBe('2026-01-01');
      expect(call.headers['x-tenant']).toBe('acme');
    }
  });

  it('calls a default-headers function for every attempt', async () => {
    let n = 0;
    const { transport, calls } = scriptedTransport([faults.serverError(500)], { headers: () => ({ 'x-attempt-stamp': String(++n) }) });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(calls.map((call) => call.headers['x-attempt-stamp'])).toEqual(['1', '2']);
  });

  it('sends a string, bytes or form body as it is on every attempt, with the content type fetch gives it', async () => {
    const { transport, calls } = scriptedTransport([faults.serverError(503), faults.serverError(503)], { fallback: faults.json(200, { ok: true }) });
    const json = JSON.stringify({ query: 'query GetProject { project { id } }' });
    // A key makes the POST safe to repeat: three attempts, the same string each time.
    await transport.fetch(`${BASE}/v1/graphql`, { method: 'POST', body: json, headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' } });
    await transport.fetch(`${BASE}/v1/items`, { method: 'PUT', body: new TextEncoder().encode('raw-bytes') });
    await transport.fetch(`${BASE}/v1/items`, { method: 'PUT', body: new URLSearchParams({ grant_type: 'refresh_token' }) });
    expect(calls.map((call) => call.body)).toEqual([json, json, json, 'raw-bytes', 'grant_type=refresh_token']);
    expect(calls[4]!.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
  });

  it('refuses a GET with a body before sending anything', async () => {
    const { transport, calls } = scriptedTransport([]);
    await expect(transport.fetch(`${BASE}/v1/projects`, { body: 'x' })).rejects.toThrow(TypeError);
    expect(calls).toHaveLength(0);
  });

  it('takes per-request options as a third argument: operation, headers, idempotency key, timeout and signal', async () => {
    const clock = new VirtualClock({ auto: true });
    const { transport, calls } = scriptedTransport([faults.serverError(503), faults.hang()], { clock });
    const controller = new AbortController();
    const error = await transport
      .fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{}' }, { operation: 'createProject', idempotencyKey: 'key-0001', headers: { 'x-extra': 'yes' }, timeoutMs: 1_000, retry: { maxRetries: 1 }, signal: controller.signal })
      .catch((e: unknown) => e);
    // Retried once (the key makes the POST safe to repeat), then the second attempt timed out after 1 s.
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: 'createProject', attempts: 2, timeoutMs: 1_000 });
    expect(calls.map((call) => [call.headers['idempotency-key'], call.headers['x-extra']])).toEqual([
      ['key-0001', 'yes'],
      ['key-0001', 'yes'],
    ]);
    const aborted = scriptedTransport([faults.hang()]);
    const pending = aborted.transport.fetch(`${BASE}/v1/projects`, undefined, { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('strips the per-request options header so it never reaches the network', async () => {
    const { transport, calls } = scriptedTransport([]);
    await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ operation: 'listProjects', headers: { 'x-extra': 'yes' } }) });
    expect(calls[0]!.headers[OPTIONS_HEADER]).toBeUndefined();
    expect(calls[0]!.headers['x-extra']).toBe('yes');
  });
});

describe('per-attempt timeouts and the deadline', () => {
  it('turns an attempt with no answer into a TimeoutError and retries it for a GET', async () => {
    const { transport, calls, clock } = scriptedTransport([faults.hang(), faults.hang()], { timeoutMs: 1_000, fallback: faults.json(200, { ok: 1 }) });
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(await response.json()).toEqual({ ok: 1 });
    expect(calls).toHaveLength(3);
    expect(clock.pending).toBe(0);
  });

  it('fails with a TimeoutError carrying the limit and attempts when every attempt times out', async () => {
    const { transport, calls } = scriptedTransport([], { timeoutMs: 1_000, fallback: faults.hang() });
    const error = await transport.fetch(`${BASE}/v1/projects`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_000, attempts: 3, provider: 'supabase', method: 'GET' });
    expect(calls).toHaveLength(3);
  });

  it('defaults the per-attempt timeout to 60 s', async () => {
    const clock = new VirtualClock();
    const { transport } = scriptedTransport([], { clock, fallback: faults.hang(), retry: { maxRetries: 0 } });
    const pending = transport.fetch(`${BASE}/v1/projects`).catch((e: unknown) => e);
    await clock.advance(59_999);
    let settled = false;
    void pending.then(() => (settled = true));
    await clock.advance(0);
    expect(settled).toBe(false);
    await clock.advance(1);
    expect(await pending).toMatchObject({ name: 'TimeoutError', timeoutMs: 60_000 });
  });

  it('counts a body that arrives too slowly against the attempt timeout', async () => {
    const clock = new VirtualClock({ auto: true });
    const slowBody = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"items":'));
            clock.setTimeout(() => {
              try {
                controller.enqueue(new TextEncoder().encode('[]}'));
                controller.close();
              } catch {
                // the reader cancelled the stream at the timeout
              }
            }, 5_000);
          },
        }),
        { status: 200 },
      );
    const { transport, calls } = scriptedTransport([], { clock, timeoutMs: 1_000, retry: { maxRetries: 1 }, fallback: slowBody });
    await expect(transport.fetch(`${BASE}/v1/projects`)).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(2);
  });

  it('stops at the deadline even while an attempt is still waiting, with a TimeoutError naming the deadline', async () => {
    // Attempt 1 times out at 1 000 ms, the backoff is exactly 500 ms, attempt 2 is cut by the deadline at 1 800 ms.
    const { transport, calls, clock } = scriptedTransport([], { deadlineMs: 1_800, timeoutMs: 1_000, random: () => 0, fallback: faults.hang() });
    const started = clock.now();
    const error = await transport.fetch(`${BASE}/v1/projects`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 1_800, attempts: 2, message: expect.stringMatching(/1800 ms deadline/) });
    expect(clock.now() - started).toBe(1_800);
    expect(calls).toHaveLength(2);
    expect(clock.pending).toBe(0);
  });

  it('gives up early when the deadline leaves no time for the next backoff, returning the last failure', async () => {
    const { transport, calls, clock } = scriptedTransport([], { deadlineMs: 1_400, timeoutMs: 1_000, random: () => 0, fallback: faults.hang() });
    const started = clock.now();
    const error = await transport.fetch(`${BASE}/v1/projects`).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TimeoutError', timeoutMs: 1_000, attempts: 1 });
    expect(clock.now() - started).toBe(1_000);
    expect(calls).toHaveLength(1);
  });
});

describe('redirects', () => {
  it('drops Authorization and other credential headers on a redirect to another origin', async () => {
    const { transport, calls } = scriptedTransport([{ kind: 'response', status: 302, headers: { location: 'https://files.elsewhere.test/download?id=1' } }], {
      headers: { 'x-api-key': 'key_0123456789abcdef' },
    });
    const response = await transport.fetch(`${BASE}/v1/backups/1`);
    expect(response.status).toBe(200);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(calls[1]!.url).toBe('https://files.elsewhere.test/download?id=1');
    expect(calls[1]!.headers.authorization).toBeUndefined();
    expect(calls[1]!.headers['x-api-key']).toBeUndefined();
  });

  it('keeps Authorization on a redirect within the same origin', async () => {
    const { transport, calls } = scriptedTransport([{ kind: 'response', status: 307, headers: { location: '/v1/projects/new-home' } }]);
    await transport.fetch(`${BASE}/v1/projects/old-home`);
    expect(calls[1]!.url).toBe(`${BASE}/v1/projects/new-home`);
    expect(calls[1]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('follows a 303 after a POST with a GET and no body', async () => {
    const { transport, calls } = scriptedTransport([{ kind: 'response', status: 303, headers: { location: '/v1/operations/7' } }]);
    await transport.fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{"name":"x"}', headers: { 'content-type': 'application/json' } });
    expect(calls.map((call) => [call.method, call.body])).toEqual([
      ['POST', '{"name":"x"}'],
      ['GET', ''],
    ]);
  });

  describe('on a platform that hides redirects (a browser answers redirect: manual with an opaque response)', () => {
    /** A browser's fetch: a redirect it may not follow comes back opaque (status 0, no Location); followed, it lands. */
    function browserFetch() {
      const calls: Array<{ method: string; redirect: RequestRedirect | undefined }> = [];
      const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        calls.push({ method: init?.method ?? 'GET', redirect: init?.redirect });
        if (init?.redirect === 'manual') {
          const opaque = new Response(null, { status: 200 });
          Object.defineProperties(opaque, { type: { value: 'opaqueredirect' }, status: { value: 0 }, ok: { value: false } });
          return opaque;
        }
        return Response.json({ landed: String(input) });
      };
      return { fetch, calls };
    }

    it('sends a GET again for the platform to follow, and lets it follow every later redirect itself', async () => {
      const browser = browserFetch();
      const transport = createTransport({ provider: supabase, auth: { token: TOKEN }, fetch: browser.fetch, rateLimit: false });
      expect(await (await transport.fetch(`${BASE}/v1/projects`)).json()).toEqual({ landed: `${BASE}/v1/projects` });
      expect(browser.calls).toEqual([
        { method: 'GET', redirect: 'manual' },
        { method: 'GET', redirect: 'follow' },
      ]);
      await transport.fetch(`${BASE}/v1/organizations`, { method: 'POST', body: '{}' });
      expect(browser.calls.slice(2)).toEqual([{ method: 'POST', redirect: 'follow' }]);
    });

    it('does not send a POST twice: the first one met is a ConnectionError that says why', async () => {
      const browser = browserFetch();
      const transport = createTransport({ provider: supabase, auth: { token: TOKEN }, fetch: browser.fetch, rateLimit: false });
      const error = await transport.fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{"name":"x"}' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConnectionError);
      expect((error as Error).message).toMatch(/redirected POST .*a browser does not let a client follow by hand; not sent again/);
      expect(browser.calls).toEqual([{ method: 'POST', redirect: 'manual' }]);
    });
  });

  it('reports the final URL of a redirected response', async () => {
    const { transport } = scriptedTransport([{ kind: 'response', status: 301, headers: { location: '/v2/projects' } }]);
    const response = await transport.fetch(`${BASE}/v1/projects`);
    expect(response.url).toBe(`${BASE}/v2/projects`);
  });
});

describe('what the transport reports', () => {
  it('keeps stats of requests, attempts, retries and rate-limited answers', async () => {
    const { transport } = scriptedTransport([faults.serverError(502), faults.retryAfterSeconds(1)]);
    await transport.fetch(`${BASE}/v1/projects`);
    await transport.fetch(`${BASE}/v1/organizations`);
    expect(transport.stats).toMatchObject({ requests: 2, attempts: 4, retries: 2, rateLimited: 1 });
    expect(transport.stats.waitedMs).toBeGreaterThan(1_000);
  });

  it('tells which request id and how many attempts produced a response', async () => {
    const { transport } = scriptedTransport([faults.serverError(500)]);
    const response = await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ operation: 'listProjects' }) });
    expect(getResponseInfo(response)).toMatchObject({ attempts: 2, operation: 'listProjects', requestId: expect.stringMatching(/^req_/) });
  });

  it('fills method and URL of an error built from a response it returned', async () => {
    const { transport } = scriptedTransport([faults.json(404, { message: 'Project not found' })]);
    const response = await transport.fetch(`${BASE}/v1/projects/abc?access_token=${TOKEN}`, { method: 'DELETE' });
    const error = await transport.errorFromResponse(response);
    expect(error).toMatchObject({ status: 404, method: 'DELETE', attempts: 1, provider: 'supabase' });
    expect(error.url).toBe(`${BASE}/v1/projects/abc?access_token=%5BREDACTED%5D`);
  });

  it('prints as its provider name, never its options, through util.inspect and JSON.stringify', () => {
    const transport = createTransport({ provider: supabase, auth: { token: TOKEN } });
    expect(inspect(transport)).toBe('Transport(supabase)');
    expect(JSON.parse(JSON.stringify(transport))).toMatchObject({ provider: 'supabase' });
  });
});

describe('the response it hands back', () => {
  const answer = () => scriptedTransport([faults.json(200, { id: 'p1', name: 'shop' })]);

  it('reads like any Response: json, text, bytes, blob, or the body stream', async () => {
    for (const read of [
      async (r: Response) => r.json(),
      async (r: Response) => JSON.parse(await r.text()),
      async (r: Response) => JSON.parse(new TextDecoder().decode(await r.arrayBuffer())),
      async (r: Response) => JSON.parse(await (await r.blob()).text()),
      async (r: Response) => JSON.parse(await new Response(r.body).text()),
    ]) {
      const response = await answer().transport.fetch(`${BASE}/v1/projects/p1`);
      expect(response.bodyUsed).toBe(false);
      expect(await read(response)).toEqual({ id: 'p1', name: 'shop' });
      expect(response.bodyUsed).toBe(true);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(response.url).toBe(`${BASE}/v1/projects/p1`);
    }
  });

  it('refuses a second read and a clone after reading, as a platform Response does; a clone before reading is independent', async () => {
    const response = await answer().transport.fetch(`${BASE}/v1/projects/p1`);
    const copy = response.clone();
    expect(await response.json()).toEqual({ id: 'p1', name: 'shop' });
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    expect(await copy.text()).toBe('{"id":"p1","name":"shop"}');
  });

  it('still builds the error from the body after a library has read it', async () => {
    const { transport } = scriptedTransport([faults.json(404, { message: 'Project p9 not found' })]);
    const response = await transport.fetch(`${BASE}/v1/projects/p9`);
    expect(await response.json()).toEqual({ message: 'Project p9 not found' });
    const error = await transport.errorFromResponse(response);
    expect(error.message).toContain('Project p9 not found');
    expect(error.body).toEqual({ message: 'Project p9 not found' });
  });
});
