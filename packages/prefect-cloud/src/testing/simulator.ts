import { http, HttpResponse, type RequestHandler } from 'msw';
import { FixedWindowLimiter, mswFault, rateLimitHeaders, serveHandlers, type ServedHandlers } from '@x/core/testing';
import type { SimContext } from './context';
import { execute, parseRequest, type Roots } from './execute';
import { PrefectFaultQueue, type PrefectFault } from './faults';
import { advanceAll } from './lifecycle';
import { authMutations } from './mutations-auth';
import { runMutations } from './mutations-runs';
import { storeMutations } from './mutations-store';
import { Access, identify } from './principal';
import { queryRoots } from './queries';
import { seed } from './seed';
import { PrefectSimState, type PrefectSimulatorOptions } from './state';
import { createViews } from './views';

/** Options of `createPrefectSimulator`. */
export interface PrefectSimulatorConfig extends PrefectSimulatorOptions {
  /** The endpoint the handlers answer (the client's `endpoint`). Default `https://api.prefect.io`. */
  endpoint?: string;
  /** Answer 429 with Retry-After beyond `limit` requests per `windowMs` per credential. Default: no limit. */
  rateLimit?: { limit: number; windowMs: number };
}

/** A simulated Prefect Cloud: stateful msw handlers, their world, a fault queue, and a way to serve them over HTTP. */
export interface PrefectSimulator {
  /** msw handlers: `setupServer(...sim.handlers)`. */
  handlers: RequestHandler[];
  state: PrefectSimState;
  faults: PrefectFaultQueue;
  endpoint: string;
  /** Serves the simulator on localhost (any path answers GraphQL); point a client's `endpoint` at `url`. */
  serve(options?: { port?: number; host?: string }): Promise<ServedHandlers>;
}

const ROOTS: Roots<SimContext> = { query: queryRoots, mutation: { ...authMutations, ...runMutations, ...storeMutations } };

/** Makes a simulator; pass the client's VirtualClock as `clock` so tokens expire and runs progress on virtual time. */
export function createPrefectSimulator(options: PrefectSimulatorConfig = {}): PrefectSimulator {
  const state = new PrefectSimState(options);
  if (options.seed !== false) state.defaults = seed(state);
  const views = createViews(state);
  const faults = new PrefectFaultQueue();
  const limiter = options.rateLimit ? new FixedWindowLimiter(options.rateLimit.limit, options.rateLimit.windowMs, state.clock) : undefined;
  const endpoint = (options.endpoint ?? 'https://api.prefect.io').replace(/\/+$/, '');

  async function respond(request: Request): Promise<Response> {
    let body: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      body = (await request.json()) as typeof body;
    } catch {
      return HttpResponse.json({ errors: [{ message: 'The body must be JSON: {"query": "...", "variables": {...}}.', extensions: { code: 'BAD_REQUEST' } }] }, { status: 400 });
    }
    let variables = body.variables;
    // Prefect's Python client sends variables as a JSON string.
    if (typeof variables === 'string') variables = JSON.parse(variables) as unknown;
    const principal = identify(state, request);
    const parsed = parseRequest(body.query, body.operationName, variables);
    const record = (status: number, fields: string[], operationName?: string) =>
      state.calls.push({ operationName, fields, credential: principal.kind, tenantHeader: principal.tenantHeader, status, at: state.clock.now() });
    if ('errors' in parsed) {
      record(400, [], typeof body.operationName === 'string' ? body.operationName : undefined);
      return HttpResponse.json({ errors: parsed.errors }, { status: 400 });
    }
    const operationName = parsed.operation.name?.value;
    const fault = faults.take(operationName, parsed.rootFields);
    if (fault) {
      const response = await play(fault, request);
      record(response.status, parsed.rootFields, operationName);
      return response;
    }
    if (limiter) {
      const verdict = limiter.take(request.headers.get('authorization') ?? 'anonymous');
      if (!verdict.allowed) {
        record(429, parsed.rootFields, operationName);
        return HttpResponse.json({ message: 'Rate limit exceeded' }, { status: 429, headers: { ...rateLimitHeaders(verdict), 'retry-after': String(verdict.resetSeconds) } });
      }
    }
    if (principal.problem) {
      record(200, parsed.rootFields, operationName);
      return HttpResponse.json({ data: null, errors: [{ message: principal.problem, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
    advanceAll(state);
    const result = execute(ROOTS, parsed, { state, views, access: new Access(state, principal) });
    record(result.status, parsed.rootFields, operationName);
    return HttpResponse.json(result.body, { status: result.status });
  }

  async function play(fault: PrefectFault, request: Request): Promise<Response> {
    if (fault.kind === 'graphql') {
      return HttpResponse.json({ data: null, errors: [{ message: fault.message ?? fault.code, extensions: { code: fault.code } }] }, { status: fault.status ?? 200 });
    }
    try {
      return await mswFault(fault, request, state.clock);
    } catch (error) {
      // The client gave up on a hanging or slow answer; nobody is listening any more.
      if (request.signal.aborted) return HttpResponse.error();
      throw error;
    }
  }

  const handlers = [http.post(`${endpoint}/`, ({ request }) => respond(request)), http.post(`${endpoint}/graphql`, ({ request }) => respond(request))];
  return {
    handlers,
    state,
    faults,
    endpoint,
    serve: (serveOptions) => serveHandlers([http.post('*', ({ request }) => respond(request))], serveOptions),
  };
}
