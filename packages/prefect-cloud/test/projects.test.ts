import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('projects', () => {
  it('creates a project in the client tenant and lists it by name with the aggregate total', async () => {
    const client = env.client();
    const { id } = await client.createProject({ name: 'analytics', description: 'BI jobs' });
    const projects = client.listProjects();
    expect((await projects.toArray()).map((p) => [p.name, p.description])).toEqual([['analytics', 'BI jobs'], ['data-eng', 'Pipelines of the data team']]);
    expect(projects.total).toBe(2);
    expect(env.sim.state.projects.get(id)!.tenant_id).toBe(env.sim.state.defaults.tenant.id);
    expect((await client.listProjects({ name: 'analytics' }).toArray()).map((p) => p.id)).toEqual([id]);
  });

  it('creates the project in the tenant switched to', async () => {
    const client = env.client();
    await client.switchTenant({ slug: 'globex' });
    const { id } = await client.createProject({ name: 'finance' });
    expect(env.sim.state.projects.get(id)!.tenant_id).toBe(env.sim.state.defaults.otherTenant.id);
  });

  it('deletes a project with its flows, and says so when it is already gone', async () => {
    const client = env.client();
    const { project } = env.sim.state.defaults;
    await client.deleteProject(project.id);
    expect(await client.listFlows({ includeArchived: true }).toArray()).toEqual([]);
    await expect(client.deleteProject(project.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('needs a name', async () => {
    await expect(env.client().createProject({ name: ' ' })).rejects.toBeInstanceOf(ValidationError);
  });
});
