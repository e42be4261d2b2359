import { ValidationError } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { ListFlowConcurrencyLimitsQuery, ListTaskTagLimitsQuery } from './generated/graphql';
import { assertSuccess, notFound } from './not-found';

/** A cap on concurrent task runs carrying a tag. */
export type TaskTagLimit = ListTaskTagLimitsQuery['task_tag_limit'][number];
/** A cap on concurrent flow runs carrying a label (`name` is the label). */
export type FlowConcurrencyLimit = ListFlowConcurrencyLimitsQuery['flow_concurrency_limit'][number];

function checkLimit(name: string, limit: number, operation: string): void {
  if (typeof name !== 'string' || !name) throw new ValidationError(`${operation} needs a non-empty tag or label.`, { provider: 'prefect', operation });
  if (!Number.isInteger(limit) || limit < 0) throw new ValidationError(`${operation} limit must be a whole number >= 0, got ${String(limit)}.`, { provider: 'prefect', operation });
}

/** Sets (creating or replacing) the limit for a task tag; returns the limit's id. */
export async function updateTaskTagLimit(context: PrefectContext, tag: string, limit: number, options?: CallOptions): Promise<{ id: string }> {
  checkLimit(tag, limit, 'UpdateTaskTagLimit');
  const data = await context.call(options, (sdk, signal) => sdk.UpdateTaskTagLimit({ tag, limit }, undefined, signal));
  if (!data.update_task_tag_limit?.id) throw notFound('UpdateTaskTagLimit', 'task concurrency limits in this tenant', 'They are a Prefect Cloud feature of paid tiers.');
  return { id: data.update_task_tag_limit.id };
}

/** Removes a task tag limit by id. */
export async function deleteTaskTagLimit(context: PrefectContext, limitId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteTaskTagLimit({ limitId }, undefined, signal));
  assertSuccess(data.delete_task_tag_limit, 'DeleteTaskTagLimit', `delete task tag limit ${limitId}`);
}

/** Every task tag limit, by tag. */
export async function listTaskTagLimits(context: PrefectContext, options?: CallOptions): Promise<TaskTagLimit[]> {
  const data = await context.call(options, (sdk, signal) => sdk.ListTaskTagLimits({ orderBy: [{ tag: 'asc' }] }, undefined, signal));
  return data.task_tag_limit;
}

/** Sets (creating or replacing) the limit for a flow-run label; returns the limit's id. */
export async function updateFlowConcurrencyLimit(context: PrefectContext, label: string, limit: number, options?: CallOptions): Promise<{ id: string }> {
  checkLimit(label, limit, 'UpdateFlowConcurrencyLimit');
  const data = await context.call(options, (sdk, signal) => sdk.UpdateFlowConcurrencyLimit({ label, limit }, undefined, signal));
  if (!data.update_flow_concurrency_limit?.id) throw notFound('UpdateFlowConcurrencyLimit', 'flow concurrency limits in this tenant', 'They are a Prefect Cloud feature of paid tiers.');
  return { id: data.update_flow_concurrency_limit.id };
}

/** Removes a flow concurrency limit by id. */
export async function deleteFlowConcurrencyLimit(context: PrefectContext, limitId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteFlowConcurrencyLimit({ limitId }, undefined, signal));
  assertSuccess(data.delete_flow_concurrency_limit, 'DeleteFlowConcurrencyLimit', `delete flow concurrency limit ${limitId}`);
}

/** Every flow concurrency limit, by label. */
export async function listFlowConcurrencyLimits(context: PrefectContext, options?: CallOptions): Promise<FlowConcurrencyLimit[]> {
  const data = await context.call(options, (sdk, signal) => sdk.ListFlowConcurrencyLimits({ orderBy: [{ name: 'asc' }] }, undefined, signal));
  return data.flow_concurrency_limit;
}
