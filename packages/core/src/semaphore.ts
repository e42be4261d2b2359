import { abortErrorFrom } from './sleep';

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
  signal?: AbortSignal | null;
  onAbort?: () => void;
}

/** A FIFO counting semaphore whose waiters can be aborted. */
export class Semaphore {
  #free: number;
  #queue: Waiter[] = [];

  constructor(readonly size: number) {
    this.#free = size;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Takes a slot if one is free now and nobody is waiting; the function that gives it back, or undefined. */
  tryAcquire(): (() => void) | undefined {
    if (this.#free <= 0 || this.#queue.length > 0) return undefined;
    this.#free -= 1;
    return this.#releaser();
  }

  /** Takes a slot, waiting in line when none is free; resolves to the function that gives it back. */
  async acquire(signal?: AbortSignal | null): Promise<() => void> {
    if (signal?.aborted) throw abortErrorFrom(signal);
    if (this.#free > 0 && this.#queue.length === 0) {
      this.#free -= 1;
      return this.#releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal };
      if (signal) {
        waiter.onAbort = () => {
          this.#queue.splice(this.#queue.indexOf(waiter), 1);
          reject(abortErrorFrom(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.#queue.push(waiter);
    });
    return this.#releaser();
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (!next) {
        this.#free += 1;
        return;
      }
      if (next.onAbort) next.signal?.removeEventListener('abort', next.onAbort);
      next.resolve();
    };
  }
}
