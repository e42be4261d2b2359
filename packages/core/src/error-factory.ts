import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  GraphQLError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
  type APIErrorInit,
} from './errors';

/** What the factory knows of the provider, to say what to do next. */
export interface ErrorHints {
  /** Display name, e.g. `Supabase`. */
  displayName?: string;
  /** Where the credential comes from, e.g. `SUPABASE_ACCESS_TOKEN`. */
  tokenEnv?: string;
}

const CLASSES: Record<number, new (message: string, init: APIErrorInit) => APIError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The one factory for server-answer errors: picks the class by status and writes a message that says what to do. */
export function makeAPIError(init: APIErrorInit, hints: ErrorHints = {}): APIError {
  const Class = init.errors?.length && init.status < 400 ? GraphQLError : (CLASSES[init.status] ?? (init.status >= 500 ? InternalServerError : APIError));
  return new Class(describe(init, hints), init);
}

/** Builds the message: who failed, how, the server's own words, and the next step. */
export function describe(init: APIErrorInit, hints: ErrorHints = {}): string {
  const who = hints.displayName ?? init.provider ?? 'The API';
  const what = init.operation ? ` on ${init.operation}` : init.method ? ` on ${init.method} ${pathOf(init.url)}` : '';
  const said = serverMessage(init.body, init.errors);
  const id = init.requestId ? ` [request ${init.requestId}]` : '';
  const head = `${who} answered ${init.status}${what}${said ? `: ${said}` : ''}.`;
  return `${head} ${advice(init, hints)}${id}`.trim();
}

function advice(init: APIErrorInit, hints: ErrorHints): string {
  const attempts = init.attempts && init.attempts > 1 ? ` after ${init.attempts} attempts` : '';
  switch (init.status) {
    case 400:
    case 422:
      return 'Check the request parameters and body against the API reference.';
    case 401:
      return `Check the credential${hints.tokenEnv ? ` (option or ${hints.tokenEnv})` : ''}: it is missing, invalid or expired.`;
    case 403:
      return 'The credential is valid but lacks permission for this resource or action.';
    case 404:
      return 'Check the identifiers: the resource does not exist or this credential cannot see it.';
    case 409:
      return 'The resource changed or already exists: re-read it and retry.';
    case 429:
      return init.retryAfterMs !== undefined
        ? `Rate limited${attempts}; the server asks to wait ${Math.ceil(init.retryAfterMs / 1000)} s (see retryAfterMs).`
        : `Rate limited${attempts}; slow down or lower concurrency.`;
    default:
      if (init.errors?.length && init.status < 400) return 'The GraphQL request failed; see errors[] for every entry.';
      return init.status >= 500 ? `The provider failed${attempts}; retry later.` : '';
  }
}

/** The server's own explanation, from the usual body shapes (never longer than 300 characters). */
export function serverMessage(body: unknown, errors?: ReadonlyArray<{ message?: unknown }>): string | undefined {
  // A server's errors[] may hold nulls or bare strings: read what is readable, skip the rest.
  const fromErrors = Array.isArray(errors) ? errors.map((e) => (typeof e === 'string' ? e : e?.message)).filter((m): m is string => typeof m === 'string') : undefined;
  if (fromErrors?.length) return clip(fromErrors.join('; '));
  if (typeof body === 'string') {
    if (/^\s*</.test(body)) return 'an HTML error page instead of JSON';
    return body.trim() ? clip(body.trim()) : undefined;
  }
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const nested = b.error && typeof b.error === 'object' ? (b.error as Record<string, unknown>).message : undefined;
  const found = [b.message, nested, b.error, b.msg, b.error_description, b.detail].find((v) => typeof v === 'string' && v.trim());
  if (found) return clip(found as string);
  if (Array.isArray(b.errors)) return serverMessage(undefined, b.errors as Array<{ message?: unknown }>);
  return undefined;
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 300 ? `${one.slice(0, 297)}...` : one;
}

function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
