import { describe, expect, it } from 'vitest';
import { AbortError, ConnectionError, DEFAULT_RETRY_POLICY, isIdempotentMethod, requestOptionsHeaders, shouldRetry, TimeoutError, type AttemptOutcome } from '../src/index';
import { faults, type Fault } from '../src/testing/index';
import { BASE, scriptedTransport } from './helpers';

const response = (status: number, headers: Record<string, string> = {}, hasRetryHint = false): AttemptOutcome => ({ kind: 'response', status, headers: new Headers(headers), hasRetryHint });

describe('the default policy, as data', () => {
  it('retries twice, on 408/429/500/502/503/504, backing off from 0.5 s to 8 s, honouring hints up to 60 s', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxRetries: 2,
      retryStatuses: [408, 429, 500, 502, 503, 504],
      baseDelayMs: 500,
      maxDelayMs: 8_000,
      jitter: 0.25,
      maxRetryAfterMs: 60_000,
      retryNetworkErrors: true,
    });
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY.retryStatuses)).toBe(true);
  });

  it('treats GET, HEAD, OPTIONS, PUT and DELETE as idempotent, POST and PATCH not', () => {
    expect(['GET', 'head', 'OPTIONS', 'PUT', 'DELETE'].every(isIdempotentMethod)).toBe(true);
    expect(['POST', 'PATCH', 'patch'].some(isIdempotentMethod)).toBe(false);
  });
});

describe('shouldRetry', () => {
  const policy = { ...DEFAULT_RETRY_POLICY };

  it.each([408, 429, 500, 502, 503, 504])('retries %i for an idempotent request', (status) => {
    expect(shouldRetry(response(status), policy, true)).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 422, 501])('never retries %i', (status) => {
    expect(shouldRetry(response(status), policy, true)).toBe(false);
    expect(shouldRetry(response(status), policy, false)).toBe(false);
  });

  it('retries a non-idempotent request only on 429 or on 503 with a Retry-After hint', () => {
    expect(shouldRetry(response(429), policy, false)).toBe(true);
    expect(shouldRetry(response(503, {}, true), policy, false)).toBe(true);
    expect(shouldRetry(response(503), policy, false)).toBe(false);
    expect(shouldRetry(response(500, {}, true), policy, false)).toBe(false);
    expect(shouldRetry(response(502), policy, false)).toBe(false);
    expect(shouldRetry(response(504), policy, false)).toBe(false);
  });

  it('retries a non-idempotent request after a refusal before sending, never after a reset or a timeout', () => {
    expect(shouldRetry({ kind: 'network', sent: false }, policy, false)).toBe(true);
    expect(shouldRetry({ kind: 'network', sent: true }, policy, false)).toBe(false);
    expect(shouldRetry({ kind: 'timeout' }, policy, false)).toBe(false);
    expect(shouldRetry({ kind: 'network', sent: true }, policy, true)).toBe(true);
    expect(shouldRetry({ kind: 'timeout' }, policy, true)).toBe(true);
  });

  it('lets the server decide with x-should-retry', () => {
    expect(shouldRetry(response(400, { 'x-should-retry': 'true' }), policy, false)).toBe(true);
    expect(shouldRetry(response(503, { 'x-should-retry': 'false' }), policy, true)).toBe(false);
  });

  it('leaves connection failures alone when retryNetworkErrors is off', () => {
    expect(shouldRetry({ kind: 'network', sent: false }, { ...policy, retryNetworkErrors: false }, true)).toBe(false);
    expect(shouldRetry({ kind: 'timeout' }, { ...policy, retryNetworkErrors: false }, true)).toBe(false);
  });
});

describe('retries through the transport', () => {
  it('retries a 503 on a GET and returns the eventual success', async () => {
    const { transport, calls } = scriptedTransport([faults.serverError(503)], { fallback: faults.json(200, { id: 'p1' }) });
    const answer = await transport.fetch(`${BASE}/v1/projects/p1`);
    expect(await answer.json()).toEqual({ id: 'p1' });
    expect(calls).toHaveLength(2);
  });

  it.each([408, 429, 500, 502, 503, 504])('retries a GET answered %i', async (status) => {
    const { transport, calls } = scriptedTransport([{ kind: 'response', status, body: '' }]);
    expect((await transport.fetch(`${BASE}/v1/projects`)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 422])('hands a %i back after one attempt', async (status) => {
    const { transport, calls } = scriptedTransport([faults.json(status, { message: 'no' })]);
    expect((await transport.fetch(`${BASE}/v1/projects`)).status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it('gives up after two retries by default and returns the last answer', async () => {
    const { transport, calls } = scriptedTransport([], { fallback: faults.serverError(500) });
    const answer = await transport.fetch(`${BASE}/v1/projects`);
    expect(answer.status).toBe(500);
    expect(calls).toHaveLength(3);
    expect((await transport.errorFromResponse(answer)).attempts).toBe(3);
  });

  const post = (script: Fault[], options: Parameters<typeof scriptedTransport>[1] = {}, init: RequestInit = {}) => {
    const harness = scriptedTransport(script, { fallback: faults.json(201, { id: 'new' }), ...options });
    const sent = harness.transport.fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{"name":"shop"}', ...init });
    return { ...harness, sent };
  };

  it('retries a POST answered 429, since the server refused the work', async () => {
    const { sent, calls } = post([faults.retryAfterSeconds(1)]);
    expect((await sent).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it('retries a POST answered 503 with Retry-After', async () => {
    const { sent, calls } = post([faults.retryAfterSeconds(2, 503)]);
    expect((await sent).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it.each([500, 502, 503, 504])('does not resend a POST answered %i without a hint: it may have been processed', async (status) => {
    const { sent, calls } = post([faults.serverError(status)]);
    expect((await sent).status).toBe(status);
    expect(calls).toHaveLength(1);
  });

  it('retries a POST whose connection was refused before anything was sent', async () => {
    const { sent, calls } = post([faults.refused()]);
    expect((await sent).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it('never resends a POST after a connection reset', async () => {
    const { sent, calls } = post([faults.reset()]);
    await expect(sent).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toHaveLength(1);
  });

  it('never resends a POST after a timeout', async () => {
    const { sent, calls } = post([faults.hang()], { timeoutMs: 1_000 });
    await expect(sent).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(1);
  });

  it('never resends a PATCH after an ambiguous 500', async () => {
    const { sent, calls } = post([faults.serverError(500)], {}, { method: 'PATCH' });
    expect((await sent).status).toBe(500);
    expect(calls).toHaveLength(1);
  });

  it('retries a POST carrying an idempotency key, sending the same key on every attempt', async () => {
    const { sent, calls } = post([faults.serverError(500), faults.reset()], {}, { headers: requestOptionsHeaders({ idempotencyKey: 'create-shop-1' }) });
    expect((await sent).status).toBe(201);
    expect(calls.map((call) => call.headers['idempotency-key'])).toEqual(['create-shop-1', 'create-shop-1', 'create-shop-1']);
  });

  it('retries a POST the caller marks idempotent, such as a GraphQL query', async () => {
    const { sent, calls } = post([faults.serverError(502)], {}, { headers: requestOptionsHeaders({ idempotent: true }) });
    expect((await sent).status).toBe(201);
    expect(calls).toHaveLength(2);
  });

  it('never resends a request marked non-idempotent, such as a GraphQL mutation, after a 502', async () => {
    const { transport, calls } = scriptedTransport([faults.serverError(502)]);
    const answer = await transport.fetch(`${BASE}/graphql`, { method: 'POST', body: '{"query":"mutation { x }"}', headers: requestOptionsHeaders({ idempotent: false }) });
    expect(answer.status).toBe(502);
    expect(calls).toHaveLength(1);
  });

  it('never retries a request the caller aborted', async () => {
    const controller = new AbortController();
    const { transport, calls } = scriptedTransport([], {
      fallback: (request) => {
        setTimeout(() => controller.abort(), 1);
        return new Promise<Response>((_, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
      },
    });
    await expect(transport.fetch(`${BASE}/v1/projects`, { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toHaveLength(1);
  });

  it('retries a 400 when the server says x-should-retry: true, and not a 503 when it says false', async () => {
    const yes = scriptedTransport([faults.json(400, {}, { 'x-should-retry': 'true' })]);
    expect((await yes.transport.fetch(`${BASE}/v1/a`)).status).toBe(200);
    expect(yes.calls).toHaveLength(2);
    const no = scriptedTransport([faults.serverError(503, { 'x-should-retry': 'false' })]);
    expect((await no.transport.fetch(`${BASE}/v1/a`)).status).toBe(503);
    expect(no.calls).toHaveLength(1);
  });
});

describe('overriding the policy', () => {
  it('takes per-client overrides: more retries', async () => {
    const { transport, calls } = scriptedTransport([], { retry: { maxRetries: 5 }, fallback: faults.serverError(503) });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(calls).toHaveLength(6);
  });

  it('takes per-client overrides: a narrower list of statuses', async () => {
    const { transport, calls } = scriptedTransport([faults.serverError(503)], { retry: { retryStatuses: [500] } });
    expect((await transport.fetch(`${BASE}/v1/projects`)).status).toBe(503);
    expect(calls).toHaveLength(1);
  });

  it('takes per-request overrides through requestOptionsHeaders, on top of the client policy', async () => {
    const { transport, calls } = scriptedTransport([], { retry: { maxRetries: 5 }, fallback: faults.serverError(503) });
    await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ retry: { maxRetries: 0 } }) });
    expect(calls).toHaveLength(1);
    await transport.fetch(`${BASE}/v1/projects`, { headers: requestOptionsHeaders({ retry: { maxRetries: 1 } }) });
    expect(calls).toHaveLength(3);
  });

  it('does not retry connection failures when retryNetworkErrors is off', async () => {
    const { transport, calls } = scriptedTransport([faults.reset()], { retry: { retryNetworkErrors: false } });
    await expect(transport.fetch(`${BASE}/v1/projects`)).rejects.toBeInstanceOf(ConnectionError);
    expect(calls).toHaveLength(1);
  });
});
