// Flow runs move Scheduled → Running → Success/Failed on the simulator's clock. Progress is computed when a run is
// read (no timers), each transition stamped at the moment it was due, so a run read late shows its full history.
import type { FlowRunRow, TaskRunRow } from './rows';
import type { PrefectSimState } from './state';

const TERMINAL = new Set(['Success', 'Cached', 'Mapped', 'Skipped', 'Failed', 'TimedOut', 'TriggerFailed', 'ValidationFailed', 'Cancelled', 'Looped', 'Finished']);

/** Whether a state ends a run. */
export function isTerminal(state: string): boolean {
  return TERMINAL.has(state);
}

/** Creates a Scheduled run of a flow. */
export function scheduleRun(state: PrefectSimState, input: { flowId: string; tenantId: string; parameters?: unknown; labels?: string[]; runConfig?: unknown; context?: unknown; name?: string; scheduledStartTime?: string; idempotencyKey?: string }): FlowRunRow {
  const now = state.now();
  const run: FlowRunRow = {
    id: state.ids.uuid(), created: now, updated: now, tenant_id: input.tenantId, flow_id: input.flowId, agent_id: null, parameters: input.parameters ?? {}, labels: input.labels ?? [], run_config: input.runConfig ?? null, context: input.context ?? {}, version: 0,
    heartbeat: null, scheduled_start_time: input.scheduledStartTime ? new Date(input.scheduledStartTime).toISOString() : now, start_time: null, end_time: null, auto_scheduled: false, name: input.name ?? `sim-run-${state.flowRuns.size + 1}`, times_resurrected: 0,
    idempotency_key: input.idempotencyKey ?? null, state: 'Pending', state_timestamp: now, state_message: null, state_result: null, state_start_time: null, serialized_state: null, auto: true,
  };
  state.flowRuns.set(run.id, run);
  transition(state, run, 'Scheduled', 'Flow run scheduled.', state.clock.now());
  return run;
}

/** Moves a run to a state, bumping its version and recording the history and a log line. */
export function transition(state: PrefectSimState, run: FlowRunRow, type: string, message: string | null, at: number, extra: Record<string, unknown> = {}): void {
  const stamp = state.now(at);
  run.version += 1;
  run.state = type;
  run.state_message = message;
  run.state_timestamp = stamp;
  run.state_start_time = type === 'Scheduled' ? run.scheduled_start_time : null;
  run.serialized_state = { type, message, ...extra };
  run.updated = stamp;
  if (type === 'Running' && !run.start_time) run.start_time = stamp;
  if (isTerminal(type) && !run.end_time) run.end_time = stamp;
  state.runStates.push({ id: state.ids.uuid(), created: stamp, updated: stamp, tenant_id: run.tenant_id, flow_run_id: run.id, timestamp: stamp, message, result: null, start_time: run.state_start_time, state: type, version: run.version, serialized_state: run.serialized_state });
  // Task runs finish before their flow run says so, and start after it.
  if (isTerminal(type)) finishTaskRuns(state, run, type, at);
  state.addLog(run, `Flow run ${type.toUpperCase()}${message ? `: ${message}` : ''}`, { at, level: type === 'Failed' ? 'ERROR' : 'INFO' });
  if (type === 'Running') startTaskRuns(state, run, at);
}

/** Applies every transition that fell due for a run the simulator still drives. */
export function advance(state: PrefectSimState, run: FlowRunRow): void {
  if (!run.auto) return;
  const now = state.clock.now();
  if (run.state === 'Scheduled') {
    const startAt = Date.parse(run.scheduled_start_time) + state.settings.startDelayMs;
    if (now < startAt) return;
    transition(state, run, 'Running', 'Starting flow run.', startAt);
  }
  if (run.state === 'Running') {
    const endAt = Date.parse(run.start_time!) + state.settings.runDurationMs;
    if (now < endAt) return;
    const fail = state.settings.shouldFail(run);
    transition(state, run, fail ? 'Failed' : 'Success', fail ? 'Some tasks failed.' : 'All tasks succeeded.', endAt);
  }
}

/** Brings every run up to the clock. */
export function advanceAll(state: PrefectSimState): void {
  for (const run of state.flowRuns.values()) advance(state, run);
}

function startTaskRuns(state: PrefectSimState, run: FlowRunRow, at: number): void {
  const stamp = state.now(at);
  for (const task of state.tasks.values()) {
    if (task.flow_id !== run.flow_id) continue;
    const taskRun: TaskRunRow = { id: state.ids.uuid(), created: stamp, updated: stamp, tenant_id: run.tenant_id, flow_run_id: run.id, task_id: task.id, map_index: -1, version: 1, heartbeat: stamp, start_time: stamp, end_time: null, cache_key: null, name: task.name, state: 'Running', state_timestamp: stamp, state_message: 'Starting task run.', state_result: null, state_start_time: null, serialized_state: { type: 'Running' } };
    state.taskRuns.set(taskRun.id, taskRun);
    state.addLog(run, `Task '${task.name}': Starting task run...`, { at, taskRunId: taskRun.id, name: 'prefect.CloudTaskRunner' });
  }
}

function finishTaskRuns(state: PrefectSimState, run: FlowRunRow, type: string, at: number): void {
  const stamp = state.now(at);
  const taskRuns = [...state.taskRuns.values()].filter((t) => t.flow_run_id === run.id && !isTerminal(t.state));
  taskRuns.forEach((taskRun, index) => {
    // A failed run fails in its last task; the ones before it succeeded.
    const own = type === 'Failed' ? (index === taskRuns.length - 1 ? 'Failed' : 'Success') : type === 'Success' ? 'Success' : 'Cancelled';
    Object.assign(taskRun, { state: own, state_timestamp: stamp, updated: stamp, end_time: stamp, version: taskRun.version + 1, state_message: own === 'Failed' ? 'Simulated task failure.' : null, serialized_state: { type: own } });
    state.addLog(run, `Task '${taskRun.name}': Finished task run for task with final state: '${own}'`, { at, taskRunId: taskRun.id, level: own === 'Failed' ? 'ERROR' : 'INFO', name: 'prefect.CloudTaskRunner' });
  });
}
