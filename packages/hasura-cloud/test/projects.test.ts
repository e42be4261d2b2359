import { describe, expect, it } from 'vitest';
import { faults } from '@x/core/testing';
import { ConflictError, NotFoundError, TimeoutError, ValidationError, asProjectId, asTenantId } from '../src';
import { rejection, useSimulator } from './helpers';

const { start } = useSimulator();

describe('projects', () => {
  it('lists every project page by page, oldest first', async () => {
    const { sim, client, clock } = start();
    for (const name of ['p-one', 'p-two', 'p-three', 'p-four', 'p-five']) {
      sim.state.addProject({ name });
      await clock.advance(1_000);
    }
    const pages = [];
    for await (const page of client.listProjects({ limit: 2 }).pages()) pages.push(page.items.map((p) => p.name));
    expect(pages).toEqual([['p-one', 'p-two'], ['p-three', 'p-four'], ['p-five']]);
    expect(sim.state.count('ListProjects')).toBe(3);
    expect(sim.state.calls.filter((c) => c.operationName === 'ListProjects').map((c) => (c.variables as { offset: number }).offset)).toEqual([0, 2, 4]);
  });

  it('filters with a Hasura where and stops at maxItems', async () => {
    const { sim, client } = start();
    for (const name of ['preview-a', 'prod-api', 'preview-b', 'preview-c']) sim.state.addProject({ name });
    const previews = await client.listProjects({ where: { name: { _like: 'preview-%' } }, orderBy: [{ name: 'desc' }] }).toArray();
    expect(previews.map((p) => p.name)).toEqual(['preview-c', 'preview-b', 'preview-a']);
    expect(await client.listProjects({ maxItems: 2 }).toArray()).toHaveLength(2);
  });

  it('gets a project with its tenant id, finds one by name, and resolves the tenant id', async () => {
    const { sim, client } = start();
    const { projectId, tenantId } = sim.state.addProject({ name: 'alpha' });
    const project = await client.getProject(asProjectId(projectId));
    expect(project).toMatchObject({ id: projectId, name: 'alpha', endpoint: 'https://alpha.hasura.app', tenantId });
    expect(project.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await client.findProjectByName('alpha')).toEqual(project);
    expect(await client.findProjectByName('nope')).toBeUndefined();
    expect(await client.resolveTenantId(asProjectId(projectId))).toBe(tenantId);
    expect(tenantId).not.toBe(projectId);
  });

  it('fails resolveTenantId for an unknown project with NotFoundError', async () => {
    const { client } = start();
    await expect(client.resolveTenantId(asProjectId('00000000-0000-4000-8000-00000000abcd'))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('renames a project with update_projects_by_pk', async () => {
    const { sim, client } = start();
    const { projectId } = sim.state.addProject({ name: 'alpha' });
    const renamed = await client.renameProject(asProjectId(projectId), 'beta');
    expect(renamed.name).toBe('beta');
    expect(renamed.endpoint).toBe('https://beta.hasura.app');
    expect(sim.state.projects.get(projectId)?.name).toBe('beta');
  });

  it('deletes a project through its tenant', async () => {
    const { sim, client } = start();
    const { projectId } = sim.state.addProject({ name: 'alpha' });
    await expect(client.deleteProject(asProjectId(projectId))).resolves.toEqual({ status: 'deleted' });
    expect(sim.state.projects.size).toBe(0);
    expect(sim.state.calls.map((c) => c.operationName)).toEqual(['GetProjectTenantId', 'DeleteTenant']);
  });
});

describe('createProject', () => {
  it('creates without env vars, then sets them, then waits on the client clock until the project answers', async () => {
    const { sim, client, clock } = start();
    const started = clock.now();
    const seen: boolean[] = [];
    const created = await client.createProject(
      { cloud: 'aws', region: 'us-east-2', plan: 'cloud_free', name: 'fresh-api', envVars: { ACTIONS_URL: 'https://actions.example.com' } },
      { onProgress: (health) => seen.push(health.ready) },
    );
    expect(created.project.name).toBe('fresh-api');
    expect(created.health?.ready).toBe(true);
    expect(sim.state.envOf(created.tenantId)).toMatchObject({ ACTIONS_URL: 'https://actions.example.com' });
    expect(created.envHash).toBe(sim.state.hashOf(created.tenantId));
    const operations = sim.state.calls.map((c) => c.operationName);
    expect(operations.slice(0, 5)).toEqual(['FindProjectByName', 'CreateTenant', 'GetProject', 'GetTenantEnv', 'UpdateTenantEnv']);
    expect(operations.slice(5).every((name) => name === 'GetTenantHealth')).toBe(true);
    expect(sim.state.calls.find((c) => c.operationName === 'CreateTenant')?.variables).not.toHaveProperty('envs');
    expect(seen.at(-1)).toBe(true);
    expect(seen.filter((ready) => !ready).length).toBeGreaterThan(0);
    expect(clock.now() - started).toBeGreaterThanOrEqual(20_000);
  });

  it('renames the project when createTenant did not apply the requested name', async () => {
    const { sim, client } = start();
    sim.faults.createTenantIgnoresName();
    const created = await client.createProject({ cloud: 'aws', region: 'us-east-2', name: 'wanted-name' }, { waitUntilReady: false });
    expect(created.project.name).toBe('wanted-name');
    expect(sim.state.count('RenameProject')).toBe(1);
    expect(sim.state.projectByName('wanted-name')?.id).toBe(created.project.id);
  });

  it('leaves no timer behind once it returns', async () => {
    const { client, clock } = start();
    await client.createProject({ cloud: 'aws', region: 'us-east-2', name: 'tidy', envVars: { A: '1' } });
    expect(clock.pending).toBe(0);
  });

  it('refuses a name that is already taken before sending anything', async () => {
    const { sim, client } = start();
    sim.state.addProject({ name: 'taken' });
    const error = await rejection(client.createProject({ cloud: 'aws', region: 'us-east-2', name: 'taken' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(sim.state.count('CreateTenant')).toBe(0);
  });

  it('after a reset once createTenant was sent, adopts the project by name instead of creating it twice', async () => {
    const { sim, client } = start();
    sim.faults.inject(faults.reset(), { operation: 'CreateTenant', after: true });
    const created = await client.createProject({ cloud: 'aws', region: 'us-east-2', name: 'adopt-me' }, { waitUntilReady: false });
    expect(created.project.name).toBe('adopt-me');
    expect(sim.state.count('CreateTenant')).toBe(1);
    expect(sim.state.projects.size).toBe(1);
  });

  it('after a reset without a name, says the project may exist and does not resend', async () => {
    const { sim, client } = start();
    sim.faults.inject(faults.reset(), { operation: 'CreateTenant', after: true });
    const error = await rejection(client.createProject({ cloud: 'aws', region: 'us-east-2' }));
    expect(error.message).toMatch(/may have been created anyway/);
    expect(sim.state.count('CreateTenant')).toBe(1);
  });

  it('gives up waiting with a TimeoutError naming the tenant', async () => {
    const { client } = start({ sim: { timings: { provisionMs: 60 * 60_000 } } });
    const error = await rejection(client.createProject({ cloud: 'gcp', region: 'us-central1', name: 'slow-one' }, { timeoutMs: 30_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/to answer/);
  });

  it('rejects a non-string env value before creating anything', async () => {
    const { sim, client } = start();
    await expect(client.createProject({ cloud: 'aws', region: 'us-east-2', envVars: { PORT: 8080 as unknown as string } })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.state.calls).toHaveLength(0);
  });

  it('passes the server refusal of a bad region through as a typed error', async () => {
    const { client } = start();
    const error = await rejection(client.createProject({ cloud: 'aws', region: 'mars-north-1' }));
    expect(error.name).toBe('BadRequestError');
    expect(error.message).toMatch(/region "mars-north-1" is not available on aws/);
  });

  it('waits for a tenant by id with waitForTenantReady', async () => {
    const { sim, client } = start();
    const { tenantId } = sim.state.addProject({ name: 'later', ready: false });
    const health = await client.waitForTenantReady(asTenantId(tenantId), { intervalMs: 1_000 });
    expect(health.ready).toBe(true);
  });
});
