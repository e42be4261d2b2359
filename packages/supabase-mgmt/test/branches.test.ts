import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

function withProject() {
  const setup = simulated();
  const project = setup.sim.state.addProject({ name: 'app', organization_slug: 'acme' });
  return { ...setup, ref: project.ref };
}

describe('branches', () => {
  it('creates a branch (201) that turns branching on, lists it beside the default, gets it by name', async () => {
    const { client, ref } = withProject();
    const branch = await client.createABranch({ ref, body: { branch_name: 'feature-x', git_branch: 'feature/x' } });
    expect(branch).toMatchObject({ name: 'feature-x', parent_project_ref: ref, is_default: false, status: 'CREATING_PROJECT', preview_project_status: 'COMING_UP', git_branch: 'feature/x' });
    expect(branch.project_ref).toMatch(/^[a-z]{20}$/);
    const branches = await client.listAllBranches({ ref });
    expect(branches.map((candidate) => [candidate.name, candidate.is_default])).toEqual([
      ['main', true],
      ['feature-x', false],
    ]);
    expect((await client.getABranch({ ref, name: 'feature-x' })).id).toBe(branch.id);
  });

  it('reads branch details by project ref and by UUID, through both layers', async () => {
    const { client, ref } = withProject();
    const branch = await client.createABranch({ ref, body: { branch_name: 'dev' } });
    const byRef = await client.getABranchConfig({ branch_id_or_ref: branch.project_ref });
    const byId = await client.getABranchConfig({ branch_id_or_ref: branch.id });
    expect(byRef).toEqual(byId);
    expect(byRef).toMatchObject({ ref: branch.project_ref, status: 'COMING_UP', db_port: 5432 });
    const { data, response } = await client.raw.GET('/v1/branches/{branch_id_or_ref}', { params: { path: { branch_id_or_ref: branch.id } } });
    expect(response.status).toBe(200);
    expect(data?.ref).toBe(branch.project_ref);
  });

  it('encodes a branch_id_or_ref so a value like ../../v1/projects cannot change the route', async () => {
    const { client, sim } = withProject();
    const error = await rejection(client.getABranchConfig({ branch_id_or_ref: '../../v1/projects' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('Branch ../../v1/projects not found');
    expect(sim.calls.at(-1)).toMatchObject({ method: 'GET', path: '/v1/branches/..%2F..%2Fv1%2Fprojects', operation: 'getABranchConfig' });
  });

  it('returns the diff as text, pushes (an action run), updates and deletes a branch', async () => {
    const { client, ref, sim } = withProject();
    const branch = await client.createABranch({ ref, body: { branch_name: 'schema' } });
    const diff = await client.diffABranch({ branch_id_or_ref: branch.project_ref, included_schemas: 'public' });
    expect(typeof diff).toBe('string');
    expect(diff).toContain('create table public.todos');
    const pushed = await client.pushABranch({ branch_id_or_ref: branch.id, body: {} });
    expect(pushed.message).toBe('ok');
    expect(sim.state.actionRuns.get(branch.project_ref)?.map((run) => run.id)).toEqual([pushed.workflow_run_id]);
    const renamed = await client.updateABranchConfig({ branch_id_or_ref: branch.id, body: { branch_name: 'schema-v2' } });
    expect(renamed.name).toBe('schema-v2');
    expect(await client.deleteABranch({ branch_id_or_ref: branch.project_ref })).toEqual({ message: 'ok' });
    expect(await rejection(client.getABranchConfig({ branch_id_or_ref: branch.id }))).toBeInstanceOf(NotFoundError);
  });

  it('refuses to delete the default branch and disables branching as a whole', async () => {
    const { client, ref, sim } = withProject();
    await client.createABranch({ ref, body: { branch_name: 'a' } });
    const main = (await client.listAllBranches({ ref })).find((branch) => branch.is_default)!;
    expect(await rejection(client.deleteABranch({ branch_id_or_ref: main.id }))).toBeInstanceOf(BadRequestError);
    await client.disablePreviewBranching({ ref });
    expect(sim.state.branches.size).toBe(0);
  });
});
