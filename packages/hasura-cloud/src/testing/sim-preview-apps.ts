import { envHash } from './env-hash';
import { CREATION_STEPS, DEPLOYMENT_STEPS, jobEnd, type SimJob } from './sim-jobs';
import { SimError, type HasuraSimState } from './sim-state';

/** A step that fails: which task, and what it reports. */
export interface StepFailure {
  task: string;
  error: string;
  githubDetail?: string;
}

/** How the next preview app will go. */
export interface PreviewPlan {
  skip?: boolean;
  creationFailure?: StepFailure;
  deploymentFailure?: StepFailure;
}

/** The createGitHubPreviewApp payload. */
export interface PreviewPayload {
  githubPersonalAccessToken: string;
  githubRepoDetails: { owner: string; repo: string; branch: string; directory: string };
  projectOptions: { cloud: string; region: string; plan: string; name: string; envVars?: Array<{ key: string; value: string } | null> | null };
}

const NAME = /^[a-z0-9][a-z0-9-]{1,60}[a-z0-9]$/;

/** Queues a preview app: a creation job, then (once it succeeds, on the state's clock) a deployment job. */
export function queuePreviewApp(state: HasuraSimState, payload: PreviewPayload, plan: PreviewPlan = {}): SimJob {
  const options = payload.projectOptions;
  if (!payload.githubPersonalAccessToken.trim()) throw new SimError('githubPersonalAccessToken is empty', 'bad-request');
  if (!NAME.test(options.name)) throw new SimError(`invalid name "${options.name}": use lowercase letters, digits and hyphens`, 'bad-request');
  if (state.projectByName(options.name)) throw new SimError(`a project named ${options.name} already exists`, 'already-exists');
  const job = newJob(state, 'creation', options.cloud, options.region, CREATION_STEPS, plan.creationFailure, state.now());
  job.skipped = plan.skip ?? false;
  job.onSuccess = (finishedAt) => {
    const envs = (options.envVars ?? []).filter((env): env is { key: string; value: string } => !!env);
    const tenant = state.createTenant({ cloud: options.cloud, region: options.region, plan: options.plan, name: options.name });
    tenant.environment = { ...tenant.environment, ...Object.fromEntries(envs.map((env) => [env.key, env.value])) };
    tenant.liveHash = envHash(tenant.environment);
    const deployment = newJob(state, 'deployment', options.cloud, options.region, DEPLOYMENT_STEPS, plan.deploymentFailure, finishedAt);
    tenant.readyAt = jobEnd(deployment);
    return { projectId: tenant.projectId, githubDeploymentJobID: deployment.id };
  };
  return job;
}

function newJob(state: HasuraSimState, kind: SimJob['kind'], cloud: string, region: string, names: readonly string[], failure: StepFailure | undefined, createdAt: number): SimJob {
  const steps = names.map((name) => ({ id: state.ids.uuid(), name, eventIds: [state.ids.uuid(), state.ids.uuid()] as [string, string], failure: failure?.task === name ? failure : undefined }));
  const job: SimJob = { id: state.ids.uuid(), kind, createdAt, stepMs: state.timings.jobStepMs, cloud, region, skipped: false, steps };
  state.jobs.set(job.id, job);
  return job;
}
