import type { Paginator } from '@x/core';
import type { PrefectContext } from './context';
import type { ListLogsQuery, Log_Bool_Exp, Log_Order_By } from './generated/graphql';
import { allOf, offsetList, type ListOptions } from './list';

/** One log line of a flow run or task run. */
export type LogEntry = ListLogsQuery['log'][number];

/** Filters of `listFlowRunLogs`. */
export interface ListLogsOptions extends ListOptions<Log_Bool_Exp, Log_Order_By> {
  /** Only the lines of this task run. */
  taskRunId?: string;
  /** Only these levels (`'ERROR'`, or `['WARNING', 'ERROR']`). */
  level?: string | string[];
  /** Only lines at or after this time. */
  since?: Date | string;
}

/** A flow run's logs, oldest first, as a `for await` list whose `total` is `log_aggregate`. */
export function listFlowRunLogs(context: PrefectContext, flowRunId: string, options: ListLogsOptions = {}): Paginator<LogEntry, number> {
  const levels = options.level === undefined ? undefined : Array.isArray(options.level) ? options.level : [options.level];
  const since = options.since instanceof Date ? options.since.toISOString() : options.since;
  const where = allOf<Log_Bool_Exp>(
    { flow_run_id: { _eq: flowRunId } },
    options.where,
    options.taskRunId ? { task_run_id: { _eq: options.taskRunId } } : undefined,
    levels ? { level: { _in: levels } } : undefined,
    since ? { timestamp: { _gte: since } } : undefined,
  )!;
  const orderBy = options.orderBy ?? [{ timestamp: 'asc' }, { id: 'asc' }];
  return offsetList('ListLogs', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListLogs({ where, orderBy, limit, offset }, undefined, signal));
    return { items: data.log, total: data.log_aggregate.aggregate?.count };
  });
}
