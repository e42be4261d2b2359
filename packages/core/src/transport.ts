import { linkedController, untilAborted } from './abort';
import { Authenticator, type AuthOptions } from './auth';
import { backoffMs } from './backoff';
import { realClock, type Clock } from './clock';
import { makeAPIError, type ErrorHints } from './error-factory';
import { AbortError, ConnectionError, RateLimitError, TimeoutError, XError, type APIError, type ErrorContext } from './errors';
import { createLogger, type Logger, type LogLevel } from './logger';
import { RateLimiter, type RateLimitLease, type RateLimitOptions } from './rate-limiter';
import { isSecretHeader, redactHeaders, redactUrl, SecretScrubber } from './redact';
import { decodeRequestOptions, OPTIONS_HEADER, type RequestOptions } from './request-options';
import { retryAfterMs, type RateLimitResetKind } from './retry-after';
import { DEFAULT_RETRY_POLICY, isIdempotentMethod, shouldRetry, type AttemptOutcome, type RetryPolicy } from './retry-policy';
import { sleep } from './sleep';
import { bufferedBody, readBody } from './read-body';
import { checkClientOptions, checkRequestOptions } from './check-options';
import type { TransportHooks } from './hooks';

/** A function with the shape of the global `fetch`. */
export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Facts about a provider that change how the transport behaves. */
export interface ProviderProfile extends ErrorHints {
  /** Short name used in errors and logs: `supabase`, `cockroach`, `hasura`, `prefect`. */
  name: string;
  /** How the provider's `X-RateLimit-Reset` counts. */
  resetKind?: RateLimitResetKind;
  /** The provider may signal "over the limit" with `Retry-After` on a status other than 429. */
  retryAfterSignalsRateLimit?: boolean;
}

/** Every option a client accepts, with defaults documented in the core README. */
export interface TransportOptions {
  provider: ProviderProfile;
  auth: AuthOptions;
  /** Headers sent on every request (an API-version pin, a tenant header...). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** A fetch implementation; default: the global `fetch`, looked up on every call. */
  fetch?: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout. Default 60 s. */
  timeoutMs?: number;
  /** Bound on a whole logical request, retries included. Default none. */
  deadlineMs?: number;
  /** Client-side rate limiting, or `false` to turn it off. */
  rateLimit?: RateLimitOptions | false;
  logLevel?: LogLevel;
  logger?: Logger;
  hooks?: TransportHooks;
  /** Time source; tests and simulators pass a virtual clock. */
  clock?: Clock;
  /** Random source for jitter and ids. */
  random?: () => number;
}

/** Counters a client keeps over its lifetime (what the demo reports). */
export interface TransportStats {
  requests: number;
  attempts: number;
  retries: number;
  rateLimited: number;
  waitedMs: number;
}

/** What the transport learned about a response it returned. */
export interface ResponseInfo {
  requestId: string;
  attempts: number;
  operation: string | undefined;
  /** The method the request was sent with. */
  method?: string;
  /** The URL of the last attempt, redacted. */
  url?: string;
}

// Keyed by the response and by its Headers object too: graphql-request's ClientError keeps only the headers.
const responseInfo = new WeakMap<Response | Headers, ResponseInfo>();

/** The attempts and ids behind a response the transport returned (or behind that response's headers). */
export function getResponseInfo(response: Response | Headers): ResponseInfo | undefined {
  return responseInfo.get(response);
}

/** The one fetch every client uses, plus what the clients need to turn answers into errors. */
export interface Transport {
  /**
   * The transport as a fetch. Per-request options travel either as the third argument (for callers that call it
   * themselves) or in the options header (for libraries that only pass headers on); the argument wins.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit, options?: RequestOptions): Promise<Response>;
  readonly stats: TransportStats;
  readonly limiter: RateLimiter | undefined;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly provider: ProviderProfile;
  /** The client's default deadline for a whole call (`deadlineMs`), for layers that retry above the transport. */
  readonly deadlineMs?: number;
  /** Erases this client's secrets from a value. */
  scrub<T>(value: T): T;
  /** Registers one more secret to erase from errors and logs (a token the caller passes in a request body). */
  addSecret(secret: string): void;
  /** Reads a failed response and builds the typed error for it. */
  errorFromResponse(response: Response, context?: ErrorContext): Promise<APIError>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Builds the transport: auth, retry with backoff, rate limiting, timeouts, redirects, logging and events. */
export function createTransport(options: TransportOptions): Transport {
  checkClientOptions(options);
  const clock = options.clock ?? realClock;
  const random = options.random ?? Math.random;
  const scrubber = new SecretScrubber();
  // Every line passes through the scrubber on its way out, so an echoed credential cannot reach a log sink.
  const logger = createLogger({ level: options.logLevel, logger: scrubbingLogger(options.logger ?? console, scrubber) });
  const auth = new Authenticator(options.auth, (token) => scrubber.add(token));
  // The limiter reads X-RateLimit-Reset the provider's way unless told otherwise (an epoch read as seconds left
  // would close the window for decades).
  const basePolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const limiter = options.rateLimit === false ? undefined : new RateLimiter({ resetKind: options.provider.resetKind, maxWaitMs: basePolicy.maxRetryAfterMs, ...options.rateLimit }, clock);
  const hooks = options.hooks ?? {};
  const profile = options.provider;
  // How errors name the provider.
  const who = profile.displayName ?? profile.name;
  const stats: TransportStats = { requests: 0, attempts: 0, retries: 0, rateLimited: 0, waitedMs: 0 };
  let sequence = 0;
  // A browser answers a redirect it is told not to follow with an opaque response that hides where it leads: once one
  // is seen, this client lets the platform follow redirects (a browser drops Authorization across origins itself).
  let platformRedirects = false;

  const newRequestId = () => `req_${(++sequence).toString(36)}${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;

  async function send(input: RequestInfo | URL, init?: RequestInit, direct?: RequestOptions): Promise<Response> {
    // The caller's signal is linked by hand (and unlinked when done): a Request built with it would keep a listener
    // on it until garbage collection, piling up on a long-lived signal shared by many requests.
    const userSignal = direct?.signal ?? init?.signal ?? (typeof input === 'object' && 'signal' in input ? input.signal : undefined);
    const parts = normalizeRequest(input, init);
    const { url: startUrl, method, headers, body } = parts instanceof Promise ? await parts : parts;
    const encoded = headers.get(OPTIONS_HEADER);
    const requestOptions: RequestOptions = encoded === null ? (direct ?? {}) : { ...decodeRequestOptions(encoded), ...direct };
    if (encoded !== null) headers.delete(OPTIONS_HEADER);
    // A bad option (a timeout given as a string, a negative retry count) fails here, before anything is sent.
    if (direct || encoded !== null) checkRequestOptions(requestOptions);
    if (direct?.headers) for (const name in direct.headers) headers.set(name, direct.headers[name]!);
    // A credential in a header the caller set (an API key, a cookie) is erased from errors and logs like the token.
    for (const [name, value] of headers) if (isSecretHeader(name)) addCredential(scrubber, value);
    const policy: RetryPolicy = requestOptions.retry ? { ...basePolicy, ...requestOptions.retry } : basePolicy;
    if (requestOptions.idempotencyKey) headers.set('idempotency-key', requestOptions.idempotencyKey);
    const idempotent = requestOptions.idempotent ?? (isIdempotentMethod(method) || headers.has('idempotency-key'));
    const requestId = newRequestId();
    const operation = requestOptions.operation;
    const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? 60_000;
    const deadlineMs = requestOptions.deadlineMs ?? options.deadlineMs;
    const deadlineAt = deadlineMs === undefined ? Number.POSITIVE_INFINITY : clock.now() + deadlineMs;
    // Without a deadline the caller's signal (or none) is the whole story: nothing to link and unlink per request.
    const deadline =
      deadlineMs === undefined
        ? undefined
        : linkedController([userSignal], {
            ms: deadlineMs,
            clock,
            reason: () => new TimeoutError(`The request exceeded its ${deadlineMs} ms deadline.`, { ...context(0), timeoutMs: deadlineMs }),
          });
    const signal = deadline ? deadline.signal : (userSignal ?? undefined);
    let url = startUrl;
    stats.requests += 1;
    let refreshed = false;

    function context(attempts: number): ErrorContext {
      return { provider: profile.name, operation, method, url: redactUrl(url), attempts, requestId };
    }

    try {
      for (let attempt = 1; ; attempt++) {
        const attemptHeaders = new Headers(headers);
        const defaults = typeof options.headers === 'function' ? options.headers() : options.headers;
        if (defaults) {
          for (const name in defaults) {
            if (attemptHeaders.has(name)) continue;
            attemptHeaders.set(name, defaults[name]!);
            if (isSecretHeader(name)) addCredential(scrubber, defaults[name]!);
          }
        }
        let outcome: AttemptOutcome;
        let response: Response | undefined;
        let failure: Error | undefined;
        let lease: RateLimitLease | undefined;
        const generation = auth.generation;
        try {
          // Inside the try so an abort or the deadline while queued carries this request's context.
          // Free slot and tokens (the usual case): taken at once, no waiting in line.
          if (limiter) lease = limiter.tryAcquire(method, url) ?? (await limiter.acquire(method, url, signal));
          const attemptStart = hooks.onResponse ? clock.now() : 0;
          const [authName, authValue] =
            auth.staticHeader() ??
            (await auth.header(signal, operation).catch((error: unknown) => {
              throw signal?.aborted ? error : credentialError(error, attempt);
            }));
          attemptHeaders.set(authName, authValue);
          if (signal?.aborted) throw signal.reason;
          stats.attempts += 1;
          hooks.onRequest?.({ requestId, attempt, method, url: redactUrl(url), operation });
          // Redacting costs URL and header parsing on every call: only when the debug line will be written.
          if (logger.level === 'debug') logger.debug(`→ ${method} ${redactUrl(url)}`, { requestId, attempt, operation, headers: redactHeaders(attemptHeaders) });
          response = await attemptOnce(url, method, attemptHeaders, body, timeoutMs, signal, attempt);
          url = response.url || url;
          const limited = response.status === 429 || (!!profile.retryAfterSignalsRateLimit && response.status >= 400 && response.headers.has('retry-after'));
          if (limited) stats.rateLimited += 1;
          // A success carries no wait to honour: its hint is read only when the limiter or a retry needs it.
          const hint = response.ok ? undefined : retryAfterMs(response.headers, { resetKind: profile.resetKind, now: clock.now(), status: response.status });
          limiter?.observe(lease?.keys ?? [], limited ? 429 : response.status, response.headers, hint);
          hooks.onResponse?.({ requestId, attempt, method, url: redactUrl(url), operation, status: response.status, durationMs: clock.now() - attemptStart });
          if (logger.level === 'debug') logger.debug(`← ${response.status} ${method} ${redactUrl(url)}`, { requestId, attempt, headers: redactHeaders(response.headers) });
          outcome = { kind: 'response', status: limited ? 429 : response.status, headers: response.headers, hasRetryHint: hint !== undefined };
        } catch (error) {
          // A credential that cannot be had is not a network failure: no retry, and the message says so.
          if (error instanceof CredentialError) throw error.reason;
          // The limiter refused a wait past the cap: nothing was sent, the error says when to come back.
          if (error instanceof RateLimitError) throw Object.assign(error, context(attempt - 1));
          failure = classify(error, attempt);
          if (failure instanceof AbortError || (failure instanceof TimeoutError && signal?.aborted)) throw failure;
          outcome = failure instanceof TimeoutError ? { kind: 'timeout' } : { kind: 'network', sent: !refusedBeforeSending(error) };
        } finally {
          lease?.release();
        }

        if (response?.ok) return delivered(response, attempt);

        if (response?.status === 401 && auth.canRefresh && !refreshed) {
          refreshed = true;
          logger.info('Refreshing credentials after a 401', { requestId, operation });
          await untilAborted(auth.refresh(generation), signal).catch((error: unknown) => {
            throw signal?.aborted ? classify(error, attempt) : error;
          });
          continue;
        }

        const retriesSoFar = attempt - 1;
        const retryable = retriesSoFar < policy.maxRetries && shouldRetry(outcome, policy, idempotent);
        const hint = response ? retryAfterMs(response.headers, { resetKind: profile.resetKind, now: clock.now(), status: response.status }) : undefined;
        const waitMs = hint ?? backoffMs(retriesSoFar, backoffFor(outcome, policy), random);
        const tooLong = hint !== undefined && hint > policy.maxRetryAfterMs;
        const pastDeadline = clock.now() + waitMs >= deadlineAt;
        if (!retryable || tooLong || pastDeadline) {
          if (retryable || outcome.kind !== 'response' || outcome.status >= 500 || outcome.status === 429) {
            const reason = tooLong ? `server asked to wait ${hint} ms, beyond the ${policy.maxRetryAfterMs} ms cap` : pastDeadline && retryable ? 'the deadline leaves no time for another attempt' : `attempt ${attempt} failed`;
            hooks.onGiveUp?.({ requestId, attempt, method, url: redactUrl(url), operation, reason, status: response?.status });
            if (attempt > 1 || tooLong) logger.warn(`Giving up on ${operation ?? `${method} ${redactUrl(url)}`}: ${reason}`, { requestId });
          }
          if (failure) throw failure;
          return delivered(response!, attempt);
        }
        await response?.body?.cancel().catch(() => undefined);
        stats.retries += 1;
        const why = response ? `status ${response.status}` : failure!.name;
        hooks.onRetry?.({ requestId, attempt, method, url: redactUrl(url), operation, delayMs: waitMs, reason: why, status: response?.status });
        logger.info(`Retrying ${operation ?? `${method} ${redactUrl(url)}`} in ${waitMs} ms (${why})`, { requestId, attempt });
        const before = clock.now();
        await sleep(waitMs, signal, clock).catch((error: unknown) => {
          throw classify(error, attempt);
        });
        stats.waitedMs += clock.now() - before;
      }
    } finally {
      deadline?.dispose();
    }

    /** Records what the transport knows about the response it hands back. */
    function delivered(response: Response, attempts: number): Response {
      const info = new DeliveredInfo(requestId, attempts, operation, method, url);
      responseInfo.set(response, info);
      responseInfo.set(response.headers, info);
      return response;
    }

    function credentialError(error: unknown, attempts: number): CredentialError {
      if (error instanceof XError) return new CredentialError(error);
      const message = scrubber.scrubText(error instanceof Error ? error.message : String(error));
      const where = profile.tokenEnv ? `the token option or ${profile.tokenEnv}` : 'the token option';
      return new CredentialError(new XError(`Could not get a credential for ${who}: ${message}. Check ${where}.`, { ...context(attempts), cause: error }));
    }

    function classify(error: unknown, attempts: number): Error {
      if (error instanceof TimeoutError || error instanceof AbortError || error instanceof ConnectionError) {
        Object.assign(error, context(attempts));
        return error;
      }
      if (userSignal?.aborted) return new AbortError({ ...context(attempts), cause: userSignal.reason });
      if (signal?.aborted) return signal.reason instanceof Error ? signal.reason : new AbortError(context(attempts));
      const message = error instanceof Error ? error.message : String(error);
      return new ConnectionError(`Could not reach ${who} (${method} ${redactUrl(url)}): ${scrubber.scrubText(message)}. Check the network, proxy and base URL.`, { ...context(attempts), cause: error });
    }
  }

  /** One attempt: the request, manual redirects (dropping credentials across origins), and the body read in full. */
  async function attemptOnce(startUrl: string, method: string, headers: Headers, body: BodyInit | undefined, timeoutMs: number, signal: AbortSignal | undefined, attempt: number): Promise<Response> {
    const timer = linkedController([signal], {
      ms: timeoutMs,
      clock,
      reason: () => new TimeoutError(`No answer within ${timeoutMs} ms (attempt ${attempt}).`, { timeoutMs, provider: profile.name }),
    });
    try {
      let url = startUrl;
      let currentMethod = method;
      let currentBody = body;
      for (let hop = 0; ; hop++) {
        const fetchImpl = options.fetch ?? globalThis.fetch;
        // A URL and an init, not a Request: fetch builds its one Request from them (handing it a Request makes it
        // copy that one, a second Request per call), and the signal in `init` is the one fetch listens to directly.
        const redirect: RequestRedirect = platformRedirects ? 'follow' : 'manual';
        const response = await fetchImpl(url, { method: currentMethod, headers, body: currentBody, signal: timer.signal, redirect });
        if (response.type === 'opaqueredirect') {
          platformRedirects = true;
          // Sent again only when that cannot repeat anything: a POST answered with a redirect may have been processed.
          if (currentMethod === 'GET' || currentMethod === 'HEAD') continue;
          throw new ConnectionError(`${who} redirected ${currentMethod} ${redactUrl(url)}, which a browser does not let a client follow by hand; not sent again, as that could repeat it (later requests follow redirects).`, { provider: profile.name });
        }
        const location = response.headers.get('location');
        if (!REDIRECTS.has(response.status) || !location || hop >= 5) return await readBody(response, url, timer);
        await response.body?.cancel().catch(() => undefined);
        const next = new URL(location, url);
        if (next.origin !== new URL(url).origin) {
          // Every credential stays with the origin it was meant for: the auth header and any secret default header.
          for (const name of [...headers.keys()]) if (isSecretHeader(name)) headers.delete(name);
          headers.delete(options.auth.header ?? 'authorization');
        }
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && currentMethod === 'POST')) {
          currentMethod = 'GET';
          currentBody = undefined;
          headers.delete('content-type');
        }
        url = next.toString();
      }
    } catch (error) {
      if (timer.signal.aborted && timer.signal.reason instanceof Error) throw timer.signal.reason;
      throw error;
    } finally {
      timer.dispose();
    }
  }

  const transport: Transport = {
    fetch: send,
    stats,
    limiter,
    logger,
    clock,
    provider: profile,
    deadlineMs: options.deadlineMs,
    scrub: (value) => scrubber.scrub(value),
    addSecret: (secret) => scrubber.add(secret),
    async errorFromResponse(response, extra = {}) {
      const info = responseInfo.get(response);
      const text = await responseText(response);
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text (an HTML error page, a plain message)
      }
      const headers = response.headers;
      const limited = response.status === 429 || (!!profile.retryAfterSignalsRateLimit && headers.has('retry-after') && response.status >= 400);
      return makeAPIError(
        {
          status: limited ? 429 : response.status,
          headers: scrubber.scrub(redactHeaders(headers)),
          body: scrubber.scrub(parsed),
          retryAfterMs: retryAfterMs(headers, { resetKind: profile.resetKind, now: clock.now(), status: limited ? 429 : response.status }),
          provider: profile.name,
          operation: extra.operation ?? info?.operation,
          method: extra.method ?? info?.method,
          url: response.url ? redactUrl(response.url) : extra.url,
          attempts: info?.attempts ?? extra.attempts,
          requestId: headers.get('x-request-id') ?? headers.get('sb-request-id') ?? headers.get('request-id') ?? info?.requestId ?? extra.requestId,
        },
        profile,
      );
    },
  };
  Object.defineProperty(transport, inspectSymbol, { value: () => `Transport(${profile.name})`, enumerable: false });
  Object.defineProperty(transport, 'toJSON', { value: () => ({ provider: profile.name, stats }), enumerable: false });
  return transport;
}

/** The backoff curve for an outcome: a 429 without a server hint may start from its own, longer delay. */
function backoffFor(outcome: AttemptOutcome, policy: RetryPolicy): Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'> {
  if (outcome.kind !== 'response' || outcome.status !== 429 || policy.rateLimitDelayMs === undefined) return policy;
  return { baseDelayMs: policy.rateLimitDelayMs, maxDelayMs: Math.max(policy.maxDelayMs, policy.maxRetryAfterMs), jitter: policy.jitter };
}

/** ResponseInfo for a delivered response; the URL is redacted only when someone reads it. */
class DeliveredInfo implements ResponseInfo {
  #rawUrl: string;
  #url: string | undefined;
  constructor(
    readonly requestId: string,
    readonly attempts: number,
    readonly operation: string | undefined,
    readonly method: string,
    rawUrl: string,
  ) {
    this.#rawUrl = rawUrl;
  }

  get url(): string {
    return (this.#url ??= redactUrl(this.#rawUrl));
  }

  toJSON(): ResponseInfo {
    return { requestId: this.requestId, attempts: this.attempts, operation: this.operation, method: this.method, url: this.url };
  }
}

/** A request's parts, read once: every attempt sends a fresh request built from them. */
interface RequestParts {
  url: string;
  method: string;
  headers: Headers;
  /** Something fetch can send again as it is on every attempt. */
  body: BodyInit | undefined;
}

function normalizeRequest(input: RequestInfo | URL, init: RequestInit | undefined): RequestParts | Promise<RequestParts> {
  const initBody = init?.body ?? undefined;
  if ((typeof input === 'string' || input instanceof URL) && isResendable(initBody)) {
    // The common case (graphql-request, a plain call): no Request to build and read back.
    const method = (init?.method ?? 'GET').toUpperCase();
    if (initBody !== undefined && (method === 'GET' || method === 'HEAD')) throw new TypeError(`A ${method} request cannot have a body.`);
    return { url: new URL(input).href, method, headers: new Headers(init?.headers), body: initBody };
  }
  // A Request handed over as is (openapi-fetch's) is read directly: cloning it costs as much as a small call.
  const request = input instanceof Request && init === undefined ? input : new Request(input, { ...init, signal: null });
  const method = request.method.toUpperCase();
  const parts: RequestParts = { url: request.url, method, headers: new Headers(request.headers), body: undefined };
  if (method === 'GET' || method === 'HEAD' || request.body === null) return parts;
  // A streamed body can be read only once: keep its bytes so every attempt can send a copy.
  return request.arrayBuffer().then((body) => ({ ...parts, body }));
}

/** Bodies fetch can send any number of times (a stream cannot). */
function isResendable(body: unknown): body is BodyInit | undefined {
  return (
    body === undefined ||
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof URLSearchParams ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    (typeof FormData !== 'undefined' && body instanceof FormData)
  );
}

/** A refusal before anything was sent proves a non-idempotent request was not processed. */
function refusedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: string }; code?: string })?.cause?.code ?? (error as { code?: string })?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/** The options every provider client accepts on top of its own (its credential and base URL). */
export type ClientOptions = Omit<TransportOptions, 'provider' | 'auth'>;

/** The body of a failed response, even when the caller's library already consumed it. */
async function responseText(response: Response): Promise<string> {
  const bytes = bufferedBody(response);
  if (bytes) return new TextDecoder().decode(bytes);
  if (response.bodyUsed) return '';
  return response
    .clone()
    .text()
    .catch(() => '');
}

/** A logger that erases known secrets from each message and its details before handing them to `sink`. */
function scrubbingLogger(sink: Logger, scrubber: SecretScrubber): Logger {
  const at = (level: keyof Logger) => (message: string, details?: Record<string, unknown>) => {
    if (details === undefined) sink[level](scrubber.scrubText(message));
    else sink[level](scrubber.scrubText(message), scrubber.scrub(details));
  };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

/** Registers a credential header's value, and the token after its scheme (`Bearer x` → `x`), for scrubbing. */
function addCredential(scrubber: SecretScrubber, value: string): void {
  scrubber.add(value);
  const space = value.indexOf(' ');
  if (space > 0) scrubber.add(value.slice(space + 1).trim());
}

/** Carries a token function's failure past the attempt's network-error handling. */
class CredentialError {
  constructor(readonly reason: XError) {}
}
