import type { Paginator } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { Flow_Bool_Exp, Flow_Order_By, GetFlowQuery, ListFlowsQuery } from './generated/graphql';
import { allOf, offsetList, type ListOptions } from './list';
import { assertSuccess, notFound } from './not-found';

/** A flow as lists show it. Field names are the API's. */
export type Flow = ListFlowsQuery['flow'][number];
/** A flow with its parameters, run config, storage, schedule, project and flow group. */
export type FlowDetail = NonNullable<GetFlowQuery['flow_by_pk']>;

/** Filters of `listFlows`, on top of a free `where`. */
export interface ListFlowsOptions extends ListOptions<Flow_Bool_Exp, Flow_Order_By> {
  projectId?: string;
  /** The project's name (matched exactly). */
  projectName?: string;
  /** The flow's name (matched exactly). */
  name?: string;
  /** Include archived versions. Default false, as the Prefect UI shows them. */
  includeArchived?: boolean;
}

/** Every flow matching the filters, newest first, as a `for await` list whose `total` is `flow_aggregate`. */
export function listFlows(context: PrefectContext, options: ListFlowsOptions = {}): Paginator<Flow, number> {
  const where = allOf<Flow_Bool_Exp>(
    options.where,
    options.projectId ? { project_id: { _eq: options.projectId } } : undefined,
    options.projectName ? { project: { name: { _eq: options.projectName } } } : undefined,
    options.name ? { name: { _eq: options.name } } : undefined,
    options.includeArchived ? undefined : { archived: { _eq: false } },
  );
  const orderBy = options.orderBy ?? [{ created: 'desc' }, { id: 'asc' }];
  return offsetList('ListFlows', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListFlows({ where, orderBy, limit, offset }, undefined, signal));
    return { items: data.flow, total: data.flow_aggregate.aggregate?.count };
  });
}

/** The flows of one project. */
export function listFlowsByProject(context: PrefectContext, projectId: string, options: Omit<ListFlowsOptions, 'projectId'> = {}): Paginator<Flow, number> {
  return listFlows(context, { ...options, projectId });
}

/** One flow by id; NotFoundError when it does not exist in the tenant. */
export async function getFlow(context: PrefectContext, id: string, options?: CallOptions): Promise<FlowDetail> {
  const data = await context.call(options, (sdk, signal) => sdk.GetFlow({ id }, undefined, signal));
  if (!data.flow_by_pk) throw notFound('GetFlow', `flow ${id}`, 'listFlows() shows the flows of the tenant.');
  return data.flow_by_pk;
}

/** Archives a flow version: it stays readable but can no longer be run. */
export async function archiveFlow(context: PrefectContext, flowId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.ArchiveFlow({ flowId }, undefined, signal));
  assertSuccess(data.archive_flow, 'ArchiveFlow', `archive flow ${flowId}`);
}

/** Deletes a flow version and its runs. */
export async function deleteFlow(context: PrefectContext, flowId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteFlow({ flowId }, undefined, signal));
  assertSuccess(data.delete_flow, 'DeleteFlow', `delete flow ${flowId}`);
}
