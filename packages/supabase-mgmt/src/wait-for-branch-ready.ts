import type { HelperContext } from './helper-context';
import { pollUntilHealthy, type WaitOptions } from './poll';
import { PROJECT_FAILURE_STATUSES } from './project-status';
import type { components } from './generated/schema';

/** A branch's details as `getABranchConfig` returns them (its preview project's status and connection). */
export type BranchDetail = components['schemas']['BranchDetailResponse'];

/**
 * Polls `getABranchConfig` until the branch's preview project is `ACTIVE_HEALTHY`; accepts the branch's project
 * ref or its (deprecated) UUID. Fails fast on PROJECT_FAILURE_STATUSES; default timeout 15 min.
 */
export function waitForBranchReady(context: HelperContext, branchIdOrRef: string, options: WaitOptions<BranchDetail> = {}): Promise<BranchDetail> {
  return pollUntilHealthy(
    context,
    {
      operation: 'waitForBranchReady',
      description: `branch ${branchIdOrRef} to become ready`,
      defaultTimeoutMs: 900_000,
      failures: PROJECT_FAILURE_STATUSES,
      check: (signal) => context.methods.getABranchConfig({ branch_id_or_ref: branchIdOrRef }, { signal }),
    },
    options,
  );
}
