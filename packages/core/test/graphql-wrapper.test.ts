import { describe, expect, it } from 'vitest';
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  createOptionsHandOff,
  createSdkWrapper,
  GraphQLError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  XError,
  type GraphQLWrapperOptions,
  type RequestOptions,
} from '../src/index';
import { faults, VirtualClock, type Fault } from '../src/testing/index';
import { ClientErrorLike, graphQLRequester, sdkCall } from './graphql-client';
import { BASE, scriptedTransport } from './helpers';

const gql = (body: unknown, status = 200, headers: Record<string, string> = {}): Fault => faults.json(status, body, headers);
const ok = gql({ data: { project: { id: 'p1' } } });

function harness(script: Fault[], options: GraphQLWrapperOptions = {}, perCall?: () => RequestOptions, transportOptions: Parameters<typeof scriptedTransport>[1] = {}) {
  const operations: Array<string | undefined> = [];
  const { transport, calls, clock } = scriptedTransport(script, { fallback: ok, provider: { name: 'hasura', displayName: 'Hasura Cloud' }, hooks: { onRequest: (event) => operations.push(event.operation) }, ...transportOptions });
  const wrapper = createSdkWrapper(transport, options, perCall);
  const request = graphQLRequester(`${BASE}/v1/graphql`, transport.fetch);
  return { transport, calls, clock, operations, query: (name = 'GetProject') => sdkCall(wrapper, request, name, 'query'), mutation: (name = 'CreateProject') => sdkCall(wrapper, request, name, 'mutation', { name: 'shop' }) };
}

describe('mapping GraphQL answers to typed errors', () => {
  it('returns the data of a clean answer and tags the request with the operation name', async () => {
    const { query, operations } = harness([]);
    await expect(query()).resolves.toEqual({ project: { id: 'p1' } });
    expect(operations).toEqual(['GetProject']);
  });

  it('maps errors[] in an HTTP 200 by code, keeping every entry, the partial data and the operation', async () => {
    const errors = [{ message: 'project not found', extensions: { code: 'not-found' } }, { message: 'also this', path: ['x'] }];
    const { query } = harness([gql({ data: { project: null }, errors }, 200, { 'x-request-id': 'gql-1' })]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ errors, data: { project: null }, operation: 'GetProject', provider: 'hasura', requestId: 'gql-1', codes: ['not-found'] });
    expect((error as Error).message).toMatch(/^Hasura Cloud answered 404 on GetProject: project not found; also this\./);
  });

  it('fills attempts, method, URL and the SDK request id from the transport\'s record of the exchange', async () => {
    const { query } = harness([faults.serverError(503), gql({ errors: [{ message: 'gone', extensions: { code: 'NOT_FOUND' } }] })]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toMatchObject({ attempts: 2, method: 'POST', url: `${BASE}/v1/graphql`, requestId: expect.stringMatching(/^req_/) });
    const http = harness([faults.serverError(502), faults.serverError(502), faults.serverError(502)]);
    expect(await http.query().catch((e: unknown) => e)).toMatchObject({ status: 502, attempts: 3, method: 'POST', url: `${BASE}/v1/graphql` });
  });

  it('maps an unknown code in an HTTP 200 to GraphQLError', async () => {
    const { query } = harness([gql({ errors: [{ message: 'weird', extensions: { code: 'MYSTERY' } }] })]);
    await expect(query()).rejects.toBeInstanceOf(GraphQLError);
  });

  it('maps a GraphQL 400 carrying errors[] to BadRequestError with the entries', async () => {
    const { query, calls } = harness([gql({ errors: [{ message: 'Cannot query field "nme"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400)]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).errors?.[0]?.message).toBe('Cannot query field "nme"');
    expect(calls).toHaveLength(1);
  });

  it('maps an HTTP 429 with no errors[] to RateLimitError with retryAfterMs', async () => {
    const { query, calls } = harness([faults.retryAfterSeconds(120)]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, operation: 'GetProject' });
    expect(calls).toHaveLength(1);
  });

  it('maps an HTML 502 page, after the query\'s retries, to InternalServerError', async () => {
    const { query, calls } = harness([faults.htmlPage(502), faults.htmlPage(502), faults.htmlPage(502)]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('an HTML error page instead of JSON');
    expect(calls).toHaveLength(3);
  });

  it('turns an unreadable 200 into an XError naming the operation', async () => {
    const { query } = harness([faults.notJson(200)]);
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XError);
    expect((error as Error).message).toMatch(/^Hasura Cloud sent an answer to GetProject that could not be read/);
  });

  it('passes the transport\'s own errors through', async () => {
    const { mutation } = harness([faults.reset()]);
    await expect(mutation()).rejects.toBeInstanceOf(ConnectionError);
  });

  it('lets refine pick a more specific class or sharpen the message', async () => {
    class QuotaError extends XError {
      override name = 'QuotaError';
    }
    const { query } = harness([gql({ errors: [{ message: 'quota', extensions: { code: 'QUOTA' } }] })], { refine: (error) => ((error as GraphQLError).codes?.includes('QUOTA') ? new QuotaError('Out of quota.') : error) });
    await expect(query()).rejects.toBeInstanceOf(QuotaError);
  });

  it('never leaks graphql-request\'s message, which quotes variables and the whole body', async () => {
    const { mutation } = harness([gql({ errors: [{ message: 'duplicate', extensions: { code: 'constraint-violation' } }] })]);
    const error = (await mutation().catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(ClientErrorLike);
    expect(error.message).not.toContain('"variables"');
    expect(error.cause).toBeUndefined();
  });
});

describe('retries', () => {
  const transient = gql({ errors: [{ message: 'try again', extensions: { code: 'TRANSIENT' } }] });

  it('retries a query whose errors carry a retry code and returns the eventual data', async () => {
    const { query, calls } = harness([transient, transient], { retryCodes: ['TRANSIENT'] });
    await expect(query()).resolves.toEqual({ project: { id: 'p1' } });
    expect(calls).toHaveLength(3);
  });

  it('gives up after maxRetries retry-code retries with the mapped error', async () => {
    const { query, calls } = harness([], { retryCodes: ['TRANSIENT'], maxRetries: 2 }, undefined, { fallback: transient });
    await expect(query()).rejects.toBeInstanceOf(GraphQLError);
    expect(calls).toHaveLength(3);
  });

  it('never retries a mutation on a retry code', async () => {
    const { mutation, calls } = harness([transient], { retryCodes: ['TRANSIENT'] });
    await expect(mutation()).rejects.toBeInstanceOf(GraphQLError);
    expect(calls).toHaveLength(1);
  });

  it('lets the transport retry a query after a 502, though it is a POST', async () => {
    const { query, calls } = harness([faults.serverError(502)]);
    await expect(query()).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['a 502', faults.serverError(502), InternalServerError],
    ['a reset after sending', faults.reset(), ConnectionError],
    ['a timeout', faults.hang(), TimeoutError],
  ])('never resends a mutation after %s', async (_label, fault, Class) => {
    const { mutation, calls } = harness([fault], {}, undefined, { timeoutMs: 1_000 });
    await expect(mutation()).rejects.toBeInstanceOf(Class);
    expect(calls).toHaveLength(1);
  });

  it('retries a mutation after a 429, which proves it was not processed', async () => {
    const { mutation, calls } = harness([faults.retryAfterSeconds(1)]);
    await expect(mutation()).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });

  it('retries a mutation the provider declares idempotent', async () => {
    const { mutation, calls } = harness([faults.serverError(502)], { idempotentMutations: (name) => name === 'CreateProject' });
    await expect(mutation()).resolves.toBeDefined();
    expect(calls).toHaveLength(2);
  });
});

describe('per-call options', () => {
  it('hands per-call options to the transport, such as a shorter timeout', async () => {
    const { query, calls } = harness([faults.hang(), faults.hang(), faults.hang()], {}, () => ({ timeoutMs: 500 }));
    await expect(query()).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(3);
  });

  it('aborts the retry-code wait with the per-call signal', async () => {
    const controller = new AbortController();
    const transientAnswer = gql({ errors: [{ message: 'again', extensions: { code: 'TRANSIENT' } }] });
    const clock = new VirtualClock();
    const { transport } = scriptedTransport([], { clock, fallback: transientAnswer });
    const wrapper = createSdkWrapper(transport, { retryCodes: ['TRANSIENT'], baseDelayMs: 60_000 }, () => ({ signal: controller.signal }));
    const request = graphQLRequester(`${BASE}/v1/graphql`, transport.fetch);
    const call = sdkCall(wrapper, request, 'GetProject', 'query');
    setTimeout(() => controller.abort(), 5);
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(clock.pending).toBe(0);
  });
});

describe('options handed over directly', () => {
  function handOffHarness(script: Fault[], perCall?: () => RequestOptions) {
    const operations: Array<string | undefined> = [];
    const { transport, calls } = scriptedTransport(script, { fallback: ok, provider: { name: 'hasura', displayName: 'Hasura Cloud' }, hooks: { onRequest: (event) => operations.push(event.operation) } });
    const handOff = createOptionsHandOff(transport);
    const wrapper = createSdkWrapper(transport, { handOff }, perCall);
    const request = graphQLRequester(`${BASE}/v1/graphql`, handOff.fetch);
    const headersSeen: Array<Record<string, string> | undefined> = [];
    const seeing: typeof request = (query, variables, headers, signal) => {
      headersSeen.push(headers);
      return request(query, variables, headers, signal);
    };
    return { handOff, calls, operations, headersSeen, query: () => sdkCall(wrapper, seeing, 'GetProject', 'query'), mutation: () => sdkCall(wrapper, seeing, 'CreateProject', 'mutation', { name: 'shop' }) };
  }

  it('gives the library no options header, and the call still carries its operation, idempotency and timeout', async () => {
    const { query, calls, operations, headersSeen } = handOffHarness([faults.hang(), faults.hang(), faults.hang()], () => ({ timeoutMs: 500 }));
    const error = await query().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).operation).toBe('GetProject');
    expect(calls).toHaveLength(3);
    expect(operations).toEqual(['GetProject', 'GetProject', 'GetProject']);
    expect(headersSeen.every((headers) => headers === undefined)).toBe(true);
  });

  it('keeps a mutation unrepeated after an ambiguous failure, and a query retried', async () => {
    const reset = faults.reset();
    const mutation = handOffHarness([reset]);
    await expect(mutation.mutation()).rejects.toBeInstanceOf(ConnectionError);
    expect(mutation.calls).toHaveLength(1);
    const query = handOffHarness([reset]);
    await expect(query.query()).resolves.toEqual({ project: { id: 'p1' } });
    expect(query.calls).toHaveLength(2);
  });

  it('gives a fetch made outside a call no options', async () => {
    const { handOff, query, operations } = handOffHarness([]);
    await query();
    await (await handOff.fetch(`${BASE}/v1/graphql`, { method: 'POST', body: '{}' })).text();
    expect(operations).toEqual(['GetProject', undefined]);
  });
});
