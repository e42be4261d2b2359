import type { components } from './generated/schema';

/** Every status a project (or a branch's preview project) can report. */
export type ProjectStatus = components['schemas']['V1ProjectWithDatabaseResponse']['status'];

/**
 * Statuses from which a project never reaches `ACTIVE_HEALTHY` on its own, so a wait for health stops at once:
 * - `INIT_FAILED`: provisioning failed; the project must be deleted and created again (or support contacted).
 * - `REMOVED`: the project was deleted.
 * - `GOING_DOWN`: it is being paused or deleted; it only ends `INACTIVE` or `REMOVED`.
 * - `INACTIVE`, `PAUSING`: paused or pausing; it stays down until someone calls `restoreAProject`.
 * - `PAUSE_FAILED`, `RESTORE_FAILED`: a pause or restore broke and needs a person.
 * Every other status is on the way up: `COMING_UP`, `UNKNOWN` (not reported yet), `ACTIVE_UNHEALTHY` (services
 * still starting), `RESTORING`, `UPGRADING`, `RESTARTING`, `RESIZING`.
 */
export const PROJECT_FAILURE_STATUSES: readonly ProjectStatus[] = Object.freeze([
  'INIT_FAILED',
  'REMOVED',
  'GOING_DOWN',
  'INACTIVE',
  'PAUSING',
  'PAUSE_FAILED',
  'RESTORE_FAILED',
]);

/**
 * Statuses that end a wait for a restore: right after `restoreAProject` a project still reads `INACTIVE` (or
 * `PAUSING`) for a moment, so those two are not failures here, unlike in PROJECT_FAILURE_STATUSES.
 */
export const RESTORE_FAILURE_STATUSES: readonly ProjectStatus[] = Object.freeze(['RESTORE_FAILED', 'INIT_FAILED', 'REMOVED', 'GOING_DOWN', 'PAUSE_FAILED']);

const HINTS: Partial<Record<ProjectStatus, string>> = {
  INIT_FAILED: 'provisioning failed; delete the project and create it again, or contact Supabase support',
  REMOVED: 'the project was deleted',
  GOING_DOWN: 'the project is being paused or deleted',
  INACTIVE: 'the project is paused; call restoreAProject({ ref }) to bring it back',
  PAUSING: 'the project is being paused',
  PAUSE_FAILED: 'pausing failed; contact Supabase support',
  RESTORE_FAILED: 'the restore failed; contact Supabase support',
};

/** A sentence on what a failure status means and what to do about it. */
export function describeProjectStatus(status: ProjectStatus): string {
  return `it is ${status} (${HINTS[status] ?? 'it cannot become healthy from here'})`;
}
