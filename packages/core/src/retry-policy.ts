/**
 * What is retried and how long to wait: data with documented defaults, overridable per client and per request.
 * Non-idempotent requests (POST, PATCH, GraphQL mutations) are retried only when the failure proves the request was
 * not processed, so a create is never sent twice after an ambiguous failure.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. Default 2. */
  maxRetries: number;
  /** Statuses worth another attempt for idempotent requests. Default 408, 429, 500, 502, 503, 504. */
  retryStatuses: readonly number[];
  /** First backoff. Default 500 ms. */
  baseDelayMs: number;
  /** Backoff cap. Default 8 s. */
  maxDelayMs: number;
  /** Share of the backoff taken off at random. Default 0.25. */
  jitter: number;
  /** A server hint longer than this is not slept through: the request fails with RateLimitError. Default 60 s. */
  maxRetryAfterMs: number;
  /** Retry connection failures and per-attempt timeouts (idempotent requests only when ambiguous). Default true. */
  retryNetworkErrors: boolean;
  /**
   * First backoff after a 429 that carries no server hint, doubling per retry up to `maxRetryAfterMs`. Default:
   * unset, so 429s follow `baseDelayMs` like every other status. Providers that ask for long pauses set it.
   */
  rateLimitDelayMs?: number;
}

/** The defaults every client starts from. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 2,
  retryStatuses: Object.freeze([408, 429, 500, 502, 503, 504]),
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
  retryNetworkErrors: true,
});

/** What happened on one attempt, as the retry decision sees it. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; headers: Headers; hasRetryHint: boolean }
  /** `sent` is false only when the connection was refused before any byte of the request left. */
  | { kind: 'network'; sent: boolean }
  | { kind: 'timeout' };

/** Whether another attempt is allowed for this outcome, by the policy and the request's idempotency. */
export function shouldRetry(outcome: AttemptOutcome, policy: RetryPolicy, idempotent: boolean): boolean {
  if (outcome.kind === 'response') {
    // The server's explicit say wins (a convention several API gateways follow).
    const say = outcome.headers.get('x-should-retry');
    if (say === 'true') return true;
    if (say === 'false') return false;
    if (!policy.retryStatuses.includes(outcome.status)) return false;
    if (idempotent) return true;
    // 429 and 503-with-Retry-After mean the server refused the work before doing it.
    return outcome.status === 429 || (outcome.status === 503 && outcome.hasRetryHint);
  }
  if (!policy.retryNetworkErrors) return false;
  if (outcome.kind === 'network') return idempotent || !outcome.sent;
  return idempotent;
}

/** Methods that can be repeated without changing the result. */
export function isIdempotentMethod(method: string): boolean {
  return ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(method.toUpperCase());
}
