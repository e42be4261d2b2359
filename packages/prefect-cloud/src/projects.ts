import { ValidationError, type Paginator } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { ListProjectsQuery, Project_Bool_Exp, Project_Order_By } from './generated/graphql';
import { allOf, offsetList, type ListOptions } from './list';
import { assertSuccess, notFound } from './not-found';

/** A project: the folder flows are registered into. */
export type Project = ListProjectsQuery['project'][number];

/** Filters of `listProjects`. */
export interface ListProjectsOptions extends ListOptions<Project_Bool_Exp, Project_Order_By> {
  /** The project's name (matched exactly). */
  name?: string;
}

/** The tenant's projects by name, as a `for await` list whose `total` is `project_aggregate`. */
export function listProjects(context: PrefectContext, options: ListProjectsOptions = {}): Paginator<Project, number> {
  const where = allOf<Project_Bool_Exp>(options.where, options.name ? { name: { _eq: options.name } } : undefined);
  const orderBy = options.orderBy ?? [{ name: 'asc' }, { id: 'asc' }];
  return offsetList('ListProjects', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListProjects({ where, orderBy, limit, offset }, undefined, signal));
    return { items: data.project, total: data.project_aggregate.aggregate?.count };
  });
}

/** Creates a project in the client's tenant and returns its id. */
export async function createProject(context: PrefectContext, input: { name: string; description?: string }, options?: CallOptions): Promise<{ id: string }> {
  if (!input?.name?.trim()) throw new ValidationError('createProject needs a non-empty name.', { provider: 'prefect', operation: 'CreateProject' });
  const tenantId = await context.tenantId(options);
  const data = await context.call(options, (sdk, signal) => sdk.CreateProject({ tenantId, name: input.name, description: input.description }, undefined, signal));
  const id = data.create_project?.id;
  if (!id) throw notFound('CreateProject', `tenant ${tenantId} to create the project in`, 'Check the tenant.');
  return { id };
}

/** Deletes a project with its flows and their runs. */
export async function deleteProject(context: PrefectContext, projectId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteProject({ projectId }, undefined, signal));
  assertSuccess(data.delete_project, 'DeleteProject', `delete project ${projectId}`);
}
