// Bad options fail at once with a ValidationError that names the option, before anything is sent: at client
// creation, on a call, on a waiter and on a paginator. Good values at the edges (0 retries, no timeout) still work.
import { describe, expect, it, vi } from 'vitest';
import { createTransport, paginateOffset, paginateToken, RateLimiter, ValidationError, waitFor, type TransportOptions } from '../src/index';

const TOKEN = 'sk_check_options_canary_0123456789';
const ok = () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } });

function transport(extra: Partial<TransportOptions> = {}) {
  const fetch = vi.fn(async () => ok());
  const t = createTransport({ provider: { name: 'test' }, auth: { token: TOKEN }, fetch, ...extra });
  return { t, fetch };
}

/** The error `make` throws (synchronously or as a rejection). */
async function errorOf(make: () => unknown): Promise<Error> {
  try {
    await make();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('client options', () => {
  const bad: Array<[string, Partial<TransportOptions> & Record<string, unknown>, RegExp]> = [
    ['a timeout given as a string', { timeoutMs: '30000' as never }, /^Option timeoutMs must be a number of milliseconds above 0 \(Infinity for none\); got "30000"\.$/],
    ['a negative timeout', { timeoutMs: -1 }, /Option timeoutMs .* got -1\./],
    ['a zero timeout', { timeoutMs: 0 }, /Option timeoutMs .* got 0\./],
    ['a NaN deadline', { deadlineMs: Number.NaN }, /Option deadlineMs .* got NaN\./],
    ['a negative retry count', { retry: { maxRetries: -1 } }, /Option retry\.maxRetries must be a whole number, 0 or more; got -1\./],
    ['a fractional retry count', { retry: { maxRetries: 1.5 } }, /Option retry\.maxRetries .* got 1\.5\./],
    ['an infinite retry count', { retry: { maxRetries: Number.POSITIVE_INFINITY } }, /Option retry\.maxRetries .* got Infinity\./],
    ['jitter above 1', { retry: { jitter: 5 } }, /Option retry\.jitter must be a number from 0 to 1; got 5\./],
    ['a NaN backoff', { retry: { baseDelayMs: Number.NaN } }, /Option retry\.baseDelayMs .* got NaN\./],
    ['a status that is not one', { retry: { retryStatuses: [503, 1000] } }, /Option retry\.retryStatuses must be an array of HTTP statuses/],
    ['an unknown log level', { logLevel: 'verbose' as never }, /Option logLevel must be one of 'off', 'error', 'warn', 'info', 'debug'; got "verbose"\./],
    ['a logger without debug', { logger: { error() {}, warn() {}, info() {} } as never }, /Option logger\.debug must be a function; got undefined\./],
    ['a fetch that is not a function', { fetch: 'https://example.test' as never }, /Option fetch must be a function/],
    ['a hook that is not a function', { hooks: { onRetry: true as never } }, /Option hooks\.onRetry must be a function; got true\./],
    ['a clock missing its timers', { clock: { now: () => 0 } as never }, /Option clock\.setTimeout must be a function/],
    ['rate limiting given as true', { rateLimit: true as never }, /Option rateLimit must be an object; got true\./],
    ['a negative rate-limit wait cap', { rateLimit: { maxWaitMs: -1 } }, /Option rateLimit\.maxWaitMs .* got -1\./],
    ['zero requests in flight', { rateLimit: { maxConcurrent: 0 } }, /Option rateLimit\.maxConcurrent must be a whole number above 0/],
    ['a rule with no window', { rateLimit: { rule: { limit: 120 } as never } }, /Option rateLimit\.rule\.windowMs .* got undefined\./],
    ['a route rule with a zero limit', { rateLimit: { routes: [{ match: /logs/, rule: { limit: 0, windowMs: 60_000 } }] } }, /Option rateLimit\.routes\[0\]\.rule\.limit must be a whole number above 0; got 0\./],
    ['a route without a match', { rateLimit: { routes: [{ rule: { limit: 1, windowMs: 1_000 } }] as never } }, /Option rateLimit\.routes\[0\]\.match must be a RegExp or a function/],
    ['an unknown reset kind', { rateLimit: { resetKind: 'ms' as never } }, /Option rateLimit\.resetKind must be 'seconds' or 'epoch-seconds'; got "ms"\./],
  ];
  it.each(bad)('%s is a ValidationError naming the option, when the client is made', (_, options, message) => {
    const { fetch } = { fetch: vi.fn() };
    expect(() => createTransport({ provider: { name: 'test' }, auth: { token: TOKEN }, fetch, ...options })).toThrow(ValidationError);
    expect(() => createTransport({ provider: { name: 'test' }, auth: { token: TOKEN }, fetch, ...options })).toThrow(message);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('names a default header whose value is not a string without quoting the value, which may be a credential', () => {
    const error = (() => {
      try {
        createTransport({ provider: { name: 'test' }, auth: { token: TOKEN }, headers: { 'x-api-key': 918273645 as never } });
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.message).toBe('Option headers["x-api-key"] must be a string; got a number.');
    expect(error!.message).not.toContain('918273645');
  });

  it('accepts the values at the edges: no retries, no jitter, no timeout, no cap on a server wait', async () => {
    const { t, fetch } = transport({ timeoutMs: Number.POSITIVE_INFINITY, deadlineMs: 5_000, retry: { maxRetries: 0, jitter: 0, baseDelayMs: 0, maxRetryAfterMs: Number.POSITIVE_INFINITY }, rateLimit: { maxConcurrent: Number.POSITIVE_INFINITY, rule: { limit: 1, windowMs: 1 } }, logLevel: 'off' });
    const response = await t.fetch('https://api.example.test/v1/things');
    expect(await response.json()).toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('checks a RateLimiter made on its own the same way', () => {
    expect(() => new RateLimiter({ rule: { limit: -5, windowMs: 1_000 } })).toThrow('Option rateLimit.rule.limit must be a whole number above 0; got -5.');
  });
});

describe('names other SDKs use', () => {
  it.each([
    ['timeout', 'timeoutMs'],
    ['maxRetries', 'retry.maxRetries'],
    ['retries', 'retry.maxRetries'],
    ['deadline', 'deadlineMs'],
  ])('%s on a client is refused with the name to use (%s) instead of being ignored', (name, instead) => {
    expect(() => createTransport({ provider: { name: 'test' }, auth: { token: TOKEN }, [name]: 5_000 } as never)).toThrow(`Unknown option ${name}: did you mean ${instead}?`);
  });

  it('timeout on a call is refused the same way, before anything is sent', async () => {
    const { t, fetch } = transport();
    const error = await errorOf(() => t.fetch('https://api.example.test/v1/things', undefined, { timeout: 5_000 } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('Unknown option timeout: did you mean timeoutMs?');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('interval on a waiter is refused with intervalMs', async () => {
    const check = vi.fn(async () => 1);
    const error = await errorOf(() => waitFor({ check, until: () => true, interval: 10 } as never));
    expect(error.message).toBe('Unknown option interval: did you mean intervalMs?');
    expect(check).not.toHaveBeenCalled();
  });
});

describe('request options', () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a timeout given as a string', { timeoutMs: '5s' }, /^Option timeoutMs must be a number of milliseconds above 0 \(Infinity for none\); got "5s"\.$/],
    ['a negative deadline', { deadlineMs: -100 }, /Option deadlineMs .* got -100\./],
    ['a retry override out of range', { retry: { maxRetries: -2 } }, /Option retry\.maxRetries .* got -2\./],
    ['an empty idempotency key', { idempotencyKey: '  ' }, /Option idempotencyKey must be a non-empty string; got "  "\./],
    ['idempotent given as a string', { idempotent: 'yes' }, /Option idempotent must be true or false; got "yes"\./],
    ['a signal that is not one', { signal: { aborted: 'no' } }, /Option signal must be an AbortSignal; got an object\./],
    ['a header value that is not a string', { headers: { 'x-trace': 42 } }, /^Option headers\["x-trace"\] must be a string; got a number\.$/],
  ];
  it.each(bad)('%s rejects the call with a ValidationError and sends nothing', async (_, options, message) => {
    const { t, fetch } = transport();
    const error = await errorOf(() => t.fetch('https://api.example.test/v1/things', { method: 'POST', body: '{}' }, options as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(fetch).not.toHaveBeenCalled();
    expect(t.stats.requests).toBe(0);
  });

  it('accepts null for the signal and Infinity for the timeout', async () => {
    const { t, fetch } = transport();
    await t.fetch('https://api.example.test/v1/things', undefined, { signal: null, timeoutMs: Number.POSITIVE_INFINITY, retry: { maxRetries: 0 } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('waitFor options', () => {
  const base = { check: async () => ({ done: false }), until: (value: { done: boolean }) => value.done };
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a poll interval of 0 (a busy loop)', { intervalMs: 0 }, /Option intervalMs must be a finite number of milliseconds above 0; got 0\./],
    ['a negative poll interval', { intervalMs: -1_000 }, /Option intervalMs .* got -1000\./],
    ['a shrinking backoff', { backoff: 0.5 }, /Option backoff must be a finite number, 1 or more; got 0\.5\./],
    ['a NaN timeout (which would never end)', { timeoutMs: Number.NaN }, /Option timeoutMs .* got NaN\./],
    ['a missing check', { check: undefined }, /Option check must be a function; got undefined\./],
  ];
  it.each(bad)('%s rejects before the first check', async (_, options, message) => {
    const check = vi.fn(base.check);
    const error = await errorOf(() => waitFor({ ...base, check, ...options } as never));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(message);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('paginator options', () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a negative maxItems', { maxItems: -1 }, /Option maxItems must be a whole number, 0 or more \(Infinity for no bound\); got -1\./],
    ['maxPages as a string', { maxPages: '3' }, /Option maxPages .* got "3"\./],
    ['a page size of 0', { limit: 0 }, /Option limit must be a whole number above 0; got 0\./],
  ];
  it.each(bad)('%s throws when the paginator is made, before any page is fetched', (_, options, message) => {
    const fetchPage = vi.fn(async () => ({ items: [] as number[] }));
    expect(() => paginateOffset(fetchPage, { limit: 10, ...options } as never)).toThrow(message);
    expect(fetchPage).not.toHaveBeenCalled();
  });

  it('accepts maxItems 0 and Infinity', async () => {
    const fetchPage = vi.fn(async () => ({ items: [1, 2], next: null }));
    expect(await paginateToken(fetchPage, { maxItems: 0 }).toArray()).toEqual([]);
    expect(await paginateToken(fetchPage, { maxItems: Number.POSITIVE_INFINITY }).toArray()).toEqual([1, 2]);
  });
});
