/** How a provider's `X-RateLimit-Reset` header counts: seconds left in the window, or an epoch in seconds. */
export type RateLimitResetKind = 'seconds' | 'epoch-seconds';

/**
 * The wait, in milliseconds, that a response's headers ask for; undefined when they ask for none.
 * Precedence: `retry-after-ms`, then `Retry-After` (seconds or an HTTP date), then `X-RateLimit-Reset` when the
 * window is spent (remaining is 0) or the answer is a 429.
 */
export function retryAfterMs(headers: Headers, options: { resetKind?: RateLimitResetKind; now?: number; status?: number } = {}): number | undefined {
  const now = options.now ?? Date.now();
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;

  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null && retryAfter.trim() !== '') {
    const seconds = Number(retryAfter.trim());
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    // Every HTTP-date form carries a clock time; without one, Date.parse guesses wildly ("-1" is the year 2001).
    const date = /\d{1,2}:\d{2}:\d{2}/.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }

  const remaining = headers.get('x-ratelimit-remaining');
  if (options.status === 429 || (remaining !== null && Number(remaining) <= 0)) {
    const reset = resetInMs(headers.get('x-ratelimit-reset'), options.resetKind ?? 'seconds', now);
    if (reset !== undefined) return reset;
  }
  return undefined;
}

/** Milliseconds until a `X-RateLimit-Reset` value, read the provider's way. */
export function resetInMs(value: string | null, kind: RateLimitResetKind, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) return undefined;
  return kind === 'seconds' ? n * 1000 : Math.max(0, n * 1000 - now);
}
