import type { RateLimitOptions } from '@x/core';

/**
 * CockroachDB Cloud's published limit: 10 requests a second per user, across every endpoint. One client is one user
 * (one API key), so every request counts against one shared bucket.
 */
export const COCKROACH_RATE_LIMITS: RateLimitOptions = {
  rule: { limit: 10, windowMs: 1_000 },
  key: () => 'cockroach-cloud',
};
