import type { Clock } from '../clock';

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/**
 * A clock whose time only moves when told to (`advance`) or, in auto mode, jumps to the next timer once the
 * program is idle — so backoff, polling and lifecycle delays of minutes run in milliseconds.
 */
export class VirtualClock implements Clock {
  #now: number;
  #timers: Timer[] = [];
  #nextId = 1;
  #auto: boolean;
  #activity = 0;
  #ticking: ReturnType<typeof setTimeout> | undefined;
  /** Total virtual time that passed, in ms. */
  elapsed = 0;

  #idleTurns: number;

  constructor(options: { start?: number; auto?: boolean; idleTurns?: number } = {}) {
    this.#idleTurns = options.idleTurns ?? 5;
    this.#now = options.start ?? Date.UTC(2026, 0, 1);
    this.#auto = options.auto ?? false;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, due: this.#now + Math.max(0, ms), callback };
    this.#timers.push(timer);
    this.#timers.sort((a, b) => a.due - b.due || a.id - b.id);
    this.#activity += 1;
    if (this.#auto) this.#schedule();
    return timer.id;
  }

  clearTimeout(handle: unknown): void {
    this.#timers = this.#timers.filter((t) => t.id !== handle);
    this.#activity += 1;
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order, letting promises settle between. */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      await settle();
      const next = this.#timers[0];
      if (!next || next.due > target) break;
      this.#fire(next);
    }
    this.elapsed += target - this.#now;
    this.#now = target;
    await settle();
  }

  /** Fires timers one by one until none are left (or `limit` fired). */
  async runAll(limit = 10_000): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await settle();
      const next = this.#timers[0];
      if (!next) return;
      this.#fire(next);
    }
  }

  /** Stops auto mode's background ticking. */
  stop(): void {
    this.#auto = false;
    if (this.#ticking) globalThis.clearTimeout(this.#ticking);
    this.#ticking = undefined;
  }

  #fire(timer: Timer): void {
    this.#timers.shift();
    if (timer.due > this.#now) {
      this.elapsed += timer.due - this.#now;
      this.#now = timer.due;
    }
    timer.callback();
  }

  // Auto mode: jump only after the program has been idle for a few real turns, so requests in flight (in-process
  // mocks answer within a few turns) are not overtaken by their own timeout timers.
  #schedule(): void {
    if (this.#ticking) return;
    let seen = -1;
    let quiet = 0;
    const tick = () => {
      this.#ticking = undefined;
      if (!this.#auto || this.#timers.length === 0) return;
      if (seen === this.#activity) quiet += 1;
      else quiet = 0;
      seen = this.#activity;
      if (quiet >= this.#idleTurns) {
        quiet = 0;
        this.#fire(this.#timers[0]!);
      }
      if (this.#timers.length) this.#ticking = globalThis.setTimeout(tick, 0);
    };
    this.#ticking = globalThis.setTimeout(tick, 0);
  }
}

/** Lets pending promise callbacks and one real macrotask run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));
}
