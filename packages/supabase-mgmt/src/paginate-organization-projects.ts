import { paginateOffset, ValidationError, type PaginateOptions, type Paginator } from '@x/core';
import type { HelperContext } from './helper-context';
import type { ProjectStatus } from './project-status';
import type { components, operations } from './generated/schema';

/** One project of an organization's project list. */
export type OrganizationProject = components['schemas']['OrganizationProjectsResponse']['projects'][number];

type Query = NonNullable<operations['v1-get-all-projects-for-organization']['parameters']['query']>;

/** What to list: the organization, and the filters `getAllProjectsForOrganization` takes. */
export interface OrganizationProjectsParams {
  slug: string;
  /** Page size, 1–100. Default 100 (the API's maximum). */
  limit?: number;
  /** Only projects whose name or ref contains this. */
  search?: string;
  sort?: Query['sort'];
  /** Only projects in these statuses (a list, or the API's comma-separated string). */
  statuses?: ProjectStatus[] | string;
}

/**
 * Every project of an organization, page by page (offset pages; the total comes from `pagination.count`).
 * `for await (const project of paginator)`, `.pages()`, `.cursor` (the next offset) to resume with `startAt`.
 */
export function paginateOrganizationProjects(context: HelperContext, params: OrganizationProjectsParams, options: PaginateOptions<number> = {}): Paginator<OrganizationProject, number> {
  const { slug, limit = 100, search, sort } = params;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new ValidationError(`limit must be an integer from 1 to 100, got ${limit}.`, { operation: 'paginateOrganizationProjects' });
  const statuses = Array.isArray(params.statuses) ? params.statuses.join(',') : params.statuses;
  return paginateOffset<OrganizationProject>(
    async ({ offset, limit: pageSize }, signal) => {
      const page = await context.methods.getAllProjectsForOrganization(
        { slug, offset, limit: pageSize, ...(search !== undefined && { search }), ...(sort !== undefined && { sort }), ...(statuses ? { statuses } : {}) },
        { signal },
      );
      return { items: page.projects, total: page.pagination.count, raw: page };
    },
    { ...options, limit },
  );
}
