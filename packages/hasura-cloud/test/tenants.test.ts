import { describe, expect, it } from 'vitest';
import { NotFoundError, asTenantId } from '../src';
import { useSimulator } from './helpers';

const { start } = useSimulator();

describe('tenants', () => {
  it('gets a tenant with its project, config hash, domains and health', async () => {
    const { sim, client } = start();
    const { projectId, tenantId } = sim.state.addProject({ name: 'alpha', cloud: 'gcp', region: 'us-central1' });
    sim.state.addDomain(tenantId, 'api.example.com');
    const tenant = await client.getTenant(asTenantId(tenantId));
    expect(tenant).toMatchObject({
      id: tenantId,
      slug: 'alpha',
      cloud: 'gcp',
      region: 'us-central1',
      configHash: sim.state.hashOf(tenantId),
      project: { id: projectId, name: 'alpha', endpoint: 'https://alpha.hasura.app' },
      customDomains: [{ fqdn: 'api.example.com' }],
      active: true,
      ready: true,
      publicStatus: { isActive: true, endpoint: 'https://alpha.hasura.app' },
    });
  });

  it('lists tenants page by page and finds one by slug and by project name', async () => {
    const { sim, client } = start();
    for (const name of ['t-one', 't-two', 't-three']) sim.state.addProject({ name });
    const all = await client.listTenants({ limit: 2 }).toArray();
    expect(all.map((t) => t.project?.name).sort()).toEqual(['t-one', 't-three', 't-two']);
    expect(sim.state.count('ListTenants')).toBe(2);
    expect((await client.findTenantBySlug('t-two'))?.project?.name).toBe('t-two');
    expect((await client.findTenantByProjectName('t-three'))?.slug).toBe('t-three');
    expect(await client.findTenantBySlug('missing')).toBeUndefined();
    expect(await client.findTenantByProjectName('missing')).toBeUndefined();
  });

  it('reports health as not ready while provisioning and ready after, on the simulator clock', async () => {
    const { sim, client, clock } = start();
    const { tenantId } = sim.state.addProject({ name: 'fresh', ready: false });
    const before = await client.getTenantHealth(asTenantId(tenantId));
    expect(before).toMatchObject({ ready: false, status: { isActive: false, message: 'provisioning' } });
    await clock.advance(20_000);
    expect((await client.getTenantHealth(asTenantId(tenantId))).ready).toBe(true);
  });

  it('renames through updateTenantName and deletes through deleteTenant', async () => {
    const { sim, client } = start();
    const { tenantId, projectId } = sim.state.addProject({ name: 'old-name' });
    await expect(client.renameTenant(asTenantId(tenantId), 'new-name')).resolves.toEqual({ tenantId, projectName: 'new-name' });
    expect(sim.state.projects.get(projectId)?.name).toBe('new-name');
    await expect(client.deleteTenant(asTenantId(tenantId))).resolves.toEqual({ status: 'deleted' });
    await expect(client.getTenant(asTenantId(tenantId))).rejects.toBeInstanceOf(NotFoundError);
  });
});
