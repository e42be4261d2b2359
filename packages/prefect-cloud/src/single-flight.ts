import { AbortError, untilAborted } from '@x/core';

/**
 * One run of an async job at a time: callers arriving while it runs share its result. A caller's signal only
 * stops that caller's wait, never the shared job (other callers still need it).
 */
export class SingleFlight<T> {
  #current: Promise<T> | undefined;

  /** Whether a job is running now. */
  get busy(): boolean {
    return this.#current !== undefined;
  }

  /** Joins the running job, or starts `job` when none runs. */
  run(job: () => Promise<T>, signal?: AbortSignal | null): Promise<T> {
    if (!this.#current) {
      const started = job().finally(() => {
        if (this.#current === started) this.#current = undefined;
      });
      this.#current = started;
    }
    return abortable(this.#current, signal);
  }
}

/** Settles like `promise`, or rejects with an AbortError as soon as `signal` aborts (the listener is removed). */
export function abortable<T>(promise: Promise<T>, signal?: AbortSignal | null): Promise<T> {
  return untilAborted(promise, signal).catch((error: unknown) => {
    throw signal?.aborted && error === signal.reason ? new AbortError({ provider: 'prefect', cause: signal.reason }) : error;
  });
}
