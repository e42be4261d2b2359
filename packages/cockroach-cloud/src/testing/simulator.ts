import { http, HttpResponse, type RequestHandler } from 'msw';
import { realClock, type Clock } from '@x/core';
import { FaultQueue, FixedWindowLimiter, mswFault, serveHandlers, type ServedHandlers } from '@x/core/testing';
import { operations } from '../generated/operations';
import { auditLogRoutes } from './routes-audit-logs';
import { clusterRoutes } from './routes-clusters';
import { networkingRoutes } from './routes-networking';
import { sqlRoutes } from './routes-sql';
import type { Route, RouteContext } from './route';
import { errorResponse, SimError } from './sim-error';
import { CockroachSimState, type SimulatorDelays } from './state';

/** Options of `createCockroachSimulator`. */
export interface CockroachSimulatorOptions {
  /** Time source for lifecycles and the rate limit window; pass the client's VirtualClock. Default: the wall clock. */
  clock?: Clock;
  /** The origin the handlers answer on. Default `https://cockroachlabs.cloud` (the client's default). */
  baseUrl?: string;
  /** Accept only this API key. Default: any non-empty bearer key. */
  apiKey?: string;
  /**
   * The 10-per-second-per-key limit, or `false` to turn it off. `status` is the over-limit answer's status: 429 by
   * default; another (503, 400...) mimics the docs' warning that it may not be 429. `Retry-After` is always sent.
   */
  rateLimit?: false | { limit?: number; windowMs?: number; status?: number };
  /** Virtual durations of the lifecycles. */
  delays?: Partial<SimulatorDelays>;
}

/** A simulated CockroachDB Cloud API for tests: msw handlers, their state, a fault queue and an HTTP server. */
export interface CockroachSimulator {
  /** msw handlers: `setupServer(...simulator.handlers)`. */
  handlers: RequestHandler[];
  /** The simulated organization: clusters, SQL users, databases, allowlists, endpoints, audit log, requests seen. */
  state: CockroachSimState;
  /** Queue faults for upcoming requests: `faults.inject(faults.serverError(503), { match: /GET \/api\/v1\/clusters$/ })`. */
  faults: FaultQueue;
  /** Serves the simulator over HTTP on localhost (for tools outside the test process, or `pnpm simulate`). */
  serve(options?: { port?: number; host?: string }): Promise<ServedHandlers>;
}

const VERSION = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Makes a stateful CockroachDB Cloud simulator. */
export function createCockroachSimulator(options: CockroachSimulatorOptions = {}): CockroachSimulator {
  const clock = options.clock ?? realClock;
  const state = new CockroachSimState(clock, options.delays);
  const faults = new FaultQueue();
  const limit = options.rateLimit === false ? undefined : { limit: 10, windowMs: 1_000, status: 429, ...options.rateLimit };
  const limiter = limit ? new FixedWindowLimiter(limit.limit, limit.windowMs, clock) : undefined;
  const routes = [...clusterRoutes, ...sqlRoutes, ...networkingRoutes, ...auditLogRoutes];

  async function answer(request: Request, route: Route | undefined, params: Record<string, string>): Promise<Response> {
    const url = new URL(request.url);
    const fault = faults.take(request);
    if (fault) return mswFault(fault, request, clock);
    state.requests.push({ method: request.method, path: url.pathname, query: Object.fromEntries(url.searchParams), ccVersion: request.headers.get('cc-version') });
    const key = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!key || (options.apiKey !== undefined && key !== options.apiKey)) return errorResponse(401, 'unauthenticated: missing or invalid API key');
    const version = request.headers.get('cc-version');
    if (version !== null && !validDate(version)) return errorResponse(400, 'invalid Cc-Version');
    if (limiter && limit) {
      const verdict = limiter.take(key);
      if (!verdict.allowed) {
        return errorResponse(limit.status, 'rate limit exceeded', { code: 8, headers: { 'retry-after': String(Math.max(1, verdict.resetSeconds)) } });
      }
    }
    state.sync();
    if (!route) return unknownRoute(request.method, url.pathname);
    let parsed: unknown;
    let read = false;
    const context: RouteContext = {
      request,
      url,
      params,
      state,
      body: async <T>() => {
        if (!read) {
          read = true;
          const text = await request.text();
          try {
            parsed = text ? JSON.parse(text) : {};
          } catch {
            throw new SimError(400, 'invalid JSON body');
          }
          if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SimError(400, 'the body must be a JSON object');
        }
        return parsed as T;
      },
    };
    try {
      const result = await route.handle(context);
      return result instanceof Response ? result : HttpResponse.json(result as Record<string, unknown>);
    } catch (error) {
      if (error instanceof SimError) return errorResponse(error.status, error.message, { code: error.code, details: error.details });
      return errorResponse(500, `simulator failure: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function build(origin: string): RequestHandler[] {
    // Fixed segments before parameters, so `/clusters/available-regions` is not taken for a cluster id.
    const ordered = [...routes].sort((a, b) => specificity(b.path) - specificity(a.path));
    const handlers: RequestHandler[] = ordered.map((route) =>
      http[route.method.toLowerCase() as 'get'](`${origin}${route.path.replace(/\{([^}]+)\}/g, ':$1')}`, ({ request, params }) => answer(request, route, decodeParams(params))),
    );
    handlers.push(http.all(`${origin}/*`, ({ request }) => answer(request, undefined, {})));
    return handlers;
  }

  return {
    handlers: build((options.baseUrl ?? 'https://cockroachlabs.cloud').replace(/\/+$/, '')),
    state,
    faults,
    // Served requests arrive on whatever host and port the server got: match any origin there.
    serve: (serveOptions) => serveHandlers(build('*'), serveOptions),
  };
}

function validDate(text: string): boolean {
  const match = VERSION.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function specificity(path: string): number {
  const segments = path.split('/');
  return segments.length * 100 + segments.filter((s) => !s.startsWith('{')).length;
}

function decodeParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value.join('/') : String(value ?? '');
    try {
      out[key] = decodeURIComponent(text);
    } catch {
      out[key] = text;
    }
  }
  return out;
}

// A real path the simulator does not model gets 501 UNIMPLEMENTED, saying so; anything else is the API's 404.
function unknownRoute(method: string, path: string): Response {
  for (const [name, spec] of Object.entries(operations)) {
    const pattern = new RegExp(`^${spec.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (spec.method === method && pattern.test(path)) {
      return errorResponse(501, `the CockroachDB Cloud simulator does not model ${name} (${method} ${spec.path}); register your own msw handler for it before the simulator's handlers`);
    }
  }
  return errorResponse(404, `Not Found: ${method} ${path}`);
}
