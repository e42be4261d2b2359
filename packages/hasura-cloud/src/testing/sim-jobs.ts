/** A job of the simulator: steps that run one after another on the simulator's clock. */
export interface SimJob {
  id: string;
  kind: 'creation' | 'deployment';
  createdAt: number;
  stepMs: number;
  cloud: string;
  region: string;
  skipped: boolean;
  steps: SimStep[];
  /** Called once when the last step succeeds; its result becomes that step's success event data. */
  onSuccess?: (finishedAt: number) => Record<string, unknown>;
  result?: Record<string, unknown>;
}

/** One step (a task) of a job, with the ids of its two events. */
export interface SimStep {
  id: string;
  name: string;
  eventIds: [string, string];
  failure?: { error: string; githubDetail?: string };
}

/** The steps of the deployment job, in order: what a preview app's metadata and migrations go through. */
export const DEPLOYMENT_STEPS = ['gh-validation', 'parse-metadata-migration', 'parse-migration', 'parse-metadata', 'apply-metadata', 'apply-migration', 'reload-metadata', 'check-healthz'] as const;

/** The simulator's creation job has one step. */
export const CREATION_STEPS = ['create-project'] as const;

/** The job's status at `now`: `running`, then `success`, `failed` or `skipped`. */
export function jobStatus(job: SimJob, now: number): 'running' | 'success' | 'failed' | 'skipped' {
  if (job.skipped) return 'skipped';
  for (let i = 0; i < job.steps.length; i++) {
    if (now < stepEnd(job, i)) return 'running';
    if (job.steps[i]!.failure) return 'failed';
  }
  return 'success';
}

/** When the job stopped changing (its last step's end, or its failed step's end). */
export function jobEnd(job: SimJob): number {
  const failed = job.steps.findIndex((step) => step.failure);
  return stepEnd(job, failed >= 0 ? failed : job.steps.length - 1);
}

function stepStart(job: SimJob, index: number): number {
  return job.createdAt + index * job.stepMs;
}

function stepEnd(job: SimJob, index: number): number {
  return stepStart(job, index + 1);
}

/** The tasks and events visible at `now` (a step appears once it started; later steps of a failed job never do). */
export function visibleTasks(job: SimJob, now: number) {
  if (job.skipped) return [];
  const tasks = [];
  for (let i = 0; i < job.steps.length; i++) {
    const step = job.steps[i]!;
    const start = stepStart(job, i);
    const end = stepEnd(job, i);
    if (now < start) break;
    const events = [{ id: step.eventIds[0], event_type: 'created', public_event_data: { task: step.name }, error: null, github_detail: null, at: start }];
    const last = i === job.steps.length - 1;
    if (now >= end) {
      events.push(
        step.failure
          ? { id: step.eventIds[1], event_type: 'failed', public_event_data: null as never, error: step.failure.error as never, github_detail: (step.failure.githubDetail ?? null) as never, at: end }
          : { id: step.eventIds[1], event_type: 'success', public_event_data: (last ? (job.result ?? {}) : { task: step.name }) as never, error: null, github_detail: null, at: end },
      );
    }
    tasks.push({ id: step.id, name: step.name, cloud: job.cloud, region: job.region, createdAt: start, updatedAt: now >= end ? end : start, events });
    if (step.failure && now >= end) break;
  }
  return tasks;
}
