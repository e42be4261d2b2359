// The fault matrix: one row per way a server or network can fail, for REST (the operation runner over the transport) and
// GraphQL (a getSdk wrapper over the transport), reads and creates. Each row asserts the outcome a caller sees, how
// many attempts went out, and that a create was never sent again once the server may have processed it.
// packages/core/README.md carries the same table; the last test keeps the two in step.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index';
import { callOperation, createSdkWrapper, createTransport, type OperationSpec, type RequestOptions, type RetryPolicy } from '../src/index';
import { createFaultyFetch, faults, VirtualClock, type Fault } from '../src/testing/index';
import { graphQLRequester, sdkCall } from './graphql-client';
import { BASE } from './helpers';

type Outcome = 'ok' | 'RateLimitError' | 'InternalServerError' | 'ConnectionError' | 'TimeoutError' | 'XError' | 'NotFoundError' | 'BadRequestError' | 'AuthenticationError' | 'PermissionDeniedError' | 'ConflictError' | 'UnprocessableEntityError' | 'GraphQLError';

interface Row {
  scenario: string;
  shape: 'REST' | 'GraphQL';
  /** REST: GET or POST; GraphQL: query or mutation. */
  op: 'read' | 'create';
  /** What each attempt gets, in order; later attempts get a success. */
  script: Fault[];
  outcome: Outcome;
  attempts: number;
  retryAfterMs?: number;
  idempotencyKey?: boolean;
  options?: Omit<RequestOptions, 'retry'> & { retry?: Partial<RetryPolicy> };
}

const NOW = Date.UTC(2026, 0, 1, 12);
const gql = (body: unknown, status = 200) => faults.json(status, body);
const html = (status: number): Fault => faults.htmlPage(status);
const status = (code: number, headers: Record<string, string> = {}): Fault => faults.serverError(code, headers);
const client = (code: number, message = 'rejected'): Fault => faults.json(code, { message });
const empty = (code: number): Fault => ({ kind: 'response', status: code, body: '' });
const timeout = { timeoutMs: 1_000 };

export const MATRIX: Row[] = [
  // REST reads
  { scenario: 'REST GET answered 200', shape: 'REST', op: 'read', script: [], outcome: 'ok', attempts: 1 },
  { scenario: 'REST GET 429 with Retry-After seconds, then 200', shape: 'REST', op: 'read', script: [faults.retryAfterSeconds(2)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 429 with Retry-After HTTP date, then 200', shape: 'REST', op: 'read', script: [faults.retryAfterDate(new Date(NOW + 5_000))], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 429 with retry-after-ms, then 200', shape: 'REST', op: 'read', script: [faults.retryAfterMs(300)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 429 with X-RateLimit-Reset, then 200', shape: 'REST', op: 'read', script: [faults.rateLimitReset(10)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 429 without any hint, then 200', shape: 'REST', op: 'read', script: [faults.rateLimitedBare()], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 429 asking to wait past the 60 s cap', shape: 'REST', op: 'read', script: [faults.retryAfterSeconds(3_600)], outcome: 'RateLimitError', attempts: 1, retryAfterMs: 3_600_000 },
  { scenario: 'REST GET 429 on every attempt', shape: 'REST', op: 'read', script: [faults.retryAfterSeconds(1), faults.retryAfterSeconds(1), faults.retryAfterSeconds(1)], outcome: 'RateLimitError', attempts: 3, retryAfterMs: 1_000 },
  { scenario: 'REST GET 503 burst that recovers', shape: 'REST', op: 'read', script: [status(503), status(503)], outcome: 'ok', attempts: 3 },
  { scenario: 'REST GET 500 on every attempt', shape: 'REST', op: 'read', script: [status(500), status(500), status(500)], outcome: 'InternalServerError', attempts: 3 },
  { scenario: 'REST GET 502 HTML page, then 200', shape: 'REST', op: 'read', script: [html(502)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 502 HTML page on every attempt', shape: 'REST', op: 'read', script: [html(502), html(502), html(502)], outcome: 'InternalServerError', attempts: 3 },
  { scenario: 'REST GET 504, then 200', shape: 'REST', op: 'read', script: [status(504)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 408, then 200', shape: 'REST', op: 'read', script: [client(408)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET 500 with an empty body on every attempt', shape: 'REST', op: 'read', script: [empty(500), empty(500), empty(500)], outcome: 'InternalServerError', attempts: 3 },
  { scenario: 'REST GET 503 with x-should-retry: false', shape: 'REST', op: 'read', script: [status(503, { 'x-should-retry': 'false' })], outcome: 'InternalServerError', attempts: 1 },
  { scenario: 'REST GET 503 whose Retry-After passes the deadline', shape: 'REST', op: 'read', script: [faults.retryAfterSeconds(30, 503)], outcome: 'InternalServerError', attempts: 1, retryAfterMs: 30_000, options: { deadlineMs: 10_000 } },
  { scenario: 'REST GET connection refused before sending, then 200', shape: 'REST', op: 'read', script: [faults.refused()], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET connection reset after sending, then 200', shape: 'REST', op: 'read', script: [faults.reset()], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET connection reset on every attempt', shape: 'REST', op: 'read', script: [faults.reset(), faults.reset(), faults.reset()], outcome: 'ConnectionError', attempts: 3 },
  { scenario: 'REST GET attempt timeout, then 200', shape: 'REST', op: 'read', script: [faults.hang()], outcome: 'ok', attempts: 2, options: timeout },
  { scenario: 'REST GET attempt timeout on every attempt', shape: 'REST', op: 'read', script: [faults.hang(), faults.hang(), faults.hang()], outcome: 'TimeoutError', attempts: 3, options: timeout },
  { scenario: 'REST GET slow answer inside the timeout', shape: 'REST', op: 'read', script: [faults.slow(800, faults.json(200, { id: 'p1' }))], outcome: 'ok', attempts: 1, options: timeout },
  { scenario: 'REST GET truncated body, then 200', shape: 'REST', op: 'read', script: [faults.truncated()], outcome: 'ok', attempts: 2 },
  { scenario: 'REST GET truncated body on every attempt', shape: 'REST', op: 'read', script: [faults.truncated(), faults.truncated(), faults.truncated()], outcome: 'ConnectionError', attempts: 3 },
  { scenario: 'REST GET 200 with a body that is not JSON', shape: 'REST', op: 'read', script: [faults.notJson(200)], outcome: 'XError', attempts: 1 },
  { scenario: 'REST GET 200 with an empty body', shape: 'REST', op: 'read', script: [faults.empty(200)], outcome: 'ok', attempts: 1 },
  { scenario: 'REST GET 400', shape: 'REST', op: 'read', script: [client(400)], outcome: 'BadRequestError', attempts: 1 },
  { scenario: 'REST GET 401 with no refresh hook', shape: 'REST', op: 'read', script: [client(401)], outcome: 'AuthenticationError', attempts: 1 },
  { scenario: 'REST GET 403', shape: 'REST', op: 'read', script: [client(403)], outcome: 'PermissionDeniedError', attempts: 1 },
  { scenario: 'REST GET 404', shape: 'REST', op: 'read', script: [client(404)], outcome: 'NotFoundError', attempts: 1 },
  { scenario: 'REST GET 404 HTML page', shape: 'REST', op: 'read', script: [html(404)], outcome: 'NotFoundError', attempts: 1 },
  { scenario: 'REST GET 422', shape: 'REST', op: 'read', script: [client(422)], outcome: 'UnprocessableEntityError', attempts: 1 },
  // REST creates
  { scenario: 'REST POST answered 201', shape: 'REST', op: 'create', script: [], outcome: 'ok', attempts: 1 },
  { scenario: 'REST POST 429 with Retry-After, then 201', shape: 'REST', op: 'create', script: [faults.retryAfterSeconds(1)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST POST 429 asking to wait past the cap', shape: 'REST', op: 'create', script: [faults.retryAfterSeconds(120)], outcome: 'RateLimitError', attempts: 1, retryAfterMs: 120_000 },
  { scenario: 'REST POST 503 with Retry-After, then 201', shape: 'REST', op: 'create', script: [faults.retryAfterSeconds(2, 503)], outcome: 'ok', attempts: 2 },
  { scenario: 'REST POST 503 without a hint', shape: 'REST', op: 'create', script: [status(503)], outcome: 'InternalServerError', attempts: 1 },
  { scenario: 'REST POST 500', shape: 'REST', op: 'create', script: [status(500)], outcome: 'InternalServerError', attempts: 1 },
  { scenario: 'REST POST 502 HTML page', shape: 'REST', op: 'create', script: [html(502)], outcome: 'InternalServerError', attempts: 1 },
  { scenario: 'REST POST connection refused before sending, then 201', shape: 'REST', op: 'create', script: [faults.refused()], outcome: 'ok', attempts: 2 },
  { scenario: 'REST POST connection reset after sending', shape: 'REST', op: 'create', script: [faults.reset()], outcome: 'ConnectionError', attempts: 1 },
  { scenario: 'REST POST attempt timeout', shape: 'REST', op: 'create', script: [faults.hang()], outcome: 'TimeoutError', attempts: 1, options: timeout },
  { scenario: 'REST POST truncated body', shape: 'REST', op: 'create', script: [faults.truncated()], outcome: 'ConnectionError', attempts: 1 },
  { scenario: 'REST POST with an idempotency key, 500, then 201', shape: 'REST', op: 'create', script: [status(500)], outcome: 'ok', attempts: 2, idempotencyKey: true },
  { scenario: 'REST POST with an idempotency key, reset, then 201', shape: 'REST', op: 'create', script: [faults.reset()], outcome: 'ok', attempts: 2, idempotencyKey: true },
  { scenario: 'REST POST 409', shape: 'REST', op: 'create', script: [client(409, 'already exists')], outcome: 'ConflictError', attempts: 1 },
  { scenario: 'REST POST 422', shape: 'REST', op: 'create', script: [client(422, 'name is invalid')], outcome: 'UnprocessableEntityError', attempts: 1 },
  // GraphQL queries
  { scenario: 'GraphQL query answered with data', shape: 'GraphQL', op: 'read', script: [], outcome: 'ok', attempts: 1 },
  { scenario: 'GraphQL query errors[] NOT_FOUND in HTTP 200', shape: 'GraphQL', op: 'read', script: [gql({ data: null, errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }] })], outcome: 'NotFoundError', attempts: 1 },
  { scenario: 'GraphQL query errors[] UNAUTHENTICATED in HTTP 200', shape: 'GraphQL', op: 'read', script: [gql({ errors: [{ message: 'bad token', extensions: { code: 'UNAUTHENTICATED' } }] })], outcome: 'AuthenticationError', attempts: 1 },
  { scenario: 'GraphQL query errors[] with partial data in HTTP 200', shape: 'GraphQL', op: 'read', script: [gql({ data: { project: { id: 'p1', usage: null } }, errors: [{ message: 'usage unavailable', path: ['project', 'usage'] }] })], outcome: 'GraphQLError', attempts: 1 },
  { scenario: 'GraphQL query 400 with errors[]', shape: 'GraphQL', op: 'read', script: [gql({ errors: [{ message: 'Cannot query field "nme"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] }, 400)], outcome: 'BadRequestError', attempts: 1 },
  { scenario: 'GraphQL query 500 with errors[] on every attempt', shape: 'GraphQL', op: 'read', script: [0, 1, 2].map(() => gql({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, 500)), outcome: 'InternalServerError', attempts: 3 },
  { scenario: 'GraphQL query 429 with Retry-After, then data', shape: 'GraphQL', op: 'read', script: [faults.retryAfterSeconds(1)], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL query 429 asking to wait past the cap', shape: 'GraphQL', op: 'read', script: [faults.retryAfterSeconds(600)], outcome: 'RateLimitError', attempts: 1, retryAfterMs: 600_000 },
  { scenario: 'GraphQL query 502 HTML page, then data', shape: 'GraphQL', op: 'read', script: [html(502)], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL query 503 on every attempt', shape: 'GraphQL', op: 'read', script: [status(503), status(503), status(503)], outcome: 'InternalServerError', attempts: 3 },
  { scenario: 'GraphQL query connection reset, then data', shape: 'GraphQL', op: 'read', script: [faults.reset()], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL query attempt timeout, then data', shape: 'GraphQL', op: 'read', script: [faults.hang()], outcome: 'ok', attempts: 2, options: timeout },
  { scenario: 'GraphQL query 200 with a body that is not JSON', shape: 'GraphQL', op: 'read', script: [faults.notJson(200)], outcome: 'XError', attempts: 1 },
  { scenario: 'GraphQL query 200 with an empty body', shape: 'GraphQL', op: 'read', script: [faults.empty(200)], outcome: 'XError', attempts: 1 },
  // GraphQL mutations
  { scenario: 'GraphQL mutation answered with data', shape: 'GraphQL', op: 'create', script: [], outcome: 'ok', attempts: 1 },
  { scenario: 'GraphQL mutation 429 with Retry-After, then data', shape: 'GraphQL', op: 'create', script: [faults.retryAfterSeconds(1)], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL mutation 503 with Retry-After, then data', shape: 'GraphQL', op: 'create', script: [faults.retryAfterSeconds(1, 503)], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL mutation 502', shape: 'GraphQL', op: 'create', script: [status(502)], outcome: 'InternalServerError', attempts: 1 },
  { scenario: 'GraphQL mutation connection refused before sending, then data', shape: 'GraphQL', op: 'create', script: [faults.refused()], outcome: 'ok', attempts: 2 },
  { scenario: 'GraphQL mutation connection reset after sending', shape: 'GraphQL', op: 'create', script: [faults.reset()], outcome: 'ConnectionError', attempts: 1 },
  { scenario: 'GraphQL mutation attempt timeout', shape: 'GraphQL', op: 'create', script: [faults.hang()], outcome: 'TimeoutError', attempts: 1, options: timeout },
  { scenario: 'GraphQL mutation errors[] constraint-violation in HTTP 200', shape: 'GraphQL', op: 'create', script: [gql({ errors: [{ message: 'Uniqueness violation', extensions: { code: 'constraint-violation' } }] })], outcome: 'ConflictError', attempts: 1 },
];

/** Whether the server may have acted on a request that met this fault (so a create must not be sent again). */
function mayHaveProcessed(fault: Fault): boolean {
  switch (fault.kind) {
    case 'refused':
      return false;
    case 'reset':
    case 'hang':
    case 'truncated':
      return true;
    case 'slow':
      return mayHaveProcessed(fault.then);
    case 'response':
      if (fault.status === 429 || (fault.status === 503 && fault.headers?.['retry-after'])) return false;
      if (fault.status >= 400 && fault.status < 500) return false;
      return true;
  }
}

const createBody = { name: 'shop', region: 'eu-west-1' };
const projectSpec = (op: Row['op']): OperationSpec =>
  op === 'read'
    ? { path: '/v1/projects/{ref}', method: 'GET' }
    : { path: '/v1/projects', method: 'POST', body: ['application/json'] };

async function play(row: Row) {
  const clock = new VirtualClock({ auto: true, start: NOW });
  const success: Fault = row.shape === 'GraphQL' ? gql({ data: { project: { id: 'p1' } } }) : faults.json(row.op === 'create' ? 201 : 200, { id: 'p1' });
  const faulty = createFaultyFetch(row.script, { clock, fallback: success });
  const transport = createTransport({ provider: { name: 'matrix', resetKind: 'seconds' }, auth: { token: 'matrix-token-0001' }, fetch: faulty.fetch, clock, logLevel: 'off' });
  const options: RequestOptions = { ...row.options, ...(row.idempotencyKey ? { idempotencyKey: 'create-shop-0001' } : {}) };
  let result: unknown;
  let error: unknown;
  try {
    if (row.shape === 'REST') {
      const params = row.op === 'read' ? { ref: 'p1' } : { body: createBody };
      result = await callOperation(BASE, transport, row.op === 'read' ? 'getProject' : 'createProject', projectSpec(row.op), params, options);
    } else {
      const wrapper = createSdkWrapper(transport, {}, () => options);
      const request = graphQLRequester(`${BASE}/v1/graphql`, transport.fetch);
      result = await sdkCall(wrapper, request, row.op === 'read' ? 'GetProject' : 'CreateProject', row.op === 'read' ? 'query' : 'mutation', createBody);
    }
  } catch (caught) {
    error = caught;
  }
  clock.stop();
  const used = faulty.calls.map((_, index) => row.script[index] ?? success);
  return { result, error, calls: faulty.calls, used };
}

describe('fault matrix', () => {
  it('has at least 40 uniquely named scenarios covering REST and GraphQL reads and creates', () => {
    expect(MATRIX.length).toBeGreaterThanOrEqual(40);
    expect(new Set(MATRIX.map((row) => row.scenario)).size).toBe(MATRIX.length);
    for (const shape of ['REST', 'GraphQL'] as const) for (const op of ['read', 'create'] as const) expect(MATRIX.some((row) => row.shape === shape && row.op === op)).toBe(true);
  });

  it.each(MATRIX.map((row) => [row.scenario, row] as const))('%s', async (_name, row) => {
    const { error, calls, used } = await play(row);
    // The outcome class a caller sees.
    if (row.outcome === 'ok') {
      expect(error).toBeUndefined();
    } else {
      const Class = (core as unknown as Record<string, new (...args: never[]) => Error>)[row.outcome];
      expect(error).toBeInstanceOf(Class);
      expect((error as Error).name).toBe(row.outcome);
      if (row.outcome !== 'XError') expect(error).toMatchObject({ attempts: row.attempts });
    }
    if (row.retryAfterMs !== undefined) expect(error).toMatchObject({ retryAfterMs: row.retryAfterMs });
    // How many attempts went out.
    expect(calls).toHaveLength(row.attempts);
    // A create is never sent again once the server may have processed it (unless an idempotency key guards it).
    if (row.op === 'create') {
      const processedAt = used.findIndex(mayHaveProcessed);
      if (row.idempotencyKey) expect(new Set(calls.map((call) => call.headers['idempotency-key']))).toEqual(new Set(['create-shop-0001']));
      else expect(processedAt === -1 || calls.length === processedAt + 1).toBe(true);
      for (const call of calls) expect(JSON.parse(call.body)).toMatchObject(row.shape === 'REST' ? createBody : { variables: createBody });
    }
  });

  it('is the table in the README, scenario for scenario, with the same outcomes and attempts', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.split(/^## Fault matrix\s*$/m)[1]?.split(/^## /m)[0] ?? '';
    const rows = section
      .split('\n')
      .filter((line) => /^\|/.test(line) && !/^\|\s*-/.test(line))
      .slice(1)
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/`/g, '')));
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const byName = new Map(MATRIX.map((row) => [row.scenario, row]));
    for (const [scenario, shape, outcome, attempts] of rows) {
      const row = byName.get(scenario!);
      expect(row, `README scenario "${scenario}" is not in the matrix`).toBeDefined();
      expect([shape, outcome, attempts]).toEqual([row!.shape, row!.outcome === 'ok' ? 'success' : row!.outcome, String(row!.attempts)]);
    }
    expect(rows.map(([scenario]) => scenario).sort()).toEqual(MATRIX.map((row) => row.scenario).sort());
  });
});
