// Per-call options on the calls that send a request: the call's headers, retry policy and timeout apply to that
// call alone, and a bad one is a ValidationError before anything is sent.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { TimeoutError, ValidationError } from '@x/core';
import { asTenantId, DEFAULT_ENDPOINT } from '../src';
import { rejection, useSimulator } from './helpers';

const { server, start } = useSimulator();
const TENANT = asTenantId('7a2d0f3b-0000-4000-8000-000000000001');

describe('per-call options', () => {
  it("sends the call's headers on that call only", async () => {
    const { client } = start();
    const seen: Array<string | null> = [];
    server.events.on('request:start', ({ request }) => void seen.push(request.headers.get('x-trace-id')));
    await client.listEgressIps({ headers: { 'x-trace-id': 'trace-1' } });
    await client.listEgressIps();
    server.events.removeAllListeners();
    expect(seen).toEqual(['trace-1', null]);
  });

  it("applies the call's retry policy: no retries means one request for a 503, where the client default makes three", async () => {
    const { client } = start();
    let requests = 0;
    server.use(
      http.post(DEFAULT_ENDPOINT, () => {
        requests += 1;
        return new HttpResponse('busy', { status: 503 });
      }),
    );
    const once = await rejection(client.listEgressIps({ retry: { maxRetries: 0 } }));
    expect((once as Error & { status?: number }).status).toBe(503);
    expect(requests).toBe(1);
    requests = 0;
    await rejection(client.listEgressIps());
    expect(requests).toBe(3);
  });

  it("ends a call the server never answers at the call's own timeout", async () => {
    const { client, clock } = start();
    server.use(http.post(DEFAULT_ENDPOINT, () => new Promise<never>(() => undefined)));
    const started = clock.now();
    const error = await rejection(client.getTenant(TENANT, { timeoutMs: 1_500, retry: { maxRetries: 0 } }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('1500 ms');
    expect(clock.now() - started).toBe(1_500);
  });

  it('takes the page requests of a list through the same options', async () => {
    const { client } = start();
    const seen: Array<string | null> = [];
    server.events.on('request:start', ({ request }) => void seen.push(request.headers.get('x-trace-id')));
    await client.listTenants({ headers: { 'x-trace-id': 'pages' }, limit: 1 }).toArray();
    server.events.removeAllListeners();
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['pages']));
  });

  it('rejects a bad option with a ValidationError naming it, before anything is sent', async () => {
    const { client } = start();
    let requests = 0;
    server.events.on('request:start', () => void (requests += 1));
    const error = await rejection(client.getTenant(TENANT, { timeoutMs: '5s' as never }));
    server.events.removeAllListeners();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Option timeoutMs must be a number of milliseconds above 0 (Infinity for none); got "5s".');
    expect(requests).toBe(0);
  });
});
