import type { Route } from './route';
import { invalidField } from './sim-error';

/**
 * The organization audit log, as the API pages it: `starting_from` is exclusive, `limit` is approximate (every
 * entry of the last timestamp is included), ascending order always returns `next_starting_from`, descending order
 * returns it only while earlier entries exist.
 */
export const auditLogRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/auditlogevents',
    handle: ({ state, url }) => {
      const query = url.searchParams;
      const order = query.get('sort_order') ?? 'ASC';
      if (order !== 'ASC' && order !== 'DESC') throw invalidField('sort_order', 'must be ASC or DESC');
      const rawLimit = query.get('limit');
      const limit = rawLimit === null ? 200 : Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1) throw invalidField('limit', 'must be a positive integer');
      const rawFrom = query.get('starting_from');
      const from = rawFrom === null ? undefined : Date.parse(rawFrom);
      if (from !== undefined && !Number.isFinite(from)) throw invalidField('starting_from', 'must be an RFC 3339 timestamp');
      const at = (entry: { created_at?: string }) => Date.parse(entry.created_at ?? '');
      const candidates = order === 'ASC' ? state.auditLogs.filter((e) => from === undefined || at(e) > from) : state.auditLogs.filter((e) => from === undefined || at(e) < from).reverse();
      const entries = candidates.slice(0, limit);
      // Never split a timestamp across pages: the next page starts after it (exclusively).
      while (entries.length && entries.length < candidates.length && at(candidates[entries.length]!) === at(entries[entries.length - 1]!)) entries.push(candidates[entries.length]!);
      const last = entries[entries.length - 1];
      if (order === 'ASC') {
        const next = last?.created_at ?? (rawFrom !== null ? new Date(from!).toISOString() : new Date(state.createdAt).toISOString());
        return { entries, next_starting_from: next };
      }
      return entries.length < candidates.length && last ? { entries, next_starting_from: last.created_at } : { entries };
    },
  },
];
