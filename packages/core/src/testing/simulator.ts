import { realClock, type Clock } from '../clock';
import type { Fault } from './faults';

/** One window's verdict, with what a server would put in `X-RateLimit-*`. */
export interface WindowVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (rounded up). */
  resetSeconds: number;
  resetMs: number;
}

/** A server-side fixed-window rate limiter, per key, on a clock (virtual in tests). */
export class FixedWindowLimiter {
  #windows = new Map<string, { start: number; count: number }>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  /** Counts one request against `key`. */
  take(key: string): WindowVerdict {
    const now = this.clock.now();
    let window = this.#windows.get(key);
    if (!window || now >= window.start + this.windowMs) {
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    const resetMs = window.start + this.windowMs - now;
    const allowed = window.count < this.limit;
    if (allowed) window.count += 1;
    return { allowed, limit: this.limit, remaining: Math.max(0, this.limit - window.count), resetSeconds: Math.ceil(resetMs / 1000), resetMs };
  }

  /** Forgets every window. */
  reset(): void {
    this.#windows.clear();
  }
}

/** The `X-RateLimit-*` headers for a verdict, reset counted in seconds remaining. */
export function rateLimitHeaders(verdict: WindowVerdict): Record<string, string> {
  return { 'x-ratelimit-limit': String(verdict.limit), 'x-ratelimit-remaining': String(verdict.remaining), 'x-ratelimit-reset': String(verdict.resetSeconds) };
}

/** Faults queued for upcoming requests that match a pattern (`METHOD /path` tested by a RegExp). */
export class FaultQueue {
  #queue: Array<{ match: RegExp; fault: Fault }> = [];

  /** Queues `count` copies of `fault` for requests matching `match` (all requests by default). */
  inject(fault: Fault, options: { count?: number; match?: RegExp } = {}): void {
    for (let i = 0; i < (options.count ?? 1); i++) this.#queue.push({ match: options.match ?? /.*/, fault });
  }

  /** Takes the next fault for this request, if one is queued. */
  take(request: Request): Fault | undefined {
    const target = `${request.method} ${new URL(request.url).pathname}`;
    const index = this.#queue.findIndex((entry) => entry.match.test(target));
    if (index < 0) return undefined;
    return this.#queue.splice(index, 1)[0]!.fault;
  }

  get size(): number {
    return this.#queue.length;
  }

  clear(): void {
    this.#queue = [];
  }
}

/** Deterministic ids for simulators: `prefix` + counter, or UUID-shaped. */
export class IdSource {
  #n = 0;
  /** A short id such as `proj_0001`. */
  next(prefix: string): string {
    return `${prefix}${(++this.#n).toString().padStart(4, '0')}`;
  }
  /** A UUID-shaped id, unique within this source. */
  uuid(): string {
    const n = (++this.#n).toString(16).padStart(12, '0');
    return `00000000-0000-4000-8000-${n}`;
  }
  /** A lowercase ref of `length` letters, like a Supabase project ref. */
  ref(length = 20): string {
    const n = ++this.#n;
    let out = '';
    let x = n * 2654435761;
    for (let i = 0; i < length; i++) {
      out += String.fromCharCode(97 + (x % 26));
      x = Math.floor(x / 26) + n * (i + 7);
    }
    return out;
  }
}
