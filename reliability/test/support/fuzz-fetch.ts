// A fetch that answers every request with something malformed, drawn from a seeded PRNG: odd statuses, junk
// rate-limit headers, bodies that are truncated, mistyped, huge, HTML, binary or empty, and connection failures
// of every kind (reset, refused, a hang until aborted, a body that stalls or breaks, a thrown non-error).
import { networkError, truncatedStream } from '@x/core/testing';
import type { Prng } from './prng';

/** Counts of what the fuzz fetch answered, for the summary. */
export interface FuzzStats {
  responses: number;
  byAction: Map<string, number>;
}

export function newFuzzStats(): FuzzStats {
  return { responses: 0, byAction: new Map() };
}

/** Statuses by weight: mostly 200 and 429, every class represented. */
const STATUSES: ReadonlyArray<readonly [number, number]> = [
  [30, 200], [4, 201], [3, 204], [1, 205], [2, 301], [2, 302], [1, 304], [2, 307], [3, 400], [3, 401], [2, 403], [3, 404],
  [1, 405], [2, 408], [2, 409], [1, 410], [2, 422], [10, 429], [1, 451], [6, 500], [5, 502], [6, 503], [4, 504], [1, 599],
];

const RETRY_AFTER = ['-1', 'abc', '1e309', 'NaN', '', ' ', '0', '0.001', '0.2', '1', '59', '61', '86400', '99999999999', 'Infinity', '0x10', '1,2', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Thu, 01 Jan 2099 00:00:00 GMT', '12:00:00', 'Sun, 06 Nov 1994 08:49:37 GMT, 5', 'soon'];
const RETRY_AFTER_MS = ['-5', 'abc', '0', '10', '250', '499', '1e12', 'NaN', 'Infinity', ''];
const RL_LIMIT = ['0', '-1', 'abc', '1', '10', '120', '1e9', ''];
const RL_REMAINING = ['0', '-3', 'abc', '5', '119', ''];
const RL_RESET = ['0', '1', '60', '1767225600', 'abc', '-1', '1e15', '0.5', ''];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', 'application/octet-stream', 'application/graphql-response+json', 'junk/junk', ''];

type Action = 'response' | 'reset' | 'refused' | 'hang' | 'truncated-stream' | 'stalled-body' | 'throw-odd' | 'non-response';

const ACTIONS: ReadonlyArray<readonly [number, Action]> = [
  [72, 'response'],
  [6, 'reset'],
  [4, 'refused'],
  [4, 'hang'],
  [5, 'truncated-stream'],
  [3, 'stalled-body'],
  [3, 'throw-odd'],
  [3, 'non-response'],
];

/** A body for this request: plausible data sometimes, garbage mostly. */
function body(rng: Prng, graphql: boolean, rootField: string): string | Uint8Array {
  const plausible = { id: rng.string(8), ref: rng.string(20), name: 'fuzz', status: 'ACTIVE_HEALTHY', state: 'CREATED', clusters: [], projects: [], pagination: {} };
  const kind = rng.weighted<string>([
    [14, 'plausible'],
    [8, 'truncated-json'],
    [10, 'wrong-type'],
    [2, 'huge-string'],
    [6, 'null'],
    [6, 'html'],
    [8, 'empty'],
    [3, 'binary'],
    [2, 'deep'],
    [graphql ? 20 : 4, 'graphql-odd'],
    [3, 'text'],
  ]);
  switch (kind) {
    case 'plausible':
      return JSON.stringify(graphql ? { data: { [rootField]: rng.chance(0.5) ? plausible : [plausible] } } : rng.chance(0.2) ? [plausible] : plausible);
    case 'truncated-json': {
      const full = JSON.stringify(graphql ? { data: { [rootField]: plausible } } : plausible);
      return full.slice(0, rng.int(1, full.length - 1));
    }
    case 'wrong-type':
      return rng.pick(['[]', '"a string"', '123', 'true', 'false', '{"id": 5, "name": {}, "ref": [1]}', '{"data": []}', '{"data": "x"}', '{"data": {"' + rootField + '": 7}}', '{"errors": {}}', '{"message": 42, "error": {"message": null}}', '-0', '1e999']);
    case 'huge-string': {
      const size = rng.int(64, 1024) * 1024;
      return JSON.stringify({ message: 'x'.repeat(size), data: null });
    }
    case 'null':
      return 'null';
    case 'html':
      return rng.pick(['<html><body><h1>502 Bad Gateway</h1></body></html>', '<!DOCTYPE html><title>Just a moment...</title>', '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>']);
    case 'empty':
      return '';
    case 'binary': {
      const bytes = new Uint8Array(rng.int(1, 512));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
      return bytes;
    }
    case 'deep': {
      const depth = rng.int(100, 5_000);
      return '['.repeat(depth) + ']'.repeat(rng.chance(0.5) ? depth : depth - 1);
    }
    case 'graphql-odd':
      return rng.pick([
        '{"data": null}',
        '{"errors": "oops"}',
        '{"errors": [{}]}',
        '{"errors": [null]}',
        '{"errors": [{"message": 5}]}',
        '{"errors": []}',
        '{"errors": [], "data": null}',
        `{"errors": [{"message": "x", "extensions": {"code": ${rng.pick(['null', '5', '"API_ERROR"', '"GenericServerError"', '"UNAUTHENTICATED"', '"access-denied"', '"VERSION_LOCKING_ERROR"', '{}', '"constraint-violation"'])}}}]}`,
        `{"data": {"${rootField}": null}, "errors": [{"message": "partial", "path": ["${rootField}"]}]}`,
        `{"data": {"${rootField}": {"id": null}}}`,
        '{"data": {}, "extensions": {"cost": 1}}',
      ]);
    default:
      return rng.pick(['OK', 'Service Unavailable', 'upstream connect error or disconnect/reset before headers', '\u0000\u0001']);
  }
}

function headers(rng: Prng, now: number): Record<string, string> {
  const out: Record<string, string> = {};
  const ct = rng.pick(CONTENT_TYPES);
  if (ct) out['content-type'] = ct;
  if (rng.chance(0.3)) out['retry-after'] = rng.chance(0.15) ? new Date(now + rng.int(-5_000, 5_000)).toUTCString() : rng.pick(RETRY_AFTER);
  if (rng.chance(0.1)) out['retry-after-ms'] = rng.pick(RETRY_AFTER_MS);
  if (rng.chance(0.25)) {
    out['x-ratelimit-limit'] = rng.pick(RL_LIMIT);
    out['x-ratelimit-remaining'] = rng.pick(RL_REMAINING);
    out['x-ratelimit-reset'] = rng.pick(RL_RESET);
  }
  if (rng.chance(0.05)) out['x-should-retry'] = rng.pick(['true', 'false', 'maybe']);
  if (rng.chance(0.1)) out['x-request-id'] = rng.string(rng.int(0, 64));
  if (rng.chance(0.05)) out['content-length'] = String(rng.int(0, 99_999));
  return out;
}

/** A fetch whose every answer is drawn from `rng`; `trace` receives a one-line description of each. */
export function createFuzzFetch(rng: Prng, options: { graphql: boolean; now: () => number; stats: FuzzStats; trace: string[] }) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request && !init ? input : new Request(input, init);
    // Listen on the caller's own signal: a Request's copy follows it only weakly and may be garbage-collected.
    const signal = init?.signal ?? (input instanceof Request ? input.signal : request.signal);
    const action = rng.weighted(ACTIONS);
    options.stats.responses += 1;
    options.stats.byAction.set(action, (options.stats.byAction.get(action) ?? 0) + 1);
    let rootField = 'item';
    if (options.graphql) {
      const text = await request.clone().text().catch(() => '');
      let query = '';
      try {
        query = String((JSON.parse(text) as { query?: unknown }).query ?? '');
      } catch {
        // not JSON: keep the default root field
      }
      // The first selection after the operation's variables: `query X($a: T) { root(...)`.
      rootField = /^[^{]*\{\s*(\w+)/.exec(query)?.[1] ?? 'item';
    }
    switch (action) {
      case 'reset':
        options.trace.push('reset');
        throw networkError('ECONNRESET');
      case 'refused':
        options.trace.push('refused');
        throw networkError('ECONNREFUSED');
      case 'hang':
        options.trace.push('hang');
        return new Promise<Response>((_, reject) => {
          if (signal.aborted) return reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      case 'throw-odd': {
        const thrown = rng.pick<unknown>([new Error('weird failure'), 'a thrown string', undefined, null, { code: 'ECONNRESET' }, new RangeError('out of range'), 42]);
        options.trace.push(`throw ${String(thrown)}`);
        throw thrown;
      }
      case 'non-response': {
        const value = rng.pick<unknown>([undefined, null, {}, { status: 200 }, 'OK']);
        options.trace.push(`resolve ${JSON.stringify(value)}`);
        return value as Response;
      }
      case 'truncated-stream': {
        const text = String(body(rng, options.graphql, rootField)) || '{"a": 1}';
        const status = rng.pick([200, 200, 500, 502]);
        options.trace.push(`truncated ${status}`);
        return new Response(truncatedStream(text), { status, headers: headers(rng, options.now()) });
      }
      case 'stalled-body': {
        const status = rng.pick([200, 200, 503]);
        options.trace.push(`stalled ${status}`);
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data": {"partial": '));
          },
        });
        return new Response(stream, { status, headers: headers(rng, options.now()) });
      }
      default: {
        const status = rng.weighted(STATUSES);
        const head = headers(rng, options.now());
        if (status >= 300 && status < 400 && rng.chance(0.7)) {
          head.location = rng.pick(['/elsewhere', 'https://other.example/v1/x', '//evil.example/path', 'http://[::1', '?page=2', 'https://api.supabase.com/v1/projects']);
        }
        const nullBody = status === 204 || status === 205 || status === 304;
        const content = nullBody ? null : body(rng, options.graphql, rootField);
        options.trace.push(`${status} ${JSON.stringify(head)} ${content === null ? 'null' : typeof content === 'string' ? `${content.length}ch:${content.slice(0, 40)}` : `${content.length} bytes`}`);
        return new Response(content === '' ? null : (content as BodyInit | null), { status, headers: head });
      }
    }
  };
}
