// A canary credential must never come out of the SDK: not in a thrown error (its message, stack, JSON or
// util.inspect), not in a debug log line, not in a printed transport — even when the server echoes it back.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { callOperation, createSdkWrapper, createTransport, requestOptionsHeaders, type AuthOptions, type OperationSpec, type Transport } from '../src/index';
import { createFaultyFetch, faults, networkError, VirtualClock, type Fault } from '../src/testing/index';
import { graphQLRequester, sdkCall } from './graphql-client';
import { BASE, captureLogger } from './helpers';

const CANARY = 'canary-TOKEN-9f8e7d6c';

const echo = {
  json401: faults.json(401, { message: `token ${CANARY} is invalid`, received: `Bearer ${CANARY}` }),
  json400Field: faults.json(400, { error: { message: 'bad header', details: { authorization: `Bearer ${CANARY}`, seen: [CANARY] } } }),
  html500: { kind: 'response', status: 500, headers: { 'content-type': 'text/html' }, body: `<html><body>Debug: Authorization: Bearer ${CANARY}</body></html>` } as Fault,
  text403: { kind: 'response', status: 403, headers: { 'content-type': 'text/plain', 'x-debug-auth': `Bearer ${CANARY}` }, body: `forbidden for ${CANARY}` } as Fault,
  okNotJson: { kind: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: `${CANARY} is not json` } as Fault,
  gqlErrors: faults.json(200, { data: { me: { token: CANARY, note: `echo ${CANARY}` } }, errors: [{ message: `invalid token ${CANARY}`, extensions: { code: 'UNAUTHENTICATED', token: CANARY, hint: CANARY } }] }),
  gql400: faults.json(400, { errors: [{ message: `cannot parse ${CANARY}` }] }),
  gqlHtml502: { kind: 'response', status: 502, headers: { 'content-type': 'text/html' }, body: `<html>${CANARY}</html>` } as Fault,
};

const getMe: OperationSpec = { path: '/v1/me', method: 'GET', query: ['access_token'] };

interface Setup {
  name: string;
  auth: AuthOptions;
  headers?: Record<string, string>;
}

const setups: Setup[] = [
  { name: 'a static Bearer token', auth: { token: CANARY } },
  { name: 'a token function', auth: { token: async () => CANARY } },
  { name: 'a bare token in a custom header', auth: { token: CANARY, scheme: '', header: 'x-canary-auth' } },
  { name: 'an admin-secret default header', auth: { token: 'unrelated-token-0001' }, headers: { 'x-hasura-admin-secret': CANARY } },
];

function transportFor(setup: Setup, script: Fault[], logger = captureLogger(), extra: { fallback?: Parameters<typeof createFaultyFetch>[1] extends infer O ? (O extends { fallback?: infer F } ? F : never) : never } = {}) {
  const clock = new VirtualClock({ auto: true });
  const faulty = createFaultyFetch(script, { clock, ...extra });
  const transport = createTransport({ provider: { name: 'canary', displayName: 'Canary' }, auth: setup.auth, headers: setup.headers, fetch: faulty.fetch, clock, logLevel: 'debug', logger, timeoutMs: 1_000, rateLimit: {} });
  return { transport, logger };
}

function rest(transport: Transport, options = {}) {
  return callOperation(BASE, transport, 'getMe', getMe, { access_token: CANARY }, options);
}

function graphql(transport: Transport, type: 'query' | 'mutation' = 'mutation') {
  const request = graphQLRequester(`${BASE}/v1/graphql?token=${CANARY}`, transport.fetch);
  return sdkCall(createSdkWrapper(transport), request, 'RotateToken', type, { token: CANARY, input: { secret: CANARY } });
}

function expectClean(value: unknown) {
  const views = [String(value), JSON.stringify(value), inspect(value), inspect(value, { depth: Infinity, showHidden: true })];
  if (value instanceof Error) views.push(value.message, value.stack ?? '');
  for (const view of views) expect(view).not.toContain(CANARY);
}

async function thrown(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const scenarios: Array<[string, (transport: Transport) => Promise<unknown>, Fault[]]> = [
  ['REST 401 echoing the token in the body', (t) => rest(t), [echo.json401]],
  ['REST 400 echoing the token in nested fields', (t) => rest(t), [echo.json400Field]],
  ['REST 500 HTML page echoing the token', (t) => rest(t, { retry: { maxRetries: 0 } }), [echo.html500]],
  ['REST 403 echoing the token in the text body and a header', (t) => rest(t), [echo.text403]],
  ['REST 200 whose unreadable body echoes the token', (t) => rest(t), [echo.okNotJson]],
  ['REST connection failure whose message quotes the token', (t) => rest(t, { retry: { maxRetries: 0 } }), []],
  ['REST timeout', (t) => rest(t, { retry: { maxRetries: 0 } }), [faults.hang()]],
  ['REST 429 over the cap', (t) => rest(t), [faults.retryAfterSeconds(3_600)]],
  ['GraphQL errors[] echoing the token in message, extensions and data', (t) => graphql(t), [echo.gqlErrors]],
  ['GraphQL 400 echoing the token', (t) => graphql(t), [echo.gql400]],
  ['GraphQL 502 HTML echoing the token', (t) => graphql(t), [echo.gqlHtml502]],
  ['GraphQL 200 whose unreadable body echoes the token', (t) => graphql(t), [echo.okNotJson]],
  ['GraphQL mutation reset after sending', (t) => graphql(t), [faults.reset()]],
];

describe.each(setups)('the canary token, as $name', (setup) => {
  it.each(scenarios)('never appears in the error for: %s', async (name, run, script) => {
    const fallback = name.includes('connection failure') ? () => Promise.reject(new TypeError(`fetch failed for ${BASE}/v1/me?access_token=${CANARY} with ${CANARY}`, { cause: networkError('ECONNRESET') })) : undefined;
    const { transport } = transportFor(setup, script, captureLogger(), fallback ? { fallback } : {});
    const error = await thrown(run(transport));
    expect(error).toBeInstanceOf(Error);
    expectClean(error);
  });

  it('never appears in any log line at debug level, across every scenario', async () => {
    const logger = captureLogger();
    for (const [, run, script] of scenarios) {
      const { transport } = transportFor(setup, script, logger);
      await run(transport).catch(() => undefined);
    }
    expect(logger.lines.length).toBeGreaterThan(20);
    expect(logger.text()).not.toContain(CANARY);
    for (const line of logger.lines) expectClean(line);
  });

  it('never appears in the transport printed or serialised', async () => {
    const { transport } = transportFor(setup, [echo.json401]);
    await rest(transport).catch(() => undefined);
    expectClean(transport);
    expectClean(transport.limiter);
    expectClean(transport.stats);
    expectClean({ client: { transport } });
  });

  it('is erased by scrub() from values the client builds itself', async () => {
    const { transport } = transportFor(setup, []);
    await transport.fetch(`${BASE}/v1/me`, { headers: requestOptionsHeaders({ operation: 'getMe' }) });
    expectClean(transport.scrub({ note: `the token was ${CANARY}`, list: [CANARY] }));
  });
});

describe('a secret passed in a request body', () => {
  it('is erased from errors once the client registers it with addSecret', async () => {
    const body = 'rotated-secret-7a6b5c4d';
    const { transport } = transportFor(setups[0]!, [faults.json(422, { message: `value ${body} rejected`, echo: body })]);
    transport.addSecret(body);
    const answer = await transport.fetch(`${BASE}/v1/secrets`, { method: 'POST', body: JSON.stringify({ value: body }) });
    const error = await transport.errorFromResponse(answer);
    expect(JSON.stringify(error)).not.toContain(body);
    expect(error.message).not.toContain(body);
  });
});

describe('a long-lived client that has registered thousands of secrets since its credential was first used', () => {
  for (const setup of setups) {
    it(`still erases ${setup.name} (the credential in use is never the one let go)`, async () => {
      const written = (i: number) => `synced-secret-value-${i}`;
      const { transport, logger } = transportFor(setup, [faults.json(200, { ok: true }), faults.json(400, { message: `token ${CANARY} and ${written(2_999)} rejected`, echo: [CANARY, written(2_999)] })]);
      await transport.fetch(`${BASE}/v1/me`);
      for (let i = 0; i < 3_000; i++) transport.addSecret(written(i));
      const answer = await transport.fetch(`${BASE}/v1/me`);
      const error = await transport.errorFromResponse(answer);
      expectClean(error);
      expect(JSON.stringify(error)).not.toContain(written(2_999));
      expect(logger.text()).not.toContain(CANARY);
    });
  }
});

