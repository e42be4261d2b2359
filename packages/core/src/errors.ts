/** Where an error happened: filled in by the transport and the clients, never containing a secret. */
export interface ErrorContext {
  /** The provider's short name: `supabase`, `cockroach`, `hasura`, `prefect`. */
  provider?: string;
  /** The operation the caller invoked, such as `getProject`. */
  operation?: string;
  method?: string;
  /** The request URL with secret query parameters masked. */
  url?: string;
  /** How many attempts were sent for this logical request. */
  attempts?: number;
  /** The request id the server assigned, or the SDK's own log id when the server sent none. */
  requestId?: string;
}

/** One entry of a GraphQL `errors[]` array. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
  [key: string]: unknown;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** The base of every error this SDK throws. */
export class XError extends Error {
  override name = 'XError';
  provider: string | undefined;
  operation: string | undefined;
  method: string | undefined;
  url: string | undefined;
  attempts: number | undefined;
  requestId: string | undefined;

  constructor(message: string, options: ErrorContext & { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.provider = options.provider;
    this.operation = options.operation;
    this.method = options.method;
    this.url = options.url;
    this.attempts = options.attempts;
    this.requestId = options.requestId;
  }

  /** A plain object of the public fields: what `JSON.stringify(error)` prints. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) if (value !== undefined && key !== 'cause') out[key] = value;
    return out;
  }

  [inspectSymbol](): string {
    return `${this.name}: ${this.message}\n${JSON.stringify(this.toJSON(), null, 2)}`;
  }
}

/** Fields of an answer the server gave: the status, its headers and the parsed body. */
export interface APIErrorInit extends ErrorContext {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  retryAfterMs?: number;
  errors?: GraphQLErrorEntry[];
  data?: unknown;
  cause?: unknown;
}

/** The server answered, and the answer is a failure. */
export class APIError extends XError {
  override name = 'APIError';
  status: number;
  /** Response headers, with cookies masked. */
  headers: Record<string, string>;
  /** The parsed response body (JSON when it was JSON, else text). */
  body: unknown;
  /** How long the server asked the caller to wait, when it said so. */
  retryAfterMs: number | undefined;
  /** For GraphQL: every entry of `errors[]`. */
  errors: GraphQLErrorEntry[] | undefined;
  /** For GraphQL: the partial `data` that came with the errors. */
  data: unknown;

  constructor(message: string, init: APIErrorInit) {
    super(message, init);
    this.status = init.status;
    this.headers = init.headers ?? {};
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
    this.errors = init.errors;
    this.data = init.data;
  }

  /** The distinct `extensions.code` values of the GraphQL errors. */
  get codes(): string[] {
    const entries = Array.isArray(this.errors) ? this.errors : [];
    return [...new Set(entries.map((e) => e?.extensions?.code).filter((c): c is string => typeof c === 'string' && c !== ''))];
  }
}

/** The fields an API error was made with: to re-create it as another class, or with a sharper message. */
export function apiErrorInit(error: APIError): APIErrorInit {
  return {
    status: error.status,
    headers: error.headers,
    body: error.body,
    errors: error.errors,
    data: error.data,
    retryAfterMs: error.retryAfterMs,
    provider: error.provider,
    operation: error.operation,
    method: error.method,
    url: error.url,
    attempts: error.attempts,
    requestId: error.requestId,
  };
}

/** 400: the request was malformed or failed validation. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401: the credentials are missing, invalid or expired. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 403: the credentials are valid but may not do this. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/** 404: the resource does not exist (or is invisible to these credentials). */
export class NotFoundError extends APIError {
  override name = 'NotFoundError';
}
/** 409: the request conflicts with the resource's current state. */
export class ConflictError extends APIError {
  override name = 'ConflictError';
}
/** 422: the request was understood but its content is invalid. */
export class UnprocessableEntityError extends APIError {
  override name = 'UnprocessableEntityError';
}
/** 429: rate limited; `retryAfterMs` says how long to wait when the server said so. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
}
/** 5xx: the provider failed. */
export class InternalServerError extends APIError {
  override name = 'InternalServerError';
}
/** A GraphQL answer carrying `errors[]` that maps to no more specific class. */
export class GraphQLError extends APIError {
  override name = 'GraphQLError';
}

/** The request never got an answer: DNS, refused, reset, TLS, or an unreadable body. */
export class ConnectionError extends XError {
  override name = 'ConnectionError';
}

/** An attempt or the whole request ran out of time. */
export class TimeoutError extends XError {
  override name = 'TimeoutError';
  /** The limit that was exceeded, in milliseconds. */
  timeoutMs: number | undefined;
  constructor(message: string, options: ErrorContext & { cause?: unknown; timeoutMs?: number } = {}) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The caller aborted (their AbortSignal fired). Never retried. */
export class AbortError extends XError {
  override name = 'AbortError';
  constructor(options: ErrorContext & { cause?: unknown; message?: string } = {}) {
    super(options.message ?? 'The request was aborted by the caller.', options);
  }
}

/** The input is invalid; nothing was sent. */
export class ValidationError extends XError {
  override name = 'ValidationError';
}

/** A long operation reached a state it cannot leave successfully (for example a failed project creation). */
export class WaitFailedError extends XError {
  override name = 'WaitFailedError';
  /** The last value observed. */
  last: unknown;
  constructor(message: string, options: ErrorContext & { last?: unknown } = {}) {
    super(message, options);
    this.last = options.last;
  }
}
