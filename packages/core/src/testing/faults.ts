/**
 * Canned failures, as plain Response factories or thrown errors, shared by the fault-injecting fetch and the msw
 * helpers. Each mirrors something real servers and networks do.
 */
export type Fault =
  | { kind: 'response'; status: number; headers?: Record<string, string>; body?: string | null }
  | { kind: 'reset' }
  | { kind: 'refused' }
  | { kind: 'hang' }
  | { kind: 'slow'; ms: number; then: Fault }
  | { kind: 'truncated'; status?: number; headers?: Record<string, string>; body: string };

/** Builders for the faults of the matrix. */
export const faults = {
  /** A JSON answer. */
  json: (status: number, body: unknown, headers: Record<string, string> = {}): Fault => ({ kind: 'response', status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
  /** A 429 with `Retry-After` in seconds. */
  retryAfterSeconds: (seconds: number, status = 429): Fault => ({ kind: 'response', status, headers: { 'retry-after': String(seconds), 'content-type': 'application/json' }, body: '{"message":"rate limit exceeded"}' }),
  /** A 429 with `Retry-After` as an HTTP date. */
  retryAfterDate: (date: Date): Fault => ({ kind: 'response', status: 429, headers: { 'retry-after': date.toUTCString(), 'content-type': 'application/json' }, body: '{"message":"too many requests"}' }),
  /** A 429 with `retry-after-ms`. */
  retryAfterMs: (ms: number): Fault => ({ kind: 'response', status: 429, headers: { 'retry-after-ms': String(ms), 'content-type': 'application/json' }, body: '{"message":"too many requests"}' }),
  /** A 429 whose only hint is `X-RateLimit-*` (reset in the provider's unit). */
  rateLimitReset: (reset: number, limit = 120): Fault => ({ kind: 'response', status: 429, headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset), 'content-type': 'application/json' }, body: '{"message":"Too many requests"}' }),
  /** A 429 with no hint at all. */
  rateLimitedBare: (): Fault => ({ kind: 'response', status: 429, body: '' }),
  /** A 5xx with a JSON message. */
  serverError: (status = 500, headers: Record<string, string> = {}): Fault => ({ kind: 'response', status, headers: { 'content-type': 'application/json', ...headers }, body: '{"message":"internal error"}' }),
  /** An HTML error page from a proxy or load balancer. */
  htmlPage: (status = 502): Fault => ({ kind: 'response', status, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' }),
  /** A success whose body is not JSON. */
  notJson: (status = 200): Fault => ({ kind: 'response', status, headers: { 'content-type': 'application/json' }, body: '{"oops": ' }),
  /** An empty body. */
  empty: (status = 200): Fault => ({ kind: 'response', status, headers: { 'content-type': 'application/json' }, body: '' }),
  /** The connection reset after the request was sent. */
  reset: (): Fault => ({ kind: 'reset' }),
  /** The connection refused before anything was sent. */
  refused: (): Fault => ({ kind: 'refused' }),
  /** No answer, ever (until the request is aborted). */
  hang: (): Fault => ({ kind: 'hang' }),
  /** The answer comes after `ms`. */
  slow: (ms: number, then: Fault): Fault => ({ kind: 'slow', ms, then }),
  /** Headers arrive, then the body stream breaks halfway. */
  truncated: (body = '{"items": [1, 2, 3'): Fault => ({ kind: 'truncated', body }),
};

/** A network error as Node's fetch raises it, with the socket code in `cause`. */
export function networkError(code: 'ECONNRESET' | 'ECONNREFUSED'): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(code === 'ECONNRESET' ? 'socket hang up' : 'connect ECONNREFUSED 127.0.0.1:443'), { code }) });
}

/** A body stream that sends `text` halfway and then errors. */
export function truncatedStream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let sent = false;
  // Erroring in `start` would discard the queued half; erroring on the next pull delivers it first.
  return new ReadableStream({
    pull(controller) {
      if (sent) return controller.error(networkError('ECONNRESET'));
      sent = true;
      controller.enqueue(bytes.slice(0, Math.ceil(bytes.length / 2)));
    },
  });
}
