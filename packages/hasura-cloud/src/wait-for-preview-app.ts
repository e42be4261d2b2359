import { waitFor, WaitFailedError } from '@x/core';
import type { CallOptions, HasuraContext, SignalOptions } from './context';
import { asProjectId, type ProjectId } from './ids';
import { describeJobFailure, getJob, type Job } from './jobs';

/** Where a preview app stands, on every poll. */
export interface PreviewAppProgress {
  /** `creation` (the project), then `deployment` (metadata and migrations from the branch). */
  phase: 'creation' | 'deployment';
  job: Job;
  elapsedMs: number;
}

/** Options of `waitForPreviewApp`. */
export interface WaitForPreviewAppOptions extends SignalOptions {
  /** Poll interval. Default 2 s. */
  intervalMs?: number;
  /** Give up after this long, both jobs together. Default 10 minutes. */
  timeoutMs?: number;
  onProgress?: (progress: PreviewAppProgress) => void;
  /** The preview app's name, to build its GraphQL URL (`https://<name>.hasura.app/v1/graphql`). */
  name?: string;
}

/** A finished preview app. */
export interface PreviewAppResult {
  /** `success`, or `skipped` when Hasura decided there was nothing to create. */
  status: 'success' | 'skipped';
  projectId: ProjectId | null;
  consoleUrl: string | null;
  graphqlEndpoint: string | null;
  creationJob: Job;
  /** The job that applied metadata and migrations (null when none was reported). */
  deploymentJob: Job | null;
}

/**
 * Polls the creation job until it ends, then follows the deployment job it reports, on the client's clock. A failed
 * job throws WaitFailedError naming each failed step and its errors (`last` holds the job with every event).
 */
export async function waitForPreviewApp(context: HasuraContext, jobId: string, options: WaitForPreviewAppOptions = {}): Promise<PreviewAppResult> {
  const started = context.clock.now();
  const timeoutMs = options.timeoutMs ?? 600_000;
  const follow = (id: string, phase: PreviewAppProgress['phase']) =>
    waitFor<Job>({
      check: (signal) => getJob(context, id, { signal }),
      until: (job) => job.done && job.status !== 'failed',
      failed: (job) => (job.status === 'failed' ? describeJobFailure(job) : undefined),
      intervalMs: options.intervalMs ?? 2_000,
      backoff: 1,
      timeoutMs: Math.max(0, timeoutMs - (context.clock.now() - started)),
      signal: options.signal,
      onProgress: (job) => options.onProgress?.({ phase, job, elapsedMs: context.clock.now() - started }),
      description: `preview app ${phase} job ${id}`,
      clock: context.clock,
    }).catch((error: unknown) => {
      if (error instanceof WaitFailedError) {
        Object.assign(error, { provider: 'hasura', operation: 'waitForPreviewApp' });
      }
      throw error;
    });

  const creationJob = await follow(jobId, 'creation');
  const outcome = findOutcome(creationJob);
  const name = options.name;
  const base = {
    projectId: outcome.projectId,
    consoleUrl: outcome.projectId ? `https://cloud.hasura.io/project/${outcome.projectId}/console` : null,
    graphqlEndpoint: name ? `https://${name}.hasura.app/v1/graphql` : null,
    creationJob,
  };
  if (creationJob.status === 'skipped' || !outcome.deploymentJobId) {
    return { status: creationJob.status === 'skipped' ? 'skipped' : 'success', ...base, deploymentJob: null };
  }
  const deploymentJob = await follow(outcome.deploymentJobId, 'deployment');
  return { status: 'success', ...base, deploymentJob };
}

/** The project and deployment job a finished creation job reports in its success event. */
function findOutcome(job: Job): { projectId: ProjectId | null; deploymentJobId: string | undefined } {
  for (const task of job.tasks) {
    for (const event of task.events) {
      const data = event.data as { projectId?: unknown; githubDeploymentJobID?: unknown } | null;
      if (event.type !== 'success' || !data || typeof data !== 'object') continue;
      const projectId = typeof data.projectId === 'string' ? asProjectId(data.projectId) : null;
      const deploymentJobId = typeof data.githubDeploymentJobID === 'string' ? data.githubDeploymentJobID : undefined;
      if (projectId || deploymentJobId) return { projectId, deploymentJobId };
    }
  }
  return { projectId: null, deploymentJobId: undefined };
}
