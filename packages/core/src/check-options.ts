import { ValidationError } from './errors';

/**
 * Options are checked where they come in (a client, a call, a waiter, a paginator, a limiter): a value of the wrong
 * type or out of range is a ValidationError naming the option, thrown before anything is sent. Without it a timeout
 * read from an environment variable as "30000" would silently mean no timeout, and a poll interval of 0 a busy loop.
 *
 * One table serves every place, because an option's name means the same thing wherever it appears (`timeoutMs`,
 * `signal`, `limit`...). A name the table does not know (a provider's own option) is left to its owner.
 */

/** What a valid value is and how the message says it; or a function checking a nested object. */
type Rule = readonly [test: (value: any) => boolean, expected: string] | ((value: unknown, name: string) => void);

const isNumber = (v: unknown): v is number => typeof v === 'number';
const positiveMs: Rule = [(v) => isNumber(v) && v > 0, 'a number of milliseconds above 0 (Infinity for none)'];
const delayMs: Rule = [(v) => isNumber(v) && v >= 0 && v < Infinity, 'a finite number of milliseconds, 0 or more'];
const capMs: Rule = [(v) => isNumber(v) && v >= 0, 'a number of milliseconds, 0 or more (Infinity for no cap)'];
const intervalMs: Rule = [(v) => isNumber(v) && v > 0 && v < Infinity, 'a finite number of milliseconds above 0'];
const count: Rule = [(v) => Number.isInteger(v) && v >= 0, 'a whole number, 0 or more'];
const bound: Rule = [(v) => v === Infinity || (Number.isInteger(v) && v >= 0), 'a whole number, 0 or more (Infinity for no bound)'];
const limit: Rule = [(v) => Number.isInteger(v) && v > 0, 'a whole number above 0'];
const flag: Rule = [(v) => typeof v === 'boolean', 'true or false'];
const fn: Rule = [(v) => typeof v === 'function', 'a function'];

/** A nested object whose fields are checked by the same table, some of them required. */
const nested =
  (...required: string[]): Rule =>
  (value, name) =>
    check(value, name, required);

const RULES: Record<string, Rule> = {
  timeoutMs: positiveMs,
  deadlineMs: positiveMs,
  intervalMs,
  maxIntervalMs: intervalMs,
  windowMs: intervalMs,
  backoff: [(v) => isNumber(v) && v >= 1 && v < Infinity, 'a finite number, 1 or more'],
  maxRetries: count,
  baseDelayMs: delayMs,
  maxDelayMs: delayMs,
  rateLimitDelayMs: delayMs,
  maxRetryAfterMs: capMs,
  maxWaitMs: capMs,
  jitter: [(v) => isNumber(v) && v >= 0 && v <= 1, 'a number from 0 to 1'],
  retryStatuses: [(v) => Array.isArray(v) && v.every((s) => Number.isInteger(s) && s >= 100 && s <= 599), 'an array of HTTP statuses (100 to 599)'],
  maxConcurrent: [(v) => v === Infinity || (Number.isInteger(v) && v > 0), 'a whole number above 0 (Infinity for no cap)'],
  limit,
  maxItems: bound,
  maxPages: bound,
  retryNetworkErrors: flag,
  enabled: flag,
  learn: flag,
  prefetch: flag,
  idempotent: flag,
  operation: [(v) => typeof v === 'string', 'a string'],
  idempotencyKey: [(v) => typeof v === 'string' && v.trim() !== '', 'a non-empty string'],
  logLevel: [(v) => ['off', 'error', 'warn', 'info', 'debug'].includes(v), "one of 'off', 'error', 'warn', 'info', 'debug'"],
  resetKind: [(v) => v === 'seconds' || v === 'epoch-seconds', "'seconds' or 'epoch-seconds'"],
  signal: [(v) => v === null || (typeof v === 'object' && typeof v.aborted === 'boolean' && typeof v.addEventListener === 'function'), 'an AbortSignal'],
  match: [(v) => v instanceof RegExp || typeof v === 'function', 'a RegExp or a function'],
  ...Object.fromEntries(
    ['fetch', 'random', 'key', 'check', 'until', 'failed', 'onProgress', 'onRequest', 'onResponse', 'onRetry', 'onGiveUp', 'now', 'setTimeout', 'clearTimeout', 'error', 'warn', 'info', 'debug'].map((name) => [name, fn]),
  ),
  retry: nested(),
  hooks: nested(),
  rateLimit: (value, name) => value === false || check(value, name),
  rule: nested('limit', 'windowMs'),
  burst: nested('limit', 'windowMs'),
  routes: (value, name) => {
    if (!Array.isArray(value)) fail(name, 'an array', value);
    value.forEach((route, i) => check(route, `${name}[${i}]`, ['match', 'rule']));
  },
  logger: nested('error', 'warn', 'info', 'debug'),
  clock: nested('now', 'setTimeout', 'clearTimeout'),
  // Header values may hold credentials: a bad one is named, never quoted. A client's headers may be a function.
  headers: (value, name) => {
    if (typeof value === 'function' && !name.includes('.')) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(name, 'an object of header names to strings', value);
    for (const header in value) {
      const text = (value as Record<string, unknown>)[header];
      if (typeof text !== 'string') throw new ValidationError(`Option ${name}[${JSON.stringify(header)}] must be a string; got ${text === null ? 'null' : `a ${typeof text}`}.`);
    }
  },
};

// Names other SDKs use for the same settings (Stainless clients take `timeout` and `maxRetries`): passed here they
// would be silently ignored, so they are refused with the name to use.
const MISNAMED: Record<string, string> = { timeout: 'timeoutMs', deadline: 'deadlineMs', maxRetries: 'retry.maxRetries', retries: 'retry.maxRetries', interval: 'intervalMs' };

/** Checks every option of `options` the table knows; `where` is the path of `options` itself ('' at the top). */
function check(options: unknown, where: string, required: string[] = []): void {
  if (typeof options !== 'object' || options === null) fail(where, 'an object', options);
  const values = options as Record<string, unknown>;
  for (const name of required) if (values[name] === undefined) at(name, undefined, where);
  for (const name in values) {
    const value = values[name];
    if (value === undefined) continue;
    if (!where && name in MISNAMED) throw new ValidationError(`Unknown option ${name}: did you mean ${MISNAMED[name]}?`);
    at(name, value, where);
  }
}

function at(name: string, value: unknown, where: string): void {
  const rule = RULES[name];
  const path = where ? `${where}.${name}` : name;
  if (typeof rule === 'function') rule(value, path);
  else if (rule && !rule[0](value)) fail(path, rule[1], value);
}

function fail(name: string, expected: string, value: unknown): never {
  throw new ValidationError(`${name ? `Option ${name}` : 'The options'} must be ${expected}; got ${describe(value)}.`);
}

/** The value for the message: numbers and flags as they are, short strings quoted (header values never get here). */
function describe(value: unknown): string {
  if (typeof value === 'string') return value.length <= 24 ? JSON.stringify(value) : 'a string';
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? 'a function' : String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** A client's options (every provider client passes its options through here). */
export function checkClientOptions(options: object): void {
  check(options, '');
}

/** The options of one call (whose headers, unlike a client's, cannot be a function). */
export function checkRequestOptions(options: object): void {
  check(options, '');
  const { headers } = options as { headers?: unknown };
  if (typeof headers === 'function') fail('headers', 'an object of header names to strings', headers);
}

/** Client-side rate limiting (`RateLimiter` is public, so it checks its own options too). */
export function checkRateLimitOptions(options: unknown): void {
  check(options, 'rateLimit');
}

/** A waiter's options: `check` and `until` are required. */
export function checkWaitOptions(options: object): void {
  check(options, '', ['check', 'until']);
}

/** A paginator's bounds (and page size, for offset pages). */
export function checkPaginateOptions(options: object): void {
  check(options, '');
}
