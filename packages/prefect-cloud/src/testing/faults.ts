import type { Fault } from '@x/core/testing';

/** A fault the simulator plays instead of answering: an HTTP-level fault, or a GraphQL error code in a 200. */
export type PrefectFault = Fault | { kind: 'graphql'; code: string; message?: string; status?: number };

/** Faults queued for upcoming requests, matched by operation name (or root field). */
export class PrefectFaultQueue {
  #queue: Array<{ match: string | RegExp | undefined; fault: PrefectFault }> = [];

  /** Queues `count` copies of a fault for requests whose operation (or a root field) matches; all requests by default. */
  inject(fault: PrefectFault, options: { operation?: string | RegExp; count?: number } = {}): void {
    for (let i = 0; i < (options.count ?? 1); i++) this.#queue.push({ match: options.operation, fault });
  }

  /** Queues Prefect's transient "internal API error" (`extensions.code: API_ERROR`). */
  apiError(options: { operation?: string | RegExp; count?: number } = {}): void {
    this.inject({ kind: 'graphql', code: 'API_ERROR', message: 'Unable to complete operation. An internal API error occurred.' }, options);
  }

  /** Takes the next fault for a request, if one is queued. */
  take(operationName: string | undefined, fields: string[]): PrefectFault | undefined {
    const names = [operationName ?? '', ...fields];
    const index = this.#queue.findIndex(({ match }) => match === undefined || names.some((name) => (typeof match === 'string' ? name === match : match.test(name))));
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
