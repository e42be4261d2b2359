import { paginateOffset, type Paginator } from '@x/core';
import type { CallOptions, HasuraContext } from './context';
import { notFound } from './errors';
import type { Projects_Bool_Exp, Projects_Order_By } from './generated/graphql';
import { asProjectId, asTenantId, type ProjectId, type TenantId } from './ids';
import { deleteTenant } from './tenants';

/** A Hasura Cloud project. */
export interface Project {
  id: ProjectId;
  name: string;
  /** The project's base URL as Hasura Cloud reports it. */
  endpoint: string | null;
  createdAt: string;
  /** The tenant behind the project (env vars, rename and delete use it); null if this token cannot see it. */
  tenantId: TenantId | null;
}

/** Options of `listProjects`. */
export interface ListProjectsOptions extends CallOptions {
  /** Page size. Default 100. */
  limit?: number;
  /** A Hasura filter, e.g. `{ name: { _ilike: 'preview-%' } }`. */
  where?: Projects_Bool_Exp;
  /** Sort order. Default oldest first, so offsets stay stable while paging. */
  orderBy?: Projects_Order_By[];
  /** Stop after this many projects. */
  maxItems?: number;
}

type ProjectRow = { id: string; name: string; endpoint: string | null; created_at: string; tenant: { id: string } | null };

/** Maps a project row to a Project. */
export function toProject(row: ProjectRow): Project {
  return { id: asProjectId(row.id), name: row.name, endpoint: row.endpoint, createdAt: row.created_at, tenantId: row.tenant ? asTenantId(row.tenant.id) : null };
}

/** Every project this token can see, fetched page by page (`for await`, `.pages()`, `.toArray()`). */
export function listProjects(context: HasuraContext, options: ListProjectsOptions = {}): Paginator<Project, number> {
  const orderBy = options.orderBy ?? [{ created_at: 'asc' }, { id: 'asc' }];
  return paginateOffset<Project>(
    async ({ offset, limit }, signal) => {
      const data = await context.sdk({ ...options, signal }).ListProjects({ limit, offset, orderBy, where: options.where }, undefined, signal);
      return { items: data.projects.map(toProject), raw: data };
    },
    { limit: options.limit ?? 100, maxItems: options.maxItems, signal: options.signal },
  );
}

/** One project by id; NotFoundError when it does not exist or this token cannot see it. */
export async function getProject(context: HasuraContext, projectId: ProjectId, options: CallOptions = {}): Promise<Project> {
  const data = await context.sdk(options).GetProject({ projectId: asProjectId(projectId) }, undefined, options.signal);
  if (!data.projects_by_pk) throw projectNotFound('GetProject', projectId);
  return toProject(data.projects_by_pk);
}

/** The project with this exact name, or undefined. */
export async function findProjectByName(context: HasuraContext, name: string, options: CallOptions = {}): Promise<Project | undefined> {
  const data = await context.sdk(options).FindProjectByName({ name }, undefined, options.signal);
  const row = data.projects[0];
  return row ? toProject(row) : undefined;
}

/** The tenant id behind a project id (they differ; env-var and delete calls need the tenant id). */
export async function resolveTenantId(context: HasuraContext, projectId: ProjectId, options: CallOptions = {}): Promise<TenantId> {
  const data = await context.sdk(options).GetProjectTenantId({ projectId: asProjectId(projectId) }, undefined, options.signal);
  if (!data.projects_by_pk) throw projectNotFound('GetProjectTenantId', projectId);
  if (!data.projects_by_pk.tenant) throw notFound('GetProjectTenantId', `Could not find a Hasura Cloud tenant for project ${projectId}: the project exists but this token cannot see its tenant.`);
  return asTenantId(data.projects_by_pk.tenant.id);
}

/** Renames a project (its name is also its subdomain, so its URL changes). */
export async function renameProject(context: HasuraContext, projectId: ProjectId, name: string, options: CallOptions = {}): Promise<Project> {
  const data = await context.sdk(options).RenameProject({ projectId: asProjectId(projectId), name }, undefined, options.signal);
  if (!data.update_projects_by_pk) throw projectNotFound('RenameProject', projectId);
  return toProject(data.update_projects_by_pk);
}

/** Deletes a project (through its tenant). Returns the status Hasura reports. */
export async function deleteProject(context: HasuraContext, projectId: ProjectId, options: CallOptions = {}): Promise<{ status: string | null }> {
  const tenantId = await resolveTenantId(context, projectId, options);
  return deleteTenant(context, tenantId, options);
}

function projectNotFound(operation: string, projectId: string) {
  return notFound(operation, `No Hasura Cloud project ${projectId} is visible to this token. Check the id (a tenant id will not do) or look the project up with findProjectByName.`);
}
