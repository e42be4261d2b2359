import { ValidationError } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import { getFlowRunState } from './flow-runs';
import type { PrefectStateName } from './states';

/** A state to set: a name (`'Cancelled'`) or a serialized Prefect state (`{ type: 'Failed', message: '...' }`). */
export type FlowRunStateInput = PrefectStateName | { type: PrefectStateName; message?: string; [field: string]: unknown };

/** Options of `setFlowRunState`. */
export interface SetFlowRunStateOptions extends CallOptions {
  /**
   * The run version this change is based on (from `getFlowRun` or `getFlowRunState`). Prefect Cloud refuses the
   * change with VersionLockingError when the run moved on since. When absent, the client reads the current
   * version first (last writer wins between that read and the write).
   */
  version?: number;
  /** A message for the new state (used when `state` is a name). */
  message?: string;
}

/** What Prefect answered for the state change (`status` is `SUCCESS`, or `QUEUED` when a limit held it back). */
export interface SetFlowRunStateResult {
  id: string | null;
  status: string | null;
  message: string | null;
}

/** Sets a flow run's state, guarded by the run's version. */
export async function setFlowRunState(context: PrefectContext, flowRunId: string, state: FlowRunStateInput, options: SetFlowRunStateOptions = {}): Promise<SetFlowRunStateResult> {
  const serialized = typeof state === 'string' ? { type: state, ...(options.message !== undefined ? { message: options.message } : {}) } : state;
  if (!serialized || typeof serialized.type !== 'string' || !serialized.type) {
    throw new ValidationError('setFlowRunState needs a state name or an object with a `type` (e.g. { type: "Failed", message: "..." }).', { provider: 'prefect', operation: 'SetFlowRunStates' });
  }
  const version = options.version ?? (await getFlowRunState(context, flowRunId, options)).version ?? undefined;
  const states = [{ flow_run_id: flowRunId, version, state: serialized }];
  const data = await context.call(options, (sdk, signal) => sdk.SetFlowRunStates({ states }, undefined, signal));
  const result = data.set_flow_run_states?.states?.[0];
  return { id: result?.id ?? flowRunId, status: result?.status ?? null, message: result?.message ?? null };
}

/** Asks Prefect to cancel a run; returns the state it moved to (`Cancelling` while an agent stops it, or `Cancelled`). */
export async function cancelFlowRun(context: PrefectContext, flowRunId: string, options?: CallOptions): Promise<{ state: string | null }> {
  const data = await context.call(options, (sdk, signal) => sdk.CancelFlowRun({ flowRunId }, undefined, signal));
  return { state: data.cancel_flow_run?.state ?? null };
}
