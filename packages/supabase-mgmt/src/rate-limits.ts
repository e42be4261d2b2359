import type { RateLimitOptions } from '@x/core';
import { rateLimitKey } from './route-match';

/**
 * Supabase's published limits: 120 requests a minute per user, per scope (project or organization), per endpoint,
 * with stricter windows on a few endpoints. `X-RateLimit-Reset` counts seconds remaining, not an epoch.
 */
export const SUPABASE_RATE_LIMITS: RateLimitOptions = {
  rule: { limit: 120, windowMs: 60_000 },
  resetKind: 'seconds',
  // One bucket per endpoint and scope: `GET /v1/projects/{ref}/functions/{function_slug} @<ref>` is shared by every
  // function of a project, as the server counts it, rather than one bucket per URL.
  key: rateLimitKey,
  routes: [
    { match: /^GET \/v1\/projects\/[^/]+\/analytics\/endpoints\/(logs\.all|usage\.api-counts|usage\.api-requests-count)$/, rule: { limit: 30, windowMs: 60_000 } },
    { match: /^GET \/v1\/projects\/[^/]+\/database\/context$/, rule: { limit: 10, windowMs: 60_000 }, burst: { limit: 1, windowMs: 1_000 } },
    { match: /^(POST \/v1\/projects\/[^/]+\/custom-hostname\/(initialize|reverify)|DELETE \/v1\/projects\/[^/]+\/custom-hostname|GET \/v1\/projects\/[^/]+\/vanity-subdomain)$/, rule: { limit: 10, windowMs: 60_000 } },
    { match: /^POST \/v1\/projects\/[^/]+\/database\/migrations$/, rule: { limit: 120, windowMs: 180_000 } },
  ],
};
