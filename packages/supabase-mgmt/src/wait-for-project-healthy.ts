import type { RequestOptions } from '@x/core';
import type { HelperContext } from './helper-context';
import { pollUntilHealthy, type WaitOptions } from './poll';
import { PROJECT_FAILURE_STATUSES } from './project-status';
import type { components } from './generated/schema';

/** A project as `getProject` returns it. */
export type Project = components['schemas']['V1ProjectWithDatabaseResponse'];

/**
 * Polls `getProject` until the project is `ACTIVE_HEALTHY`. Fails fast (WaitFailedError, with the project as `last`)
 * on a status it cannot come back from (PROJECT_FAILURE_STATUSES); TimeoutError after `timeoutMs` (default 10 min).
 */
export function waitForProjectHealthy(context: HelperContext, ref: string, options: WaitOptions<Project> = {}): Promise<Project> {
  return pollUntilHealthy(
    context,
    {
      operation: 'waitForProjectHealthy',
      description: `project ${ref} to become ACTIVE_HEALTHY`,
      defaultTimeoutMs: 600_000,
      failures: PROJECT_FAILURE_STATUSES,
      check: (signal) => context.methods.getProject({ ref }, { signal } satisfies RequestOptions),
    },
    options,
  );
}
