// Projects, flows and flow runs: creation with idempotency keys, state changes under the version lock, cancel, logs.
import type { RootTable } from './context';
import { SimulatedError } from './execute';
import { advance, isTerminal, scheduleRun, transition } from './lifecycle';
import type { FlowRow } from './rows';
import type { PrefectSimState } from './state';

type Input = Record<string, unknown>;
const input = (args: Record<string, unknown>): Input => (args.input ?? {}) as Input;
const DAY_MS = 86_400_000;

/** The project, flow and flow-run mutation roots. */
export const runMutations: RootTable = {
  create_project: (args, { state, access }) => {
    const tenantId = access.write();
    const { tenant_id, name, description } = input(args);
    if (tenant_id !== tenantId) throw new SimulatedError('Unauthorized: tenant_id is not the tenant of this credential.', 'FORBIDDEN');
    if ([...state.projects.values()].some((p) => p.tenant_id === tenantId && p.name === name)) throw new SimulatedError(`A project named "${String(name)}" already exists.`, 'BAD_USER_INPUT');
    const project = state.addProject({ tenantId, name: String(name), description: (description as string | null) ?? null });
    return { id: project.id, project: null };
  },
  delete_project: (args, { state, access }) => {
    const tenantId = access.write();
    const project = state.projects.get(String(input(args).project_id));
    if (!project || project.tenant_id !== tenantId) return { success: false, error: 'Project not found.' };
    for (const flow of [...state.flows.values()]) if (flow.project_id === project.id) deleteFlowRows(state, flow);
    state.projects.delete(project.id);
    return { success: true, error: null };
  },

  archive_flow: (args, { state, access }) => {
    const flow = ownFlow(state, access.write(), input(args).flow_id);
    if (!flow) return { success: false, error: 'Flow not found.' };
    flow.archived = true;
    flow.updated = state.now();
    return { success: true, error: null };
  },
  delete_flow: (args, { state, access }) => {
    const flow = ownFlow(state, access.write(), input(args).flow_id);
    if (!flow) return { success: false, error: 'Flow not found.' };
    deleteFlowRows(state, flow);
    return { success: true, error: null };
  },

  create_flow_run: (args, { state, access }) => {
    const tenantId = access.write();
    const data = input(args);
    const flow = data.flow_id
      ? ownFlow(state, tenantId, data.flow_id)
      : [...state.flows.values()].filter((f) => f.tenant_id === tenantId && f.version_group_id === data.version_group_id && !f.archived).sort((a, b) => b.version - a.version)[0];
    if (!flow) throw new SimulatedError('Flow not found.', 'BAD_USER_INPUT');
    if (flow.archived) throw new SimulatedError('Flow is archived; runs cannot be created.', 'BAD_USER_INPUT');
    const key = typeof data.idempotency_key === 'string' ? `${tenantId}:${data.idempotency_key}` : undefined;
    const fingerprint = JSON.stringify([flow.id, data.parameters ?? null, data.context ?? null]);
    const now = state.clock.now();
    const earlier = key ? state.idempotency.get(key) : undefined;
    if (key && earlier && earlier.expiresAt > now) {
      if (earlier.fingerprint !== fingerprint) throw new SimulatedError('This idempotency key was used with other parameters or context.', 'BAD_USER_INPUT');
      earlier.expiresAt = now + DAY_MS;
      return { id: earlier.runId };
    }
    const run = scheduleRun(state, {
      flowId: flow.id, tenantId, parameters: data.parameters, labels: data.labels as string[] | undefined, runConfig: data.run_config, context: data.context,
      name: data.flow_run_name as string | undefined, scheduledStartTime: data.scheduled_start_time as string | undefined, idempotencyKey: data.idempotency_key as string | undefined,
    });
    if (key) state.idempotency.set(key, { runId: run.id, fingerprint, expiresAt: now + DAY_MS });
    return { id: run.id };
  },

  set_flow_run_states: (args, { state, access }) => {
    const tenantId = access.write();
    const entries = (input(args).states ?? []) as Array<{ flow_run_id: string; version?: number | null; state: { type?: string; message?: string } | string }>;
    const results = [];
    for (const entry of entries) {
      const run = state.flowRuns.get(entry.flow_run_id);
      if (!run || run.tenant_id !== tenantId) throw new SimulatedError(`Flow run ${entry.flow_run_id} not found.`, 'BAD_USER_INPUT');
      advance(state, run);
      if (entry.version !== undefined && entry.version !== null && entry.version !== run.version) {
        throw new SimulatedError(`State update failed: expected version ${entry.version} but the current version is ${run.version}.`, 'VERSION_LOCKING_ERROR', { expected_version: entry.version, actual_version: run.version });
      }
      const serialized = typeof entry.state === 'string' ? (JSON.parse(entry.state) as { type?: string; message?: string }) : entry.state;
      if (!serialized?.type) throw new SimulatedError('A state needs a type.', 'BAD_USER_INPUT');
      run.auto = false;
      transition(state, run, serialized.type, serialized.message ?? null, state.clock.now(), serialized as Record<string, unknown>);
      results.push({ id: run.id, status: 'SUCCESS', message: null });
    }
    return { states: results };
  },

  cancel_flow_run: (args, { state, access }) => {
    const tenantId = access.write();
    const run = state.flowRuns.get(String(input(args).flow_run_id));
    if (!run || run.tenant_id !== tenantId) throw new SimulatedError('Flow run not found.', 'BAD_USER_INPUT');
    advance(state, run);
    if (!isTerminal(run.state)) {
      run.auto = false;
      transition(state, run, 'Cancelled', 'Flow run was cancelled.', state.clock.now());
    }
    return { state: run.state };
  },

  write_run_logs: (args, { state, access }) => {
    const tenantId = access.write();
    for (const entry of (input(args).logs ?? []) as Array<Record<string, unknown>>) {
      const run = state.flowRuns.get(String(entry.flow_run_id));
      if (!run || run.tenant_id !== tenantId) throw new SimulatedError(`Flow run ${String(entry.flow_run_id)} not found.`, 'BAD_USER_INPUT');
      const at = typeof entry.timestamp === 'string' ? Date.parse(entry.timestamp) : undefined;
      state.addLog(run, String(entry.message ?? ''), { level: (entry.level as string) ?? 'INFO', name: (entry.name as string) ?? 'custom', taskRunId: (entry.task_run_id as string) ?? null, at });
    }
    return { success: true, error: null };
  },
};

function ownFlow(state: PrefectSimState, tenantId: string, id: unknown): FlowRow | undefined {
  const flow = state.flows.get(String(id));
  return flow && flow.tenant_id === tenantId ? flow : undefined;
}

function deleteFlowRows(state: PrefectSimState, flow: FlowRow): void {
  for (const run of [...state.flowRuns.values()]) if (run.flow_id === flow.id) state.flowRuns.delete(run.id);
  for (const task of [...state.tasks.values()]) if (task.flow_id === flow.id) state.tasks.delete(task.id);
  state.flows.delete(flow.id);
}
