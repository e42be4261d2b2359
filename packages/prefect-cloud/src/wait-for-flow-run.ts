import { waitFor } from '@x/core';
import type { PrefectContext } from './context';
import { getFlowRunState, type FlowRunStatus } from './flow-runs';
import { isSuccessfulState, isTerminalState } from './states';

/** How to wait for a flow run. */
export interface WaitForFlowRunOptions {
  /** Give up (TimeoutError) after this long. Default 1 hour. */
  timeoutMs?: number;
  /** First poll interval; it grows 1.5x per poll up to `maxIntervalMs`. Default 2 s. */
  intervalMs?: number;
  /** Longest poll interval. Default 30 s. */
  maxIntervalMs?: number;
  /** Stops waiting (AbortError); the run itself goes on. */
  signal?: AbortSignal;
  /** Called with every state read. */
  onProgress?: (run: FlowRunStatus, info: { attempt: number; elapsedMs: number }) => void;
  /** Throw WaitFailedError (with the final state as `last`) when the run ends other than successfully. Default false. */
  throwOnFailure?: boolean;
}

/**
 * Polls a flow run until it reaches a terminal state (Success, Failed, Cancelled, TimedOut, ...) and returns that
 * final state. Polls are queries, so a transient API_ERROR or 5xx during the wait is retried, not fatal.
 */
export function waitForFlowRun(context: PrefectContext, flowRunId: string, options: WaitForFlowRunOptions = {}): Promise<FlowRunStatus> {
  return waitFor<FlowRunStatus>({
    check: (signal) => getFlowRunState(context, flowRunId, { signal }),
    until: (run) => isTerminalState(run.state) && (!options.throwOnFailure || isSuccessfulState(run.state)),
    failed: (run) => (options.throwOnFailure && isTerminalState(run.state) && !isSuccessfulState(run.state) ? `the run ended ${run.state}${run.state_message ? `: ${run.state_message}` : ''}` : undefined),
    intervalMs: options.intervalMs ?? 2_000,
    maxIntervalMs: options.maxIntervalMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 3_600_000,
    signal: options.signal,
    onProgress: options.onProgress,
    description: `flow run ${flowRunId} to finish`,
    clock: context.transport.clock,
  });
}
