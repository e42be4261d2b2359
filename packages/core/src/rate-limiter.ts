import { realClock, type Clock } from './clock';
import { resetInMs, type RateLimitResetKind } from './retry-after';
import { Semaphore } from './semaphore';
import { checkRateLimitOptions } from './check-options';
import { untilAborted } from './abort';
import { RateLimitError } from './errors';
import { abortErrorFrom, sleep } from './sleep';

/** At most `limit` requests per `windowMs`. */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/** A stricter rule for the requests `match` selects (tested on `METHOD /path`). */
export interface RateLimitRoute {
  match: RegExp | ((method: string, path: string) => boolean);
  rule: RateLimitRule;
  /** A second, shorter window enforced at the same time (a burst limit). */
  burst?: RateLimitRule;
}

/** Client-side rate limiting: slows down before the server answers 429. */
export interface RateLimitOptions {
  /** Default true. */
  enabled?: boolean;
  /** The default window per key. Undefined: only what the server's headers teach, plus the concurrency cap. */
  rule?: RateLimitRule;
  /** Stricter windows for particular endpoints. */
  routes?: RateLimitRoute[];
  /** Which bucket a request counts against (provider scope and endpoint). Default: method and path. */
  key?: (method: string, url: URL) => string;
  /** Requests in flight at once across the whole client. Default 10. */
  maxConcurrent?: number;
  /**
   * Learn limits from `X-RateLimit-Limit/Remaining/Reset`. Default true. A bucket with no rule sends one request
   * first and the rest once its answer has told the limit, so a burst cannot overrun a window it knows nothing of.
   */
  learn?: boolean;
  /** How `X-RateLimit-Reset` counts. Default `seconds` (seconds remaining). */
  resetKind?: RateLimitResetKind;
  /**
   * The longest a call waits for its window; a longer wait fails at once with a RateLimitError carrying
   * `retryAfterMs` instead of stalling silently (a server asking for an hour, a junk reset). Default: the retry
   * policy's `maxRetryAfterMs` (60 s).
   */
  maxWaitMs?: number;
}

interface Window {
  limit: number;
  windowMs: number;
  remaining: number;
  resetAt: number;
  inFlight: number;
  /** Whether an answer on this bucket was observed (or a static rule set its limit). */
  learned: boolean;
  /** The one request sent to learn an unknown limit; the others wait for its answer. */
  probe: { done: Promise<void>; finish: () => void } | undefined;
  /** Whether a server answer has stated the reset of the current window. */
  resetKnown: boolean;
  /** The lowest remaining count the server stated in the current window. */
  lowest: number;
  /** Requests in `acquire` that count against this bucket and have not been sent yet. */
  pending: number;
}

/** A request's hold on the limiter: the buckets it counts against, and the call that gives its slot back. */
export interface RateLimitLease {
  keys: string[];
  release: () => void;
}

// Distinct request URLs whose buckets are remembered; a client touching more simply works some of them out again.
const KEY_MEMO_SIZE = 1_000;
// Buckets kept before the idle ones are let go. A bucket per endpoint and project (Supabase's) would otherwise pile
// up in a service that touches thousands of projects over its life.
const IDLE_SWEEP_AT = 1_000;

/** The limiter's view of one bucket, for diagnostics. */
export interface RateLimitState {
  key: string;
  limit: number;
  remaining: number;
  resetInMs: number;
}

/** A keyed window limiter plus a concurrency cap, shared by every call of one client. */
export class RateLimiter {
  readonly #options: RateLimitOptions;
  readonly #clock: Clock;
  readonly #windows = new Map<string, Window>();
  readonly #slots: Semaphore;
  readonly #keyMemo = new Map<string, string[]>();
  #sweepAt = IDLE_SWEEP_AT;
  /** Total time callers spent waiting in the limiter, in ms. */
  waitedMs = 0;

  constructor(options: RateLimitOptions = {}, clock: Clock = realClock) {
    checkRateLimitOptions(options);
    this.#options = options;
    this.#clock = clock;
    this.#slots = new Semaphore(options.maxConcurrent ?? 10);
  }

  /**
   * Takes a concurrency slot and a token in every window at once when all are free now (the usual case), without
   * waiting; undefined when the request has to wait (call `acquire`).
   */
  tryAcquire(method: string, url: URL | string): RateLimitLease | undefined {
    const keys = this.#keysFor(method, url);
    const windows = keys.map((key) => this.#windows.get(key)!);
    const now = this.#clock.now();
    for (const window of windows) {
      if (window.probe || !window.learned || (window.remaining <= 0 && now < window.resetAt)) return undefined;
    }
    const release = this.#slots.tryAcquire();
    if (!release) return undefined;
    for (const window of windows) {
      if (now >= window.resetAt) this.#roll(window, now);
      window.remaining -= 1;
      window.inFlight += 1;
    }
    return this.#lease(keys, windows, [], release);
  }

  /** Waits for a concurrency slot and a token in every window the request counts against. */
  async acquire(method: string, url: URL | string, signal?: AbortSignal | null): Promise<RateLimitLease> {
    const started = this.#clock.now();
    const release = await this.#slots.acquire(signal);
    try {
      const keys = this.#keysFor(method, url);
      // Held by reference from here on: a bucket let go while idle is never one this request counts against.
      const windows = keys.map((key) => this.#windows.get(key)!);
      const probes: Array<NonNullable<Window['probe']>> = [];
      for (const window of windows) window.pending += 1;
      try {
        for (const [index, window] of windows.entries()) {
          const probe = await this.#take(keys[index]!, window, signal);
          if (probe) probes.push(probe);
        }
      } finally {
        for (const window of windows) window.pending -= 1;
      }
      for (const window of windows) window.inFlight += 1;
      this.waitedMs += this.#clock.now() - started;
      return this.#lease(keys, windows, probes, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  #lease(keys: string[], windows: Window[], probes: Array<NonNullable<Window['probe']>>, release: () => void): RateLimitLease {
    let done = false;
    return {
      keys,
      release: () => {
        if (done) return;
        done = true;
        for (const window of windows) {
          window.inFlight -= 1;
          // A probe that got no answer (a network failure) hands the job to the next request in line.
          if (window.probe && probes.includes(window.probe)) {
            window.probe.finish();
            window.probe = undefined;
          }
        }
        release();
      },
    };
  }

  #roll(window: Window, now: number): void {
    window.remaining = window.limit;
    window.resetAt = now + window.windowMs;
    window.resetKnown = false;
    window.lowest = Number.POSITIVE_INFINITY;
  }

  /** Learns from a response's headers; a 429 closes the window until the server's hint passes. */
  observe(keys: string[], status: number, headers: Headers, retryAfterMs?: number): void {
    if (this.#options.enabled === false) return;
    const now = this.#clock.now();
    const key = keys[0];
    if (key === undefined) return;
    const window = this.#windows.get(key);
    if (!window) return;
    window.learned = true;
    window.probe?.finish();
    window.probe = undefined;
    if (this.#options.learn !== false) {
      const limit = Number(headers.get('x-ratelimit-limit'));
      const remaining = Number(headers.get('x-ratelimit-remaining') ?? Number.NaN);
      const reset = resetInMs(headers.get('x-ratelimit-reset'), this.#options.resetKind ?? 'seconds', now);
      // A stated limit other than the one assumed (a published default, or none yet) replaces it along with the
      // server's count: a generous quota must not stay capped at the default until the window ends.
      const changed = Number.isFinite(limit) && limit > 0 && limit !== window.limit;
      if (Number.isFinite(limit) && limit > 0) window.limit = limit;
      // Within one server window the remaining count only falls (answers in flight may arrive out of order):
      // a count higher than that allows means the server's window rolled over before ours.
      const rolled = Number.isFinite(remaining) && remaining > window.lowest + window.inFlight;
      if (reset !== undefined) {
        // A reset in whole seconds is rounded up, so the earliest one stated in a window is the closest to the truth;
        // taking the latest would push every window back by the time its last answer took.
        window.resetAt = window.resetKnown && !rolled ? Math.min(window.resetAt, now + reset) : now + reset;
        window.resetKnown = true;
      }
      if (Number.isFinite(remaining)) {
        // The server counted this request but not the ones still in flight beside it.
        const estimate = Math.max(0, remaining - (window.inFlight - 1));
        window.remaining = changed || rolled ? estimate : Math.min(window.remaining, estimate);
        window.lowest = rolled ? remaining : Math.min(window.lowest, remaining);
      }
    }
    if (status === 429) {
      window.remaining = 0;
      window.resetAt = Math.max(window.resetAt, now + (retryAfterMs ?? window.windowMs));
    }
  }

  /** The state of every bucket seen so far. */
  snapshot(): RateLimitState[] {
    const now = this.#clock.now();
    return [...this.#windows].map(([key, w]) => ({ key, limit: w.limit, remaining: w.remaining, resetInMs: Math.max(0, w.resetAt - now) }));
  }

  /** The buckets of a request, worked out once per method and URL (bounded). */
  #keysFor(method: string, url: URL | string): string[] {
    const memoKey = `${method} ${typeof url === 'string' ? url : url.href}`;
    const known = this.#keyMemo.get(memoKey);
    if (known) return known;
    if (this.#windows.size >= this.#sweepAt) this.#sweepIdle();
    const keys = this.#computeKeys(method, typeof url === 'string' ? new URL(url) : url);
    if (this.#keyMemo.size >= KEY_MEMO_SIZE) this.#keyMemo.delete(this.#keyMemo.keys().next().value!);
    this.#keyMemo.set(memoKey, keys);
    return keys;
  }

  #computeKeys(method: string, url: URL): string[] {
    const base = this.#options.key ? this.#options.key(method, url) : `${method.toUpperCase()} ${url.pathname}`;
    const keys = [base];
    const target = `${method.toUpperCase()} ${url.pathname}`;
    for (const [index, route] of (this.#options.routes ?? []).entries()) {
      const hit = typeof route.match === 'function' ? route.match(method.toUpperCase(), url.pathname) : route.match.test(target);
      if (!hit) continue;
      this.#ensure(`${base}#route${index}`, route.rule);
      keys[0] = `${base}#route${index}`;
      if (route.burst) {
        this.#ensure(`${base}#burst${index}`, route.burst);
        keys.push(`${base}#burst${index}`);
      }
      break;
    }
    if (keys[0] === base) this.#ensure(base, this.#options.rule);
    return keys;
  }

  #ensure(key: string, rule: RateLimitRule | undefined): void {
    if (this.#windows.has(key)) return;
    const limit = this.#options.enabled === false || !rule ? Number.POSITIVE_INFINITY : rule.limit;
    const windowMs = rule?.windowMs ?? 1_000;
    // With no rule the limit is unknown until the server's headers tell it; learning is moot when disabled.
    const learned = limit !== Number.POSITIVE_INFINITY || this.#options.enabled === false || this.#options.learn === false;
    this.#windows.set(key, { limit, windowMs, remaining: limit, resetAt: this.#clock.now() + windowMs, inFlight: 0, learned, probe: undefined, resetKnown: false, lowest: Number.POSITIVE_INFINITY, pending: 0 });
  }

  /**
   * Lets go of the buckets with nothing to remember: their window has ended, and no request holds or waits on them.
   * One made again later starts from the rule (or learns the limit again), as a bucket never seen does.
   */
  #sweepIdle(): void {
    const now = this.#clock.now();
    for (const [key, window] of this.#windows) {
      if (window.inFlight === 0 && window.pending === 0 && !window.probe && now >= window.resetAt) this.#windows.delete(key);
    }
    // Remembered keys may name buckets let go: they are worked out (and their buckets made) again when next asked.
    this.#keyMemo.clear();
    this.#sweepAt = Math.max(IDLE_SWEEP_AT, this.#windows.size * 2);
  }

  /** Takes a token from a bucket; resolves to the probe this request became, if it is the one learning the limit. */
  async #take(key: string, window: Window, signal?: AbortSignal | null): Promise<Window['probe']> {
    for (;;) {
      if (window.probe) {
        // Sending a burst before the first answer would spend the server's window blindly: wait for it.
        await untilAborted(window.probe.done, signal).catch((error: unknown) => {
          throw signal?.aborted ? abortErrorFrom(signal) : error;
        });
        continue;
      }
      const now = this.#clock.now();
      if (now >= window.resetAt) this.#roll(window, now);
      if (!window.learned) {
        let finish!: () => void;
        const done = new Promise<void>((resolve) => (finish = resolve));
        window.probe = { done, finish };
        return window.probe;
      }
      if (window.remaining > 0) {
        window.remaining -= 1;
        return undefined;
      }
      const waitMs = window.resetAt - now;
      const cap = this.#options.maxWaitMs ?? Number.POSITIVE_INFINITY;
      if (waitMs > cap) {
        throw new RateLimitError(
          `The rate limit for ${key} is spent for another ${Math.ceil(waitMs / 1000)} s, beyond the ${Math.round(cap / 1000)} s this client waits: retry after retryAfterMs, or raise retry.maxRetryAfterMs. Nothing was sent.`,
          { status: 429, retryAfterMs: waitMs },
        );
      }
      await sleep(waitMs, signal, this.#clock);
    }
  }
}
