import { ValidationError, type Paginator } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { Flow_Run_Bool_Exp, Flow_Run_Order_By, GetFlowRunQuery, GetFlowRunStateQuery, ListFlowRunsQuery } from './generated/graphql';
import { allOf, offsetList, type ListOptions } from './list';
import { notFound } from './not-found';

/** A flow run as lists show it. */
export type FlowRun = ListFlowRunsQuery['flow_run'][number];
/** A flow run with its flow, task runs and (the first page of) its logs. */
export type FlowRunDetail = NonNullable<GetFlowRunQuery['flow_run_by_pk']>;
/** A flow run's state and version: what a poll reads and what a state change must quote. */
export type FlowRunStatus = NonNullable<GetFlowRunStateQuery['flow_run_by_pk']>;

/** What to run: a flow version (`flowId`) or the newest version of a flow group (`versionGroupId`). */
export interface CreateFlowRunInput {
  flowId?: string;
  versionGroupId?: string;
  parameters?: Record<string, unknown>;
  labels?: string[];
  /** A run config (`{ type: 'KubernetesRun', ... }`) overriding the flow's. */
  runConfig?: Record<string, unknown>;
  context?: Record<string, unknown>;
  /**
   * The same key within 24 h returns the run created first instead of a new one. With a key, the client also
   * retries the mutation after an ambiguous failure (a timeout, a 5xx, an API_ERROR), since it cannot duplicate.
   */
  idempotencyKey?: string;
  /** The run's name; Prefect picks one when absent. */
  name?: string;
  /** When to start; default now. */
  scheduledStartTime?: Date | string;
}

/** Creates a flow run and returns its id. */
export async function createFlowRun(context: PrefectContext, input: CreateFlowRunInput, options?: CallOptions): Promise<{ id: string }> {
  if (!input || !!input.flowId === !!input.versionGroupId) {
    throw new ValidationError('createFlowRun needs exactly one of flowId (one flow version) or versionGroupId (its newest version).', { provider: 'prefect', operation: 'CreateFlowRun' });
  }
  const start = input.scheduledStartTime;
  const variables = {
    flowId: input.flowId,
    versionGroupId: input.versionGroupId,
    parameters: input.parameters,
    labels: input.labels,
    runConfig: input.runConfig,
    context: input.context,
    idempotencyKey: input.idempotencyKey,
    flowRunName: input.name,
    scheduledStartTime: start instanceof Date ? start.toISOString() : start,
  };
  const data = await context.call(options, (sdk, signal) => sdk.CreateFlowRun(variables, undefined, signal));
  const id = data.create_flow_run?.id;
  if (!id) throw notFound('CreateFlowRun', `flow ${input.flowId ?? `group ${input.versionGroupId}`} to run`, 'Check the id, and that the flow is not archived.');
  return { id };
}

/** Options of `getFlowRun`. */
export interface GetFlowRunOptions extends CallOptions {
  /** How many log lines to include, oldest first. Default 200; `listFlowRunLogs` pages through all of them. */
  logLimit?: number;
}

/** One flow run with its task runs and logs; NotFoundError when it does not exist in the tenant. */
export async function getFlowRun(context: PrefectContext, id: string, options: GetFlowRunOptions = {}): Promise<FlowRunDetail> {
  const variables = { id, taskRunOrderBy: [{ start_time: 'asc_nulls_last' as const }, { map_index: 'asc' as const }], logOrderBy: [{ timestamp: 'asc' as const }], logLimit: options.logLimit ?? 200 };
  const data = await context.call(options, (sdk, signal) => sdk.GetFlowRun(variables, undefined, signal));
  if (!data.flow_run_by_pk) throw notFound('GetFlowRun', `flow run ${id}`, 'listFlowRuns() shows the runs of the tenant.');
  return data.flow_run_by_pk;
}

/** A flow run's state and version (a light read, for polling). */
export async function getFlowRunState(context: PrefectContext, id: string, options?: CallOptions): Promise<FlowRunStatus> {
  const data = await context.call(options, (sdk, signal) => sdk.GetFlowRunState({ id }, undefined, signal));
  if (!data.flow_run_by_pk) throw notFound('GetFlowRunState', `flow run ${id}`, 'listFlowRuns() shows the runs of the tenant.');
  return data.flow_run_by_pk;
}

/** Filters of `listFlowRuns`, on top of a free `where`. */
export interface ListFlowRunsOptions extends ListOptions<Flow_Run_Bool_Exp, Flow_Run_Order_By> {
  flowId?: string;
  /** One state or any of several (`['Failed', 'TimedOut']`). */
  state?: string | string[];
}

/** Flow runs, newest first, as a `for await` list whose `total` is `flow_run_aggregate`. */
export function listFlowRuns(context: PrefectContext, options: ListFlowRunsOptions = {}): Paginator<FlowRun, number> {
  const states = options.state === undefined ? undefined : Array.isArray(options.state) ? options.state : [options.state];
  const where = allOf<Flow_Run_Bool_Exp>(options.where, options.flowId ? { flow_id: { _eq: options.flowId } } : undefined, states ? { state: { _in: states } } : undefined);
  const orderBy = options.orderBy ?? [{ created: 'desc' }, { id: 'asc' }];
  return offsetList('ListFlowRuns', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListFlowRuns({ where, orderBy, limit, offset }, undefined, signal));
    return { items: data.flow_run, total: data.flow_run_aggregate.aggregate?.count };
  });
}
