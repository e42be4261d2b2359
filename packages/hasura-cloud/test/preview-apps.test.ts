import { describe, expect, it } from 'vitest';
import { AbortError, NotFoundError, TimeoutError, ValidationError, WaitFailedError, type Job, type PreviewAppProgress } from '../src';
import { DEPLOYMENT_STEPS } from '../src/testing';
import { rejection, useSimulator } from './helpers';

const { start } = useSimulator();

const input = {
  githubPersonalAccessToken: 'ghp_previewCanary0123456789abcdef',
  owner: 'my-org',
  repo: 'my-repo',
  branch: 'feature-x',
  directory: 'backend/hasura',
  cloud: 'aws',
  region: 'us-east-2',
  plan: 'cloud_free',
  name: 'my-app-pr-42',
  envVars: { HASURA_GRAPHQL_AUTH_HOOK: 'https://hooks.example.com' },
};

describe('preview apps', () => {
  it('creates a preview app and waits, on the virtual clock, through creation and deployment', async () => {
    const { sim, client, clock } = start();
    const started = clock.now();
    const jobId = await client.createPreviewApp(input);
    const progress: PreviewAppProgress[] = [];
    const result = await client.waitForPreviewApp(jobId, { name: input.name, onProgress: (p) => progress.push(p) });

    const project = sim.state.projectByName(input.name)!;
    expect(result).toMatchObject({
      status: 'success',
      projectId: project.id,
      consoleUrl: `https://cloud.hasura.io/project/${project.id}/console`,
      graphqlEndpoint: 'https://my-app-pr-42.hasura.app/v1/graphql',
      creationJob: { id: jobId, status: 'success', done: true },
      deploymentJob: { status: 'success', done: true },
    });
    expect(result.deploymentJob!.tasks.map((t) => t.name)).toEqual([...DEPLOYMENT_STEPS]);
    expect(result.deploymentJob!.tasks.every((t) => t.status === 'success' && t.events.map((e) => e.type).join() === 'success,created')).toBe(true);
    expect(sim.state.envOf(project.tenantId)).toMatchObject(input.envVars);

    expect(progress[0]).toMatchObject({ phase: 'creation', job: { status: 'running' } });
    expect(progress.some((p) => p.phase === 'deployment' && p.job.status === 'running')).toBe(true);
    // Polled every 2 s by default: 1 creation step + 8 deployment steps of 3 s each.
    const elapsed = clock.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(27_000);
    expect(elapsed).toBeLessThan(27_000 + 2 * 2_000 + 1);
    expect(progress.slice(1).every((p, i) => p.elapsedMs - progress[i]!.elapsedMs <= 2_000)).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('sends the documented payload shape with envVars as key/value pairs', async () => {
    const { sim, client } = start();
    await client.createPreviewApp(input);
    const sent = sim.state.calls.find((c) => c.operationName === 'CreateGitHubPreviewApp')!.variables as Record<string, unknown>;
    expect(sent).toMatchObject({ owner: 'my-org', repo: 'my-repo', branch: 'feature-x', directory: 'backend/hasura', name: 'my-app-pr-42', envVars: [{ key: 'HASURA_GRAPHQL_AUTH_HOOK' }] });
  });

  it('fails with WaitFailedError naming the failed step and its error, with every event in `last`', async () => {
    const { sim, client } = start();
    sim.faults.failNextPreviewApp({ task: 'apply-migration', error: 'relation "users" already exists', githubDetail: 'migration 1690000000_init' });
    const jobId = await client.createPreviewApp(input);
    const error = await rejection(client.waitForPreviewApp(jobId));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toMatch(/deployment job/);
    expect(error.message).toMatch(/apply-migration: relation "users" already exists; migration 1690000000_init/);
    const job = (error as WaitFailedError).last as Job;
    expect(job.status).toBe('failed');
    expect(job.tasks.at(-1)).toMatchObject({ name: 'apply-migration', status: 'failed', errors: ['relation "users" already exists', 'migration 1690000000_init'] });
    expect(job.tasks.map((t) => t.name)).not.toContain('reload-metadata');
  });

  it('fails during creation too', async () => {
    const { sim, client } = start();
    sim.faults.failNextPreviewApp({ job: 'creation', task: 'create-project', error: 'branch feature-x not found' });
    const error = await rejection(client.waitForPreviewApp(await client.createPreviewApp(input)));
    expect(error).toBeInstanceOf(WaitFailedError);
    expect(error.message).toMatch(/creation job .*branch feature-x not found/);
    expect(sim.state.projectByName(input.name)).toBeUndefined();
  });

  it('returns `skipped` without a deployment when Hasura skips the job', async () => {
    const { sim, client } = start();
    sim.faults.skipNextPreviewApp();
    const result = await client.waitForPreviewApp(await client.createPreviewApp(input));
    expect(result).toMatchObject({ status: 'skipped', projectId: null, deploymentJob: null });
  });

  it('gives up after timeoutMs with a TimeoutError', async () => {
    const { client } = start();
    const jobId = await client.createPreviewApp(input);
    await expect(client.waitForPreviewApp(jobId, { timeoutMs: 10_000 })).rejects.toBeInstanceOf(TimeoutError);
  });

  it('stops polling when the signal aborts', async () => {
    const { sim, client, clock } = start();
    const jobId = await client.createPreviewApp(input);
    const controller = new AbortController();
    const waiting = client.waitForPreviewApp(jobId, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
    const polls = sim.state.count('GetJob');
    await clock.advance(60_000);
    expect(sim.state.count('GetJob')).toBe(polls);
  });

  it('reads a job by id, and fails for an unknown one', async () => {
    const { client } = start();
    const jobId = await client.createPreviewApp(input);
    await expect(client.getJob(jobId)).resolves.toMatchObject({ id: jobId, status: 'running', done: false, tasks: [{ name: 'create-project', status: 'created' }] });
    await expect(client.getJob('00000000-0000-4000-8000-0000000fffff')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('deletes a preview app by name', async () => {
    const { sim, client } = start();
    await client.waitForPreviewApp(await client.createPreviewApp(input));
    await expect(client.deletePreviewApp(input.name)).resolves.toEqual({ status: 'deleted' });
    expect(sim.state.projectByName(input.name)).toBeUndefined();
    await expect(client.deletePreviewApp(input.name)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('checks required fields before sending', async () => {
    const { sim, client } = start();
    const error = await rejection(client.createPreviewApp({ ...input, branch: '', directory: ' ' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/branch, directory are required/);
    expect(sim.state.calls).toHaveLength(0);
  });
});
