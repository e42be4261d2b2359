import { paginateToken, ValidationError, type PaginateOptions, type Paginator } from '@x/core';
import type { HelperContext } from './helper-context';
import type { components, operations } from './generated/schema';

/** One SQL snippet as the list returns it (without its content: `getASnippet({ id })` has it). */
export type SnippetListItem = components['schemas']['SnippetList']['data'][number];

type Query = NonNullable<operations['v1-list-all-snippets']['parameters']['query']>;

/** Which snippets to list: all the user's, or one project's; page size 1–100. */
export interface SnippetsParams {
  project_ref?: string;
  limit?: number;
  sort_by?: Query['sort_by'];
  sort_order?: Query['sort_order'];
}

/** Every SQL snippet, following the API's `cursor` from page to page. `.cursor` resumes a listing with `startAt`. */
export function paginateSnippets(context: HelperContext, params: SnippetsParams = {}, options: PaginateOptions<string | null> = {}): Paginator<SnippetListItem, string | null> {
  const { limit, ...filters } = params;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 100)) {
    throw new ValidationError(`limit must be an integer from 1 to 100, got ${limit}.`, { operation: 'paginateSnippets' });
  }
  return paginateToken<SnippetListItem>(async (cursor, signal) => {
    // The API types `limit` as a string.
    const page = await context.methods.listAllSnippets({ ...filters, ...(limit !== undefined && { limit: String(limit) }), ...(cursor && { cursor }) }, { signal });
    return { items: page.data, next: page.cursor ?? null, raw: page };
  }, options);
}
