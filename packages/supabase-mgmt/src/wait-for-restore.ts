import type { HelperContext } from './helper-context';
import { poll, type WaitOptions } from './poll';
import { describeProjectStatus, RESTORE_FAILURE_STATUSES } from './project-status';
import type { Project } from './wait-for-project-healthy';

/**
 * After `restoreAProject` (or a backup restore), polls `getProject` until the project is `ACTIVE_HEALTHY` again.
 * `INACTIVE` and `RESTORING` are waited through; RESTORE_FAILURE_STATUSES fail at once. Default timeout 30 min.
 */
export function waitForRestore(context: HelperContext, ref: string, options: WaitOptions<Project> = {}): Promise<Project> {
  return poll<Project>(
    context,
    {
      operation: 'waitForRestore',
      description: `project ${ref} to finish restoring`,
      defaultTimeoutMs: 1_800_000,
      defaultIntervalMs: 5_000,
      check: (signal) => context.methods.getProject({ ref }, { signal }),
      until: (project) => project.status === 'ACTIVE_HEALTHY',
      failed: (project) => (RESTORE_FAILURE_STATUSES.includes(project.status) ? describeProjectStatus(project.status) : undefined),
      summary: (project) => project.status,
    },
    options,
  );
}
