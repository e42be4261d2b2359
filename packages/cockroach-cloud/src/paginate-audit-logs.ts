import { paginateToken, type Paginator, type RequestOptions } from '@x/core';
import type { KeysetPaginateOptions } from './paginate';
import type { NamedMethods } from './generated/operations';
import type { components } from './generated/schema';

/** One organization audit log entry. */
export type AuditLogEntry = components['schemas']['AuditLogEntry'];

/** Where to start and in which order: `starting_from` is exclusive; `limit` is approximate (whole timestamps). */
export interface AuditLogQuery {
  /** An RFC 3339 timestamp; default: the organization's creation (ASC) or now (DESC). */
  starting_from?: string;
  sort_order?: 'ASC' | 'DESC';
  /** Roughly how many entries per page (the server always returns every entry of a timestamp). Default 200. */
  limit?: number;
}

/**
 * Walks the audit log: each page's `next_starting_from` is sent back as `starting_from` until it is absent. In
 * ascending order the API always returns one, so the walk ends at the first empty page, and `cursor` then holds
 * the point to resume from later (a tail of new entries).
 */
export function paginateAuditLogs(methods: NamedMethods, query: AuditLogQuery = {}, options: KeysetPaginateOptions = {}): Paginator<AuditLogEntry, string | null> {
  const { startAt, maxItems, maxPages, prefetch, signal, ...requestOptions } = options;
  const { starting_from: first, ...rest } = query;
  return paginateToken<AuditLogEntry>(
    async (token, pageSignal) => {
      const from = token ?? first;
      const page = await methods.listAuditLogs({ ...rest, ...(from ? { starting_from: from } : {}) }, { ...(requestOptions as RequestOptions), signal: pageSignal ?? null });
      const next = page.next_starting_from;
      const items = page.entries ?? [];
      // The same mark back with entries would loop; with none it is where to resume once new entries arrive.
      return { items, next: next && (next !== from || items.length === 0) ? next : undefined, raw: page };
    },
    { startAt, maxItems, maxPages, prefetch, signal: signal ?? undefined },
  );
}
