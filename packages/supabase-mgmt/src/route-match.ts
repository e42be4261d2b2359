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

// Each operation's method, template and the template's segments, split on the first match rather than at import.
let routes: Array<[name: string, method: string, template: string, segments: string[]]> | undefined;

/**
 * Finds the operation a method and path belong to (undefined for a route the API does not have). When several
 * templates match, the one with the most literal segments wins: `/v1/projects/available-regions` over
 * `/v1/projects/{ref}`.
 */
export function matchOperationRoute(method: string, pathname: string): RouteMatch | undefined {
  routes ??= Object.entries(operations).map(([name, spec]) => [name, spec.method, spec.path, spec.path.split('/')]);
  const upper = method.toUpperCase();
  const segments = pathname.split('/');
  let best: (typeof routes)[number] | undefined;
  let bestLiterals = -1;
  for (const route of routes) {
    const parts = route[3];
    if (route[1] !== upper || parts.length !== segments.length) continue;
    let literals = 0;
    let i = 0;
    for (; i < parts.length; i++) {
      const part = parts[i]!;
      if (part[0] === '{') {
        if (!segments[i]) break;
      } else if (part === segments[i]) literals++;
      else break;
    }
    if (i === parts.length && literals > bestLiterals) {
      best = route;
      bestLiterals = literals;
    }
  }
  if (!best) return undefined;
  const params: Record<string, string> = {};
  best[3].forEach((part, index) => {
    if (part[0] === '{') params[part.slice(1, -1)] = decode(segments[index]!);
  });
  return { name: best[0], template: best[2], params };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
