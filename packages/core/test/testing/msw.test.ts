import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createTransport } from '../../src/index';
import { faults, mswFault, scripted } from '../../src/testing/index';

const BASE = 'https://api.example.test';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const transport = () => createTransport({ provider: { name: 'msw' }, auth: { token: 'msw-token-0001' }, retry: { baseDelayMs: 1, maxDelayMs: 1 }, logLevel: 'off' });

describe('msw helpers', () => {
  it('scripted plays the faults first, then hands over, counting calls', async () => {
    const resolver = scripted([faults.serverError(503), faults.retryAfterMs(1)], () => HttpResponse.json({ ok: true }));
    server.use(http.get(`${BASE}/v1/projects`, resolver));
    const response = await transport().fetch(`${BASE}/v1/projects`);
    expect(await response.json()).toEqual({ ok: true });
    expect(resolver.calls).toBe(3);
  });

  it('mswFault turns a reset into msw\'s network error, which the transport reports as a ConnectionError', async () => {
    server.use(http.post(`${BASE}/v1/projects`, ({ request }) => mswFault(faults.reset(), request)));
    await expect(transport().fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{}' })).rejects.toBeInstanceOf(ConnectionError);
  });

  it('mswFault plays a canned HTML page', async () => {
    server.use(http.get(`${BASE}/v1/html`, ({ request }) => mswFault(faults.htmlPage(502), request)));
    const t = createTransport({ provider: { name: 'msw' }, auth: { token: 'msw-token-0001' }, retry: { maxRetries: 0 }, logLevel: 'off' });
    const response = await t.fetch(`${BASE}/v1/html`);
    expect(response.status).toBe(502);
    expect((await t.errorFromResponse(response)).message).toContain('HTML error page');
  });
});
