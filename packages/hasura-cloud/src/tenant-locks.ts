import { AbortError } from '@x/core';

/**
 * Serializes work per tenant inside one client, so concurrent env-var writes from one process queue up instead of
 * racing each other's hash (across processes, compare-and-set on the hash keeps them correct).
 */
export class TenantLocks {
  #tails = new Map<string, Promise<void>>();

  /** Runs `work` once every earlier holder of `key` is done; leaves the queue at once when `signal` aborts. */
  async run<T>(key: string, work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    // The next holder waits for both: an aborted waiter must not let it overtake the holder before it.
    const tail = previous.then(() => mine);
    this.#tails.set(key, tail);
    try {
      await waitOrAbort(previous, signal);
      return await work();
    } finally {
      release();
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** Keys with work running or queued. */
  get size(): number {
    return this.#tails.size;
  }
}

function waitOrAbort(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new AbortError({ cause: signal.reason, provider: 'hasura' }));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AbortError({ cause: signal.reason, provider: 'hasura' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
