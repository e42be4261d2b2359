/** Prefect 1.x flow-run states that end a run. */
export const TERMINAL_STATES = Object.freeze(['Success', 'Cached', 'Mapped', 'Skipped', 'Failed', 'TimedOut', 'TriggerFailed', 'ValidationFailed', 'Cancelled', 'Looped', 'Finished'] as const);

/** Terminal states that count as success (Prefect's `is_successful()`). */
export const SUCCESSFUL_STATES = Object.freeze(['Success', 'Cached', 'Mapped', 'Skipped'] as const);

/** Terminal states that count as failure (Prefect's `is_failed()`). */
export const FAILED_STATES = Object.freeze(['Failed', 'TimedOut', 'TriggerFailed', 'ValidationFailed'] as const);

/** Every state name Prefect 1.x uses for runs; other strings are accepted too (a newer server may add some). */
export type PrefectStateName =
  | 'Pending'
  | 'Scheduled'
  | 'Queued'
  | 'Submitted'
  | 'Paused'
  | 'Resume'
  | 'Retrying'
  | 'Running'
  | 'Cancelling'
  | (typeof TERMINAL_STATES)[number]
  | (string & {});

/** Whether a run in this state will change no more. */
export function isTerminalState(state: string | null | undefined): boolean {
  return !!state && (TERMINAL_STATES as readonly string[]).includes(state);
}

/** Whether a run in this state finished successfully. */
export function isSuccessfulState(state: string | null | undefined): boolean {
  return !!state && (SUCCESSFUL_STATES as readonly string[]).includes(state);
}

/** Whether a run in this state failed (not cancelled: see `state === 'Cancelled'`). */
export function isFailedState(state: string | null | undefined): boolean {
  return !!state && (FAILED_STATES as readonly string[]).includes(state);
}
