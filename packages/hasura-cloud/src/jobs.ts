import type { CallOptions, HasuraContext } from './context';
import { notFound } from './errors';
import type { GetJobQuery } from './generated/graphql';

/** One event of a task (newest first in `JobTask.events`). */
export interface JobEvent {
  id: string;
  /** `created`, `success` or `failed`. */
  type: string | null;
  /** What the step reported (on a finished creation job: `projectId` and `githubDeploymentJobID`). */
  data: unknown;
  error: string | null;
  /** GitHub's side of a failure (a missing branch, a bad token...). */
  githubDetail: string | null;
}

/** One step of a job, such as `apply-migration` or `check-healthz`. */
export interface JobTask {
  id: string;
  name: string | null;
  cloud: string | null;
  region: string | null;
  /** The type of the newest event: where this step stands. */
  status: string | null;
  /** Every event, newest first. */
  events: JobEvent[];
  /** The errors its events reported, oldest first. */
  errors: string[];
}

/** An asynchronous job (preview-app creation, or the deployment that follows it). */
export interface Job {
  id: string;
  /** `success`, `failed` or `skipped` once finished; anything else means still running. */
  status: string | null;
  /** True once the status is terminal. */
  done: boolean;
  tasks: JobTask[];
}

/** The statuses after which a job never changes. */
export const TERMINAL_JOB_STATUSES: readonly string[] = ['success', 'failed', 'skipped'];

type JobRow = NonNullable<GetJobQuery['jobs_by_pk']>;

/** Maps a jobs_by_pk row. */
export function toJob(row: JobRow): Job {
  const tasks = row.tasks.map((task) => {
    const events = task.task_events.map((event) => ({ id: event.id, type: event.event_type, data: event.public_event_data, error: event.error, githubDetail: event.github_detail }));
    const errors = [...events].reverse().flatMap((event) => [event.error, event.githubDetail]).filter((text): text is string => !!text);
    return { id: task.id, name: task.name, cloud: task.cloud, region: task.region, status: events[0]?.type ?? null, events, errors };
  });
  return { id: row.id, status: row.status, done: TERMINAL_JOB_STATUSES.includes(row.status ?? ''), tasks };
}

/** One job with every task and event (tasks in run order, events newest first). */
export async function getJob(context: HasuraContext, jobId: string, options: CallOptions = {}): Promise<Job> {
  const data = await context.sdk(options).GetJob({ jobId, taskOrderBy: [{ updated_at: 'asc' }], eventOrderBy: [{ created_at: 'desc' }] }, undefined, options.signal);
  if (!data.jobs_by_pk) throw notFound('GetJob', `No Hasura Cloud job ${jobId} is visible to this token. Use the id createPreviewApp returned.`);
  return toJob(data.jobs_by_pk);
}

/** A one-line account of what failed in a job: each failed step with its errors. */
export function describeJobFailure(job: Job): string {
  const failed = job.tasks.filter((task) => task.status === 'failed' || task.errors.length > 0);
  if (failed.length === 0) return `job ${job.id} ended ${job.status ?? 'without a status'} with no error reported`;
  return failed.map((task) => `${task.name ?? task.id}: ${task.errors.join('; ') || 'failed'}`).join(' | ');
}
