import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import { realClock, type Clock, type FetchLike, type RateLimitRule } from '@x/core';
import { FaultQueue, FixedWindowLimiter, mswFault, rateLimitHeaders, serveHandlers, type ServedHandlers } from '@x/core/testing';
import { SUPABASE_RATE_LIMITS } from '../rate-limits';
import { matchOperationRoute, rateLimitKey } from '../route-match';
import { branchRoutes } from './branches';
import { databaseSnippetAndActionRoutes } from './database-snippets-actions';
import { functionRoutes } from './functions';
import { keyAndSecretRoutes } from './keys-secrets';
import { organizationAndProjectRoutes } from './organizations-projects';
import type { RouteDefinition } from './routes';
import { SimulatorState, type SimulatorDelays } from './state';

/** Options of createSupabaseSimulator. */
export interface SupabaseSimulatorOptions {
  /** The clock lifecycles and rate-limit windows run on: share a VirtualClock with the client. Default: real time. */
  clock?: Clock;
  /** The origin the msw handlers answer for. Default `https://api.supabase.com`. */
  baseUrl?: string;
  /** Tokens accepted as `Authorization: Bearer <token>`; default: any non-empty token. */
  accessTokens?: string[];
  /** Lifecycle durations (default: project 90 s, branch 120 s, restore 120 s, pause 30 s, upgrade 600 s). */
  delays?: Partial<SimulatorDelays>;
  /** The server-side window per endpoint and scope, or `false` for none. Default 120 a minute. */
  rateLimit?: RateLimitRule | false;
  /** Seed one organization (`acme`, "Acme Inc"). Default true. */
  seed?: boolean;
}

/** One request the simulator answered. */
export interface SimulatorCall {
  method: string;
  path: string;
  /** The operation's method name, when the route is one the API has. */
  operation: string | undefined;
  status: number;
}

/** A running simulator: msw handlers, their state, queued faults, and ways to reach it without msw. */
export interface SupabaseSimulator {
  /** msw handlers: `setupServer(...sim.handlers)`. Unknown routes answer 404 JSON; unsimulated operations 501. */
  handlers: RequestHandler[];
  state: SimulatorState;
  /** Faults for upcoming requests: `sim.faults.inject(faults.serverError(503), { count: 3, match: /GET \/v1\/projects/ })`. */
  faults: FaultQueue;
  /** Every request answered, in order. */
  calls: SimulatorCall[];
  /** A fetch answering from the handlers in process, for `createSupabaseMgmtClient({ fetch: sim.fetch })`. */
  fetch: FetchLike;
  /** Serves the simulator over HTTP on localhost (any origin), for tools in other languages. */
  serve(options?: { port?: number; host?: string }): Promise<ServedHandlers>;
}

const DEFAULT_DELAYS: SimulatorDelays = { projectReadyMs: 90_000, branchReadyMs: 120_000, restoreMs: 120_000, pauseMs: 30_000, upgradeMs: 600_000 };

/** Makes a stateful Supabase Management API simulator. */
export function createSupabaseSimulator(options: SupabaseSimulatorOptions = {}): SupabaseSimulator {
  const clock = options.clock ?? realClock;
  const baseUrl = (options.baseUrl ?? 'https://api.supabase.com').replace(/\/+$/, '');
  const state = new SimulatorState(clock, { ...DEFAULT_DELAYS, ...options.delays });
  const faults = new FaultQueue();
  const calls: SimulatorCall[] = [];
  if (options.seed !== false) state.addOrganization({ name: 'Acme Inc', slug: 'acme', plan: 'pro' });

  const routes: RouteDefinition[] = [...organizationAndProjectRoutes(), ...keyAndSecretRoutes(), ...functionRoutes(), ...branchRoutes(), ...databaseSnippetAndActionRoutes()];
  // Literal segments first, so `/v1/projects/available-regions`-style routes are never shadowed by `{ref}`.
  routes.sort((a, b) => literalSegments(b.path) - literalSegments(a.path));

  const defaultRule = options.rateLimit === false ? undefined : (options.rateLimit ?? { limit: 120, windowMs: 60_000 });
  const limiters = new Map<string, FixedWindowLimiter>();
  const limiterFor = (rule: RateLimitRule) => {
    const id = `${rule.limit}/${rule.windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) limiters.set(id, (limiter = new FixedWindowLimiter(rule.limit, rule.windowMs, clock)));
    return limiter;
  };

  function ruleFor(method: string, pathname: string): RateLimitRule | undefined {
    if (!defaultRule) return undefined;
    const target = `${method} ${pathname}`;
    const stricter = SUPABASE_RATE_LIMITS.routes?.find((route) => (typeof route.match === 'function' ? route.match(method, pathname) : route.match.test(target)));
    return stricter?.rule ?? defaultRule;
  }

  function authorized(request: Request): Response | undefined {
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!token) return HttpResponse.json({ message: 'Unauthorized' }, { status: 401 });
    if (options.accessTokens && !options.accessTokens.includes(token)) return HttpResponse.json({ message: 'Unauthorized: the access token is invalid or revoked' }, { status: 401 });
    return undefined;
  }

  async function answer(route: RouteDefinition | undefined, request: Request, params: Record<string, string>): Promise<Response> {
    const url = new URL(request.url);
    const record = (response: Response) => {
      calls.push({ method: request.method, path: url.pathname, operation: matchOperationRoute(request.method, url.pathname)?.name, status: response.status });
      return response;
    };
    const fault = faults.take(request);
    if (fault) {
      // A slow or hanging fault ends when the caller gives up; the caller has its answer (an abort) already.
      const played = await mswFault(fault, request, clock).catch((error: unknown) => {
        if (request.signal.aborted) return HttpResponse.error();
        throw error;
      });
      return record(played);
    }
    if (!route) {
      const known = matchOperationRoute(request.method, url.pathname);
      return record(
        known
          ? HttpResponse.json({ message: `The Supabase simulator does not implement ${known.name} (${request.method} ${known.template}); add an msw handler for it ahead of the simulator's.` }, { status: 501 })
          : HttpResponse.json({ message: `Cannot ${request.method} ${url.pathname}`, error: 'Not Found', statusCode: 404 }, { status: 404 }),
      );
    }
    const denied = authorized(request);
    if (denied) return record(denied);
    const rule = ruleFor(request.method, url.pathname);
    let headers: Record<string, string> = {};
    if (rule) {
      const verdict = limiterFor(rule).take(rateLimitKey(request.method, url));
      headers = rateLimitHeaders(verdict);
      if (!verdict.allowed) return record(HttpResponse.json({ message: 'ThrottlerException: Too Many Requests' }, { status: 429, headers }));
    }
    const response = await route.resolve({ request, url, params, state });
    const merged = new Headers(response.headers);
    for (const [name, value] of Object.entries(headers)) merged.set(name, value);
    return record(new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged }));
  }

  function buildHandlers(origin: string): RequestHandler[] {
    const handlers: RequestHandler[] = routes.map((route) => {
      const path = `${origin}${route.path.replace(/\{([^}]+)\}/g, ':$1')}`;
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head';
      return http[method](path, ({ request, params }) => answer(route, request, params as Record<string, string>));
    });
    handlers.push(http.all(`${origin}/*`, ({ request }) => answer(undefined, request, {})));
    return handlers;
  }

  const handlers = buildHandlers(baseUrl);
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    const response = (await getResponse(handlers, request)) ?? HttpResponse.json({ message: `The simulator answers only ${baseUrl}, not ${new URL(request.url).origin}` }, { status: 404 });
    // msw's network error (a reset fault) becomes what a real fetch does with one.
    if (response.type === 'error') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    return response;
  };

  return {
    handlers,
    state,
    faults,
    calls,
    fetch,
    serve: (serveOptions) => serveHandlers(buildHandlers('*'), serveOptions),
  };
}

function literalSegments(path: string): number {
  return path.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
}
