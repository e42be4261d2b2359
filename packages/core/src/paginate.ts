import { untilAborted } from './abort';
import { abortErrorFrom } from './sleep';
import { checkPaginateOptions } from './check-options';

/** One page as a strategy returns it: its items and the cursor of the next page (undefined when last). */
export interface Page<TItem, TCursor> {
  items: TItem[];
  /** The cursor that fetches the next page; undefined when this is the last page. */
  next: TCursor | undefined;
  /** The total the server reported, when it reports one. */
  total?: number;
  /** The raw page response, for callers who need more than the items. */
  raw?: unknown;
}

/** How to fetch a page for a cursor. `cursor` is the initial cursor for the first page. */
export type FetchPage<TItem, TCursor> = (cursor: TCursor, signal: AbortSignal | undefined) => Promise<Page<TItem, TCursor>>;

/** Limits and controls of one iteration. */
export interface PaginateOptions<TCursor> {
  /** Start from here (a cursor saved from an earlier run) instead of the first page. */
  startAt?: TCursor;
  /** Stop after this many items (`pages()` stops after the page that holds the last of them). */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Fetch the next page while the current one is consumed. Default true (one page ahead, never more). */
  prefetch?: boolean;
  signal?: AbortSignal;
}

/**
 * An async iterable over every item of a paged list, with `.pages()` for page-wise iteration and `cursor` to
 * resume later. Nothing is fetched until iteration starts.
 */
export class Paginator<TItem, TCursor> implements AsyncIterable<TItem> {
  /** The cursor of the next page not yet handed out; undefined once the list is exhausted. Save it to resume. */
  cursor: TCursor | undefined;
  /** The total the server reported on the last page fetched, if any. */
  total: number | undefined;
  #done = false;

  constructor(
    private readonly fetchPage: FetchPage<TItem, TCursor>,
    initial: TCursor,
    private readonly options: PaginateOptions<TCursor> = {},
  ) {
    checkPaginateOptions(options);
    this.cursor = options.startAt ?? initial;
  }

  /** Every page in order. */
  async *pages(): AsyncGenerator<Page<TItem, TCursor>, void, undefined> {
    const { signal, maxPages = Number.POSITIVE_INFINITY, maxItems = Number.POSITIVE_INFINITY, prefetch = true } = this.options;
    if (this.#done || this.cursor === undefined) return;
    let pending: Promise<Page<TItem, TCursor>> | undefined = this.#fetch(this.cursor, signal);
    let count = 0;
    let items = 0;
    try {
      while (pending) {
        // An abort while the consumer held the last page ends the walk here, even when the next page was already
        // prefetched: nothing is handed out after the caller said stop.
        if (signal?.aborted) throw abortErrorFrom(signal);
        const page = await pending;
        pending = undefined;
        count += 1;
        items += page.items.length;
        this.total = page.total ?? this.total;
        // maxItems counts here too, so no page is fetched (or prefetched) that would never be handed out.
        const more = page.next !== undefined && count < maxPages && items < maxItems && page.items.length > 0;
        // Start the next request before handing this page over, so the consumer's work overlaps the network.
        if (more && prefetch) pending = this.#fetch(page.next as TCursor, signal);
        this.cursor = page.next;
        if (!more) this.#done = page.next === undefined || page.items.length === 0;
        yield page;
        if (more && !pending) pending = this.#fetch(page.next as TCursor, signal);
      }
    } finally {
      // An abandoned prefetch must not surface as an unhandled rejection.
      pending?.catch(() => undefined);
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<TItem, void, undefined> {
    const maxItems = this.options.maxItems ?? Number.POSITIVE_INFINITY;
    let count = 0;
    if (maxItems <= 0) return;
    for await (const page of this.pages()) {
      for (const item of page.items) {
        yield item;
        if (++count >= maxItems) return;
      }
    }
  }

  /** Collects every item (bounded by maxItems) into an array. */
  async toArray(): Promise<TItem[]> {
    const out: TItem[] = [];
    for await (const item of this) out.push(item);
    return out;
  }

  #fetch(cursor: TCursor, signal: AbortSignal | undefined): Promise<Page<TItem, TCursor>> {
    const promise = signal?.aborted
      ? Promise.reject(abortErrorFrom(signal))
      : // Raced against the signal so an abort ends the iteration even when fetchPage does not honour it.
        untilAborted(this.fetchPage(cursor, signal), signal).catch((error: unknown) => {
          throw signal?.aborted && error === signal.reason ? abortErrorFrom(signal) : error;
        });
    // A prefetch can fail while the consumer still holds the previous page (an abort, a network error): it is
    // awaited (and rethrown) when the consumer asks for the next page, and must not count as unhandled meanwhile.
    promise.catch(() => undefined);
    return promise;
  }
}

/** Offset/limit pages: stops on a short page or when the reported total is reached. */
export function paginateOffset<TItem>(
  fetch: (params: { offset: number; limit: number }, signal: AbortSignal | undefined) => Promise<{ items: TItem[]; total?: number; raw?: unknown }>,
  options: PaginateOptions<number> & { limit: number },
): Paginator<TItem, number> {
  return new Paginator<TItem, number>(async (offset, signal) => {
    const page = await fetch({ offset, limit: options.limit }, signal);
    const nextOffset = offset + page.items.length;
    const last = page.items.length < options.limit || (page.total !== undefined && nextOffset >= page.total);
    return { items: page.items, next: last ? undefined : nextOffset, total: page.total, raw: page.raw };
  }, 0, options);
}

/**
 * Token pages (a cursor, a keyset page token, a "starting from" mark): the server hands the next token back and
 * an absent or empty one means the end. `undefined` as the first cursor means "from the start".
 */
export function paginateToken<TItem>(
  fetch: (token: string | undefined, signal: AbortSignal | undefined) => Promise<{ items: TItem[]; next?: string | null; total?: number; raw?: unknown }>,
  options: PaginateOptions<string | null> = {},
): Paginator<TItem, string | null> {
  // null stands for "the first page" so that undefined can mean "no more pages".
  return new Paginator<TItem, string | null>(async (token, signal) => {
    const page = await fetch(token ?? undefined, signal);
    return { items: page.items, next: page.next ? page.next : undefined, total: page.total, raw: page.raw };
  }, null, options);
}
