// The fault matrix through the four real clients and their simulators: one row per client and scenario. Each row
// plays a script of faults in front of the simulator (which answers once the script is spent) and asserts the
// outcome a caller sees, how many requests the server saw (and how many attempts the error reports), and that a
// create reaches the server once and creates once whenever the server may have processed it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GraphQLError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  XError,
} from '@x/core';
import { faults } from '@x/core/testing';
import { createWorld, GRAPHQL_KINDS, KINDS, REST_KINDS, type Kind, type Step, type World } from './support/world';
import { printTally, settle } from './support/tally';

type ErrorClass = abstract new (...args: never[]) => Error;

interface Row {
  /** The scenario, as a sentence fragment. */
  scenario: string;
  op: 'read' | 'create';
  kinds: readonly Kind[];
  /** The server's script; `world` gives clock-relative values (an HTTP date). */
  script: (world: World) => Step[];
  /** `data`, or the error class the caller gets (checked with instanceof, and the exact name). */
  outcome: 'data' | { error: ErrorClass; name: string };
  /** Requests that reached the server. */
  requests: number;
  /** `attempts` on the error, when the transport made them. */
  attempts?: number;
  /** For creates: how many resources exist afterwards. */
  created?: number;
  retryAfterMs?: number;
  message?: RegExp;
  /** The least virtual time the call must have waited (a server hint honoured). */
  waitedAtLeastMs?: number;
  idempotencyKey?: string;
  clientOptions?: Record<string, unknown>;
  /** The data is `undefined` (a REST answer without a body). */
  emptyData?: boolean;
}

const err = (error: ErrorClass, name = (error as unknown as { name: string }).name): Row['outcome'] => ({ error, name });
const times = (n: number, step: Step): Step[] => Array.from({ length: n }, () => step);
const emptyStatus = (status: number): Step => ({ kind: 'response', status, body: '' });
const gqlError = (code: string, message: string, extra: { status?: number; data?: unknown } = {}): Step => ({ kind: 'graphql', errors: [{ message, extensions: { code } }], ...extra });
// The transient code each GraphQL provider retries for queries.
const TRANSIENT: Record<string, string> = { hasura: 'GenericServerError', prefect: 'API_ERROR' };
const transient = (kind: Kind) => gqlError(TRANSIENT[kind]!, 'Unable to complete operation. An internal API error occurred.');
const ATTEMPT_TIMEOUT = { timeoutMs: 5_000 };

const ROWS: Row[] = [
  // Reads: every client.
  { scenario: 'a 429 with Retry-After in seconds, then data', op: 'read', kinds: KINDS, script: () => [faults.retryAfterSeconds(2)], outcome: 'data', requests: 2, waitedAtLeastMs: 2_000 },
  { scenario: 'a 429 with Retry-After as an HTTP date, then data', op: 'read', kinds: KINDS, script: (w) => [faults.retryAfterDate(new Date(w.clock.now() + 3_000))], outcome: 'data', requests: 2, waitedAtLeastMs: 3_000 },
  { scenario: 'a 429 with retry-after-ms, then data', op: 'read', kinds: KINDS, script: () => [faults.retryAfterMs(1_500)], outcome: 'data', requests: 2, waitedAtLeastMs: 1_500 },
  { scenario: 'a 429 with only X-RateLimit-Reset, then data', op: 'read', kinds: KINDS, script: () => [faults.rateLimitReset(4)], outcome: 'data', requests: 2, waitedAtLeastMs: 4_000 },
  { scenario: 'a 429 asking to wait past the 60 s cap', op: 'read', kinds: KINDS, script: () => [faults.retryAfterSeconds(120)], outcome: err(RateLimitError), requests: 1, attempts: 1, retryAfterMs: 120_000 },
  { scenario: 'a 429 on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.retryAfterSeconds(1)), outcome: err(RateLimitError), requests: 3, attempts: 3, retryAfterMs: 1_000 },
  { scenario: 'a 503 burst that recovers', op: 'read', kinds: KINDS, script: () => times(2, faults.serverError(503)), outcome: 'data', requests: 3 },
  { scenario: 'a 500 on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.serverError(500)), outcome: err(InternalServerError), requests: 3, attempts: 3 },
  { scenario: 'a 500 with an empty body on every attempt', op: 'read', kinds: KINDS, script: () => times(3, emptyStatus(500)), outcome: err(InternalServerError), requests: 3, attempts: 3 },
  { scenario: 'a 502 HTML page, then data', op: 'read', kinds: KINDS, script: () => [faults.htmlPage(502)], outcome: 'data', requests: 2 },
  { scenario: 'a 502 HTML page on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.htmlPage(502)), outcome: err(InternalServerError), requests: 3, attempts: 3, message: /HTML error page/ },
  { scenario: 'a connection refused before sending, then data', op: 'read', kinds: KINDS, script: () => [faults.refused()], outcome: 'data', requests: 1 },
  { scenario: 'a connection reset after sending, then data', op: 'read', kinds: KINDS, script: () => [faults.reset()], outcome: 'data', requests: 2 },
  { scenario: 'a connection reset on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.reset()), outcome: err(ConnectionError), requests: 3, attempts: 3 },
  { scenario: 'an attempt timeout, then data', op: 'read', kinds: KINDS, script: () => [faults.hang()], outcome: 'data', requests: 2, clientOptions: ATTEMPT_TIMEOUT },
  { scenario: 'an attempt timeout on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.hang()), outcome: err(TimeoutError), requests: 3, attempts: 3, clientOptions: ATTEMPT_TIMEOUT },
  { scenario: 'a truncated body, then data', op: 'read', kinds: KINDS, script: () => [faults.truncated()], outcome: 'data', requests: 2 },
  { scenario: 'a truncated body on every attempt', op: 'read', kinds: KINDS, script: () => times(3, faults.truncated()), outcome: err(ConnectionError), requests: 3, attempts: 3 },
  { scenario: 'a 200 whose body is not JSON', op: 'read', kinds: KINDS, script: () => [faults.notJson(200)], outcome: err(XError), requests: 1 },
  { scenario: 'a 200 with an empty body (resolves to undefined, as documented)', op: 'read', kinds: REST_KINDS, script: () => [faults.empty(200)], outcome: 'data', requests: 1, emptyData: true },
  { scenario: 'a 200 with an empty body', op: 'read', kinds: GRAPHQL_KINDS, script: () => [faults.empty(200)], outcome: err(XError), requests: 1 },
  { scenario: 'a 404', op: 'read', kinds: REST_KINDS, script: () => [faults.json(404, { code: 5, message: 'not found' })], outcome: err(NotFoundError), requests: 1, attempts: 1 },
  // Errors inside HTTP 200 (GraphQL).
  { scenario: 'errors[] with the transient code in HTTP 200 twice, then data', op: 'read', kinds: GRAPHQL_KINDS, script: (w) => times(2, transient(w.kind)), outcome: 'data', requests: 3 },
  { scenario: 'errors[] with the transient code in HTTP 200 on every try (Hasura: 2 retries)', op: 'read', kinds: ['hasura'], script: (w) => times(3, transient(w.kind)), outcome: err(InternalServerError), requests: 3 },
  { scenario: 'errors[] with the transient code in HTTP 200 on every try (Prefect: 3 retries)', op: 'read', kinds: ['prefect'], script: (w) => times(4, transient(w.kind)), outcome: err(InternalServerError), requests: 4 },
  { scenario: 'errors[] UNAUTHENTICATED in HTTP 200', op: 'read', kinds: ['prefect'], script: () => [gqlError('UNAUTHENTICATED', 'Unauthenticated')], outcome: err(AuthenticationError), requests: 1 },
  { scenario: 'errors[] access-denied from the auth hook in HTTP 200', op: 'read', kinds: ['hasura'], script: () => [gqlError('access-denied', 'Authentication hook unauthorized this request')], outcome: err(AuthenticationError), requests: 1 },
  { scenario: 'errors[] with a not-found code in HTTP 200', op: 'read', kinds: ['hasura'], script: () => [gqlError('not-exists', 'project does not exist')], outcome: err(NotFoundError), requests: 1 },
  { scenario: 'errors[] with an unknown code and partial data in HTTP 200', op: 'read', kinds: GRAPHQL_KINDS, script: () => [gqlError('SOMETHING_ODD', 'odd', { data: { partial: true } })], outcome: err(GraphQLError), requests: 1 },
  { scenario: 'a 400 with validation errors[]', op: 'read', kinds: GRAPHQL_KINDS, script: () => [gqlError('validation-failed', 'unexpected variable', { status: 400 })], outcome: err(BadRequestError), requests: 1 },
  // Creates: a create must never reach the server twice once the server may have processed it.
  { scenario: 'a create answered at once', op: 'create', kinds: KINDS, script: () => [], outcome: 'data', requests: 1, created: 1 },
  { scenario: 'a create refused with 429 and Retry-After, then created', op: 'create', kinds: KINDS, script: () => [faults.retryAfterSeconds(2)], outcome: 'data', requests: 2, created: 1, waitedAtLeastMs: 2_000 },
  { scenario: 'a create refused with 429 past the cap', op: 'create', kinds: KINDS, script: () => [faults.retryAfterSeconds(120)], outcome: err(RateLimitError), requests: 1, created: 0, retryAfterMs: 120_000 },
  { scenario: 'a create refused with 503 and Retry-After, then created', op: 'create', kinds: KINDS, script: () => [faults.retryAfterSeconds(2, 503)], outcome: 'data', requests: 2, created: 1 },
  { scenario: 'a create answered 500 without a hint', op: 'create', kinds: KINDS, script: () => [faults.serverError(500)], outcome: err(InternalServerError), requests: 1, attempts: 1, created: 0 },
  { scenario: 'a create answered by a 502 HTML page', op: 'create', kinds: KINDS, script: () => [faults.htmlPage(502)], outcome: err(InternalServerError), requests: 1, attempts: 1, created: 0 },
  { scenario: 'a create whose connection was refused before sending, then created', op: 'create', kinds: KINDS, script: () => [faults.refused()], outcome: 'data', requests: 1, created: 1 },
  { scenario: 'a create whose connection reset after sending', op: 'create', kinds: KINDS, script: () => [faults.reset()], outcome: err(ConnectionError), requests: 1, attempts: 1, created: 0 },
  { scenario: 'a create the server processed but whose answer was lost', op: 'create', kinds: KINDS, script: () => [{ kind: 'lost' }], outcome: err(ConnectionError), requests: 1, attempts: 1, created: 1 },
  { scenario: 'a create whose attempt timed out', op: 'create', kinds: KINDS, script: () => [faults.hang()], outcome: err(TimeoutError), requests: 1, attempts: 1, created: 0, clientOptions: ATTEMPT_TIMEOUT },
  { scenario: 'a create whose answer was truncated', op: 'create', kinds: KINDS, script: () => [faults.truncated()], outcome: err(ConnectionError), requests: 1, attempts: 1, created: 0 },
  { scenario: 'a create answered 409', op: 'create', kinds: REST_KINDS, script: () => [faults.json(409, { code: 6, message: 'already exists' })], outcome: err(ConflictError), requests: 1, created: 0 },
  { scenario: 'a create answered with the transient code in HTTP 200', op: 'create', kinds: GRAPHQL_KINDS, script: (w) => [transient(w.kind)], outcome: err(InternalServerError), requests: 1, created: 0 },
  { scenario: 'a create answered with a constraint violation in HTTP 200', op: 'create', kinds: ['hasura'], script: () => [gqlError('constraint-violation', 'Uniqueness violation')], outcome: err(ConflictError), requests: 1, created: 0 },
  { scenario: 'a create with an idempotency key answered 500, then created', op: 'create', kinds: ['supabase', 'prefect'], script: () => [faults.serverError(500)], outcome: 'data', requests: 2, created: 1, idempotencyKey: 'reliability-key-0001' },
];

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  printTally('Fault matrix (client x scenario)');
});

const CALL: Record<Kind, { read: string; create: string }> = {
  supabase: { read: 'getProject', create: 'createAProject' },
  cockroach: { read: 'getCluster', create: 'createCluster' },
  hasura: { read: 'getProject', create: 'createTenant' },
  prefect: { read: 'getFlow', create: 'createFlowRun' },
};

function expectation(row: Row): string {
  const outcome = row.outcome === 'data' ? 'returns data' : `throws ${row.outcome.name}`;
  const created = row.created === undefined ? '' : `, creating ${row.created}`;
  return `${outcome} after ${row.requests} request${row.requests === 1 ? '' : 's'}${created}`;
}

describe('fault matrix', () => {
  for (const row of ROWS) {
    for (const kind of row.kinds) {
      it(`${kind} ${CALL[kind][row.op]}: ${row.scenario} ${expectation(row)}`, async () => {
        const world = createWorld(kind, { client: row.clientOptions });
        server.use(world.handler);
        try {
          world.script.push(...row.script(world));
          const started = world.clock.now();
          const call = row.op === 'read' ? world.read() : world.create({ idempotencyKey: row.idempotencyKey });
          const result = await settle(`${row.op}: ${row.scenario}`, call);
          if (row.outcome === 'data') {
            if (!result.ok) throw result.error;
            if (row.emptyData) expect(result.value).toBeUndefined();
            else if (row.op === 'read') expect(world.isReadData(result.value)).toBe(true);
          } else {
            expect(result.ok, 'the call should have failed').toBe(false);
            const error = (result as { error: unknown }).error;
            expect(error).toBeInstanceOf(row.outcome.error);
            expect((error as Error).name).toBe(row.outcome.name);
            expect(error).toBeInstanceOf(XError);
            if (row.attempts !== undefined) expect((error as XError).attempts).toBe(row.attempts);
            if (row.retryAfterMs !== undefined) expect((error as RateLimitError).retryAfterMs).toBe(row.retryAfterMs);
            if (row.message) expect((error as Error).message).toMatch(row.message);
          }
          expect(world.seen.length, `requests the server saw: ${world.seen.map((s) => s.operation).join(', ')}`).toBe(row.requests);
          expect(world.script.length, 'the whole script was played').toBe(0);
          if (row.waitedAtLeastMs !== undefined) expect(world.clock.now() - started).toBeGreaterThanOrEqual(row.waitedAtLeastMs);
          if (row.op === 'create') {
            expect(world.creates()).toBe(row.requests);
            expect(world.created()).toBe(row.created);
            if (row.idempotencyKey && (kind === 'supabase' || kind === 'cockroach')) {
              expect(world.seen.map((s) => s.headers['idempotency-key'])).toEqual(times(row.requests, row.idempotencyKey as never));
            }
          }
          // Nothing the client started is still waiting on the clock.
          expect(world.clock.pending).toBe(0);
        } finally {
          world.clock.stop();
        }
      });
    }
  }
});
