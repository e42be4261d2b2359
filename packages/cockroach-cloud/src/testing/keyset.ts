import { invalidField } from './sim-error';

/** A page of a keyset-paginated list, as the API answers it. */
export interface KeysetPage<T> {
  items: T[];
  pagination: { next_page?: string };
}

/** Paging limits of the simulator's lists. */
export interface KeysetOptions {
  /** Page size when `pagination.limit` is absent. Default 100. */
  defaultLimit?: number;
  /** Largest accepted `pagination.limit`. Default 500. */
  maxLimit?: number;
}

interface Token {
  /** The key of the last item handed out. */
  k: string;
  o: 'ASC' | 'DESC';
}

/**
 * Keyset paging over `items` ordered by `key`: `pagination.page` (an opaque token from an earlier `next_page`),
 * `pagination.limit`, `pagination.sort_order` (ASC/DESC) and `pagination.as_of_time` (validated, then accepted).
 * Items added or removed between pages never shift the window, as with the real keyset tokens.
 */
export function keysetPage<T>(items: readonly T[], key: (item: T) => string, query: URLSearchParams, options: KeysetOptions = {}): KeysetPage<T> {
  const maxLimit = options.maxLimit ?? 500;
  const rawLimit = query.get('pagination.limit');
  const limit = rawLimit === null ? (options.defaultLimit ?? 100) : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw invalidField('pagination.limit', `must be an integer from 1 to ${maxLimit}`);
  const rawOrder = query.get('pagination.sort_order');
  if (rawOrder !== null && rawOrder !== 'ASC' && rawOrder !== 'DESC') throw invalidField('pagination.sort_order', 'must be ASC or DESC');
  const asOf = query.get('pagination.as_of_time');
  if (asOf !== null && !Number.isFinite(Date.parse(asOf))) throw invalidField('pagination.as_of_time', 'must be an RFC 3339 timestamp');
  const page = query.get('pagination.page');
  const token = page ? decodeToken(page) : undefined;
  const order = token?.o ?? rawOrder ?? 'ASC';
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (order === 'DESC') sorted.reverse();
  const rest = token ? sorted.filter((item) => (order === 'ASC' ? key(item) > token.k : key(item) < token.k)) : sorted;
  const out = rest.slice(0, limit);
  const more = rest.length > limit;
  return { items: out, pagination: more ? { next_page: encodeToken({ k: key(out[out.length - 1]!), o: order }) } : {} };
}

function encodeToken(token: Token): string {
  return btoa(JSON.stringify(token)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeToken(text: string): Token {
  try {
    const parsed = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as Token;
    if (typeof parsed.k === 'string' && (parsed.o === 'ASC' || parsed.o === 'DESC')) return parsed;
  } catch {
    // fall through to the error below
  }
  throw invalidField('pagination.page', 'not a page token this server issued');
}
