import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

describe('organizations', () => {
  it('lists the seeded organization through the named method and the raw layer', async () => {
    const { client } = simulated();
    expect(await client.listAllOrganizations()).toEqual([{ id: expect.any(String), slug: 'acme', name: 'Acme Inc' }]);
    const { data, error, response } = await client.raw.GET('/v1/organizations');
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.[0]?.slug).toBe('acme');
  });

  it('creates an organization with a 201 and reads it back by slug, with its members', async () => {
    const { client } = simulated();
    const created = await client.createAnOrganization({ body: { name: 'Globex' } });
    expect(created.name).toBe('Globex');
    const organization = await client.getAnOrganization({ slug: created.slug });
    expect(organization).toMatchObject({ id: created.id, name: 'Globex', opt_in_tags: [] });
    const members = await client.listOrganizationMembers({ slug: created.slug });
    expect(members[0]).toMatchObject({ role_name: 'Owner' });
  });

  it('answers an unknown organization with a NotFoundError carrying the server message', async () => {
    const { client } = simulated();
    const error = await rejection(client.getAnOrganization({ slug: 'nope' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('Organization nope not found');
  });
});

describe('projects', () => {
  it('creates a project COMING_UP (201), lists, renames and deletes it', async () => {
    const { client, sim } = simulated();
    const created = await client.createAProject({ body: { name: 'shop', organization_slug: 'acme', db_pass: 'correct horse', region: 'eu-west-1' } });
    expect(created).toMatchObject({ name: 'shop', organization_slug: 'acme', region: 'eu-west-1', status: 'COMING_UP' });
    expect(created.ref).toMatch(/^[a-z]{20}$/);
    expect((await client.listAllProjects()).map((project) => project.ref)).toEqual([created.ref]);

    const renamed = await client.updateAProject({ ref: created.ref, body: { name: 'shop-eu' } });
    expect(renamed).toMatchObject({ ref: created.ref, name: 'shop-eu' });

    const { data, response } = await client.raw.GET('/v1/projects/{ref}', { params: { path: { ref: created.ref } } });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ name: 'shop-eu', database: { host: `db.${created.ref}.supabase.co` } });

    await client.deleteAProject({ ref: created.ref });
    expect(sim.state.projects.size).toBe(0);
    const error = await rejection(client.getProject({ ref: created.ref }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).status).toBe(404);
  });

  it('becomes ACTIVE_HEALTHY 90 virtual seconds after creation, services included', async () => {
    const { client, clock } = simulated();
    const { ref } = await client.createAProject({ body: { name: 'api', organization_slug: 'acme', db_pass: 'pw' } });
    expect((await client.getServicesHealth({ ref, services: ['db', 'auth'] })).map((service) => service.status)).toEqual(['COMING_UP', 'COMING_UP']);
    await clock.advance(90_000);
    expect((await client.getProject({ ref })).status).toBe('ACTIVE_HEALTHY');
    const health = await client.getServicesHealth({ ref, services: ['db', 'auth'] });
    expect(health).toEqual([
      { name: 'db', healthy: true, status: 'ACTIVE_HEALTHY' },
      { name: 'auth', healthy: true, status: 'ACTIVE_HEALTHY' },
    ]);
  });

  it('rejects a create without the required fields with a BadRequestError naming them', async () => {
    const { client } = simulated();
    const error = await rejection(client.createAProject({ body: { name: 'x', organization_slug: 'acme' } as never }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('Missing required fields: db_pass');
  });

  it('returns unpaginated lists as plain arrays', async () => {
    const { client, sim } = simulated();
    for (let i = 0; i < 3; i++) sim.state.addProject({ name: `p${i}`, organization_slug: 'acme' });
    const projects = await client.listAllProjects();
    expect(Array.isArray(projects)).toBe(true);
    expect(projects).toHaveLength(3);
  });

  it('lists the Postgres versions a project can be restored to', async () => {
    const { client, sim } = simulated();
    const project = sim.state.addProject({ name: 'p', organization_slug: 'acme' });
    const versions = await client.listAvailableRestoreVersions({ ref: project.ref });
    expect(versions.available_versions[0]).toMatchObject({ postgres_engine: '17' });
  });
});
