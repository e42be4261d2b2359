/**
 * A server-side fixed window: it opens with the first request after the previous one closed and lets `limit`
 * requests through until `windowMs` has passed. `X-RateLimit-Reset` is the seconds remaining, rounded up.
 */
export function fixedWindow(limit, windowMs) {
  let start = Number.NEGATIVE_INFINITY;
  let count = 0;
  return {
    take() {
      const at = Date.now();
      if (at >= start + windowMs) {
        start = at;
        count = 0;
      }
      const allowed = count < limit;
      if (allowed) count += 1;
      const resetSeconds = Math.ceil((start + windowMs - at) / 1000);
      return {
        allowed,
        headers: { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(limit - count), 'x-ratelimit-reset': String(resetSeconds) },
      };
    },
    reset() {
      start = Number.NEGATIVE_INFINITY;
      count = 0;
    },
  };
}
