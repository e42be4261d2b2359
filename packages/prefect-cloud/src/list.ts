import { paginateOffset, ValidationError, type Paginator } from '@x/core';
import { callOptionsOf, type CallOptions } from './context';
import { typedFailure } from './unexpected-answer';

/** Page size when none is given. Prefect lists are Hasura tables paged with limit/offset. */
export const DEFAULT_PAGE_SIZE = 100;

/** Options of every paginated list: page size, bounds, a resume point and per-request options. */
export interface PageOptions extends CallOptions {
  /** Rows per request. Default 100. */
  pageSize?: number;
  /** Stop after this many items. */
  maxItems?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  /** Start at this offset (a Paginator's `cursor` saved earlier). */
  startAt?: number;
}

/** A list filter and sort in Hasura's terms, on top of the page options. */
export interface ListOptions<TWhere, TOrderBy> extends PageOptions {
  /** A Hasura `where` (`{ name: { _ilike: '%etl%' } }`), combined with the method's own filters by `_and`. */
  where?: TWhere;
  /** A Hasura `order_by`. Each list has a stable default; offset paging needs one. */
  orderBy?: TOrderBy | TOrderBy[];
}

/**
 * An offset-paged list as an async iterable: nothing is sent until iteration starts, and `total` holds the
 * `_aggregate` count once the first page arrived.
 */
export function offsetList<TItem>(
  operation: string,
  options: PageOptions | undefined,
  fetchPage: (page: { limit: number; offset: number }, call: CallOptions) => Promise<{ items: TItem[]; total: number | undefined }>,
): Paginator<TItem, number> {
  const pageSize = options?.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new ValidationError(`pageSize must be a positive integer, got ${String(pageSize)}.`, { provider: 'prefect' });
  }
  const call = callOptionsOf(options);
  return paginateOffset<TItem>(async (page, signal) => {
    try {
      const { items, total } = await fetchPage(page, { ...call, signal });
      if (!Array.isArray(items)) throw new TypeError('the list is not an array');
      return { items, total: typeof total === 'number' ? total : undefined };
    } catch (error) {
      throw typedFailure(error, operation);
    }
  }, {
    limit: pageSize,
    maxItems: options?.maxItems,
    maxPages: options?.maxPages,
    startAt: options?.startAt,
    signal: options?.signal,
  });
}

/** Joins filters with `_and`, dropping the absent ones. */
export function allOf<TWhere>(...conditions: Array<TWhere | undefined | null | false>): TWhere | undefined {
  const present = conditions.filter((c): c is TWhere => !!c && Object.keys(c).length > 0);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  return { _and: present } as TWhere;
}
