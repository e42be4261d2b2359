import { paginateOffset, ValidationError, type PaginateOptions, type Paginator } from '@x/core';
import type { HelperContext } from './helper-context';
import type { components } from './generated/schema';

/** One run of a branch action (clone, migrate, seed, deploy...). */
export type ActionRun = components['schemas']['ActionRunResponse'];

/** Whose runs to list, and the page size (at least 10, the API's minimum; default 100). */
export interface ActionRunsParams {
  ref: string;
  limit?: number;
}

/**
 * Every action run of a project (offset pages; the list ends on a short page). The total is one HEAD away:
 * `client.countActionRuns({ ref })`.
 */
export function paginateActionRuns(context: HelperContext, params: ActionRunsParams, options: PaginateOptions<number> = {}): Paginator<ActionRun, number> {
  const { ref, limit = 100 } = params;
  if (!Number.isInteger(limit) || limit < 10) throw new ValidationError(`limit must be an integer of at least 10, got ${limit}.`, { operation: 'paginateActionRuns' });
  return paginateOffset<ActionRun>(
    async ({ offset, limit: pageSize }, signal) => {
      const runs = await context.methods.listActionRuns({ ref, offset, limit: pageSize }, { signal });
      return { items: runs, raw: runs };
    },
    { ...options, limit },
  );
}
