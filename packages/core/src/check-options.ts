import { ValidationError } from './errors';

/**
 * Options are checked where they come in (a client, a call, a waiter, a paginator): a value of the wrong type or
 * out of range is a ValidationError naming the option, thrown before anything is sent. Without it a timeout read
 * from an environment variable as "30000" would silently mean no timeout, and a poll interval of 0 a busy loop.
 */

/** What a valid value is, and how the message says it. */
type Rule = readonly [test: (value: any) => boolean, expected: string];
type Spec = Record<string, Rule>;

const positiveMs: Rule = [(v) => typeof v === 'number' && v > 0, 'a number of milliseconds above 0 (Infinity for none)'];
const delayMs: Rule = [(v) => typeof v === 'number' && v >= 0 && v < Infinity, 'a finite number of milliseconds, 0 or more'];
const capMs: Rule = [(v) => typeof v === 'number' && v >= 0, 'a number of milliseconds, 0 or more (Infinity for no cap)'];
const intervalMs: Rule = [(v) => typeof v === 'number' && v > 0 && v < Infinity, 'a finite number of milliseconds above 0'];
const count: Rule = [(v) => Number.isInteger(v) && v >= 0, 'a whole number, 0 or more'];
const bound: Rule = [(v) => v === Infinity || (Number.isInteger(v) && v >= 0), 'a whole number, 0 or more (Infinity for no bound)'];
const positiveCount: Rule = [(v) => v === Infinity || (Number.isInteger(v) && v > 0), 'a whole number above 0 (Infinity for no cap)'];
const limit: Rule = [(v) => Number.isInteger(v) && v > 0, 'a whole number above 0'];
const growth: Rule = [(v) => typeof v === 'number' && v >= 1 && v < Infinity, 'a finite number, 1 or more'];
const fraction: Rule = [(v) => typeof v === 'number' && v >= 0 && v <= 1, 'a number from 0 to 1'];
const flag: Rule = [(v) => typeof v === 'boolean', 'true or false'];
const text: Rule = [(v) => typeof v === 'string', 'a string'];
const key: Rule = [(v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string'];
const fn: Rule = [(v) => typeof v === 'function', 'a function'];
const object: Rule = [(v) => typeof v === 'object' && v !== null, 'an object'];
const signal: Rule = [(v) => v === null || (typeof v === 'object' && typeof v.aborted === 'boolean' && typeof v.addEventListener === 'function'), 'an AbortSignal'];
const statuses: Rule = [(v) => Array.isArray(v) && v.every((s) => Number.isInteger(s) && s >= 100 && s <= 599), 'an array of HTTP statuses (100 to 599)'];
const level: Rule = [(v) => ['off', 'error', 'warn', 'info', 'debug'].includes(v), "one of 'off', 'error', 'warn', 'info', 'debug'"];
const resetKind: Rule = [(v) => v === 'seconds' || v === 'epoch-seconds', "'seconds' or 'epoch-seconds'"];
const match: Rule = [(v) => v instanceof RegExp || typeof v === 'function', 'a RegExp or a function'];

const RETRY: Spec = { maxRetries: count, retryStatuses: statuses, baseDelayMs: delayMs, maxDelayMs: delayMs, jitter: fraction, maxRetryAfterMs: capMs, retryNetworkErrors: flag, rateLimitDelayMs: delayMs };
const RULE: Spec = { limit, windowMs: intervalMs };

// Names other SDKs use for the same settings (Stainless clients take `timeout` and `maxRetries`): passed here they
// would be silently ignored, so they are refused with the name to use.
const MISNAMED: Record<string, string> = { timeout: 'timeoutMs', deadline: 'deadlineMs', maxRetries: 'retry.maxRetries', retries: 'retry.maxRetries', interval: 'intervalMs' };

function checkNames(options: object): void {
  for (const name in MISNAMED) {
    if ((options as Record<string, unknown>)[name] !== undefined) throw new ValidationError(`Unknown option ${name}: did you mean ${MISNAMED[name]}?`);
  }
}

/** Checks the options present in `options` against `spec`; `where` prefixes the option's name in the message. */
function check(where: string, options: unknown, spec: Spec, required = false): void {
  if (options === undefined && !required) return;
  if (typeof options !== 'object' || options === null) fail(where.replace(/\.$/, ''), object, options);
  for (const name in spec) {
    const value = (options as Record<string, unknown>)[name];
    if ((value !== undefined || required) && !spec[name]![0](value)) fail(where + name, spec[name]!, value);
  }
}

function fail(name: string, rule: Rule, value: unknown): never {
  throw new ValidationError(`${name ? `Option ${name}` : 'The options'} must be ${rule[1]}; got ${describe(value)}.`);
}

/** The value for the message: numbers and flags as they are, strings only when short (a string is never a secret here: header values are described by type alone). */
function describe(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  if (typeof value === 'string') return value.length <= 24 ? JSON.stringify(value) : 'a string';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Header values may hold credentials: a bad one is named, never quoted. */
function checkHeaders(where: string, headers: unknown): void {
  if (headers === undefined) return;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) fail(where, [() => false, 'an object of header names to strings'], headers);
  for (const name in headers) {
    const value = (headers as Record<string, unknown>)[name];
    if (typeof value !== 'string') throw new ValidationError(`Option ${where}[${JSON.stringify(name)}] must be a string; got ${value === null ? 'null' : `a ${typeof value}`}.`);
  }
}

/** A client's options (every provider client passes its options through here). */
export function checkClientOptions(options: {
  headers?: unknown;
  fetch?: unknown;
  retry?: unknown;
  timeoutMs?: unknown;
  deadlineMs?: unknown;
  rateLimit?: unknown;
  logLevel?: unknown;
  logger?: unknown;
  hooks?: unknown;
  clock?: unknown;
  random?: unknown;
}): void {
  check('', options, { timeoutMs: positiveMs, deadlineMs: positiveMs, fetch: fn, random: fn, logLevel: level });
  checkNames(options);
  if (typeof options.headers !== 'function') checkHeaders('headers', options.headers);
  check('retry.', options.retry, RETRY);
  // Its fields are checked where the limiter is made (RateLimiter is public too).
  if (options.rateLimit !== undefined && options.rateLimit !== false) check('rateLimit.', options.rateLimit, {});
  check('hooks.', options.hooks, { onRequest: fn, onResponse: fn, onRetry: fn, onGiveUp: fn });
  if (options.logger !== undefined) check('logger.', options.logger, { error: fn, warn: fn, info: fn, debug: fn }, true);
  if (options.clock !== undefined) check('clock.', options.clock, { now: fn, setTimeout: fn, clearTimeout: fn }, true);
}

/** The options of one call. */
export function checkRequestOptions(options: object): void {
  check('', options, { operation: text, idempotent: flag, idempotencyKey: key, timeoutMs: positiveMs, deadlineMs: positiveMs, signal });
  checkNames(options);
  const { retry, headers } = options as { retry?: unknown; headers?: unknown };
  check('retry.', retry, RETRY);
  checkHeaders('headers', headers);
}

/** Client-side rate limiting. */
export function checkRateLimitOptions(options: unknown): void {
  if (options === undefined) return;
  check('rateLimit.', options, { enabled: flag, key: fn, maxConcurrent: positiveCount, learn: flag, resetKind, maxWaitMs: capMs });
  const { rule, routes } = options as { rule?: unknown; routes?: unknown };
  if (rule !== undefined) check('rateLimit.rule.', rule, RULE, true);
  if (routes === undefined) return;
  if (!Array.isArray(routes)) fail('rateLimit.routes', [() => false, 'an array'], routes);
  routes.forEach((route: unknown, i) => {
    check(`rateLimit.routes[${i}].`, route, { match, rule: object }, true);
    check(`rateLimit.routes[${i}].rule.`, (route as { rule: unknown }).rule, RULE, true);
    check(`rateLimit.routes[${i}].burst.`, (route as { burst?: unknown }).burst, RULE);
  });
}

/** A waiter's pacing. */
export function checkWaitOptions(options: object): void {
  check('', options, { check: fn, until: fn }, true);
  check('', options, { failed: fn, intervalMs, backoff: growth, maxIntervalMs: intervalMs, timeoutMs: positiveMs, signal, onProgress: fn });
  checkNames(options);
}

/** A paginator's bounds (and page size, for offset pages). */
export function checkPaginateOptions(options: object): void {
  check('', options, { maxItems: bound, maxPages: bound, prefetch: flag, signal, limit });
}
