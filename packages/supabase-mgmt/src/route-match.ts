import { operations } from './generated/operations';

/** An operation's route matched against a request. */
export interface RouteMatch {
  /** The operation's method name, e.g. `getProject`. */
  name: string;
  /** The path template, e.g. `/v1/projects/{ref}`. */
  template: string;
  /** The decoded path parameters. */
  params: Record<string, string>;
}

interface CompiledRoute {
  name: string;
  method: string;
  template: string;
  regex: RegExp;
  keys: string[];
  literals: number;
}

let compiled: CompiledRoute[] | undefined;

function routes(): CompiledRoute[] {
  if (compiled) return compiled;
  compiled = Object.entries(operations).map(([name, spec]) => {
    const keys: string[] = [];
    const source = spec.path
      .split('/')
      .map((segment) => {
        const param = /^\{(.+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        keys.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { name, method: spec.method, template: spec.path, regex: new RegExp(`^${source}$`), keys, literals: spec.path.split('/').length - keys.length };
  });
  // `/v1/projects/available-regions` must win over `/v1/projects/{ref}`: the most literal segments first.
  compiled.sort((a, b) => b.literals - a.literals);
  return compiled;
}

/** Finds the operation a method and path belong to (undefined for a route the API does not have). */
export function matchOperationRoute(method: string, pathname: string): RouteMatch | undefined {
  const upper = method.toUpperCase();
  for (const route of routes()) {
    if (route.method !== upper) continue;
    const found = route.regex.exec(pathname);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.keys.forEach((key, index) => {
      const raw = found[index + 1]!;
      try {
        params[key] = decodeURIComponent(raw);
      } catch {
        params[key] = raw;
      }
    });
    return { name: route.name, template: route.template, params };
  }
  return undefined;
}

// Clients call the same few paths over and over: the bucket of each is worked out once. Bounded, so a client
// touching an unbounded set of paths (one per project, say) keeps a fixed footprint.
const keyCache = new Map<string, string>();
const KEY_CACHE_SIZE = 1_000;

/**
 * The rate-limit bucket of a request the way Supabase counts: per endpoint (method and route) and per scope (the
 * project, organization or branch in the path; the user for routes with neither).
 */
export function rateLimitKey(method: string, url: URL): string {
  const upper = method.toUpperCase();
  const cacheKey = `${upper} ${url.pathname}`;
  const cached = keyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const route = matchOperationRoute(upper, url.pathname);
  const scope = route ? (route.params.ref ?? route.params.slug ?? route.params.branch_id_or_ref ?? 'user') : undefined;
  const key = route ? `${upper} ${route.template} @${scope}` : cacheKey;
  if (keyCache.size >= KEY_CACHE_SIZE) keyCache.delete(keyCache.keys().next().value!);
  keyCache.set(cacheKey, key);
  return key;
}
