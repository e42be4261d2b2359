import type { HelperContext } from './helper-context';
import { pollUntilHealthy, type WaitOptions } from './poll';
import { RESTORE_FAILURE_STATUSES } from './project-status';
import type { Project } from './wait-for-project-healthy';

/**
 * After `restoreAProject` (or a backup restore), polls `getProject` until the project is `ACTIVE_HEALTHY` again.
 * `INACTIVE` and `RESTORING` are waited through; RESTORE_FAILURE_STATUSES fail at once. Default timeout 30 min.
 */
export function waitForRestore(context: HelperContext, ref: string, options: WaitOptions<Project> = {}): Promise<Project> {
  return pollUntilHealthy(
    context,
    {
      operation: 'waitForRestore',
      description: `project ${ref} to finish restoring`,
      defaultTimeoutMs: 1_800_000,
      failures: RESTORE_FAILURE_STATUSES,
      check: (signal) => context.methods.getProject({ ref }, { signal }),
    },
    options,
  );
}
