import { describe, expect, it } from 'vitest';
import { faults } from '@x/core/testing';
import { ConflictError, ConnectionError, GraphQLError, InternalServerError, NotFoundError, PermissionDeniedError, asProjectId, asTenantId } from '../src';
import { rejection, useSimulator } from './helpers';

const { start } = useSimulator();

describe('errors returned as HTTP 200 with errors[]', () => {
  it('reports a field the token may not see as an authorization problem, not a schema mismatch', async () => {
    const { sim, client } = start();
    const { tenantId } = sim.state.addProject({ name: 'alpha' });
    sim.faults.hideRootField('tenant_by_pk');
    const error = await rejection(client.getTenant(asTenantId(tenantId)));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toMatch(/may not see field "tenant_by_pk" on query_root/);
    expect(error.message).toMatch(/authorization problem, not a schema mismatch/);
    expect((error as PermissionDeniedError).status).toBe(403);
    expect((error as PermissionDeniedError).operation).toBe('GetTenant');
    expect((error as PermissionDeniedError).errors?.[0]?.extensions?.code).toBe('validation-failed');
  });

  it('retries a query after GenericServerError and returns the answer', async () => {
    const { sim, client } = start();
    sim.faults.graphqlError({ message: 'there was an internal error while serving your request', code: 'GenericServerError' }, { operation: 'ListEgressIps' });
    await expect(client.listEgressIps()).resolves.toHaveLength(3);
    expect(sim.state.count('ListEgressIps')).toBe(2);
  });

  it('does not resend a mutation after GenericServerError', async () => {
    const { sim, client } = start();
    sim.faults.graphqlError({ message: 'there was an internal error while serving your request', code: 'GenericServerError' }, { operation: 'CreateTenant' });
    const error = await rejection(client.raw.CreateTenant({ cloud: 'aws', region: 'us-east-2' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toMatch(/internal error while serving your request/);
    expect(sim.state.count('CreateTenant')).toBe(1);
  });

  it('does not resend createTenant when the connection resets after it was sent (the project exists once)', async () => {
    const { sim, client } = start();
    sim.faults.inject(faults.reset(), { operation: 'CreateTenant', after: true });
    const error = await rejection(client.raw.CreateTenant({ cloud: 'aws', region: 'us-east-2', name: 'once-only' }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sim.state.count('CreateTenant')).toBe(1);
    expect([...sim.state.projects.values()].map((p) => p.name)).toEqual(['once-only']);
  });

  it('retries a query after a 503 and after a reset', async () => {
    const { sim, client } = start();
    sim.faults.inject(faults.serverError(503), { operation: 'ListEgressIps' });
    sim.faults.inject(faults.reset(), { operation: 'ListEgressIps' });
    await expect(client.listEgressIps()).resolves.toHaveLength(3);
    expect(sim.state.count('ListEgressIps')).toBe(3);
  });

  it('maps a uniqueness violation to ConflictError', async () => {
    const { sim, client } = start();
    const { tenantId } = sim.state.addProject({ name: 'alpha' });
    await client.addCustomDomain(asTenantId(tenantId), 'api.example.com');
    const error = await rejection(client.addCustomDomain(asTenantId(tenantId), 'api.example.com'));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toMatch(/Uniqueness violation/);
  });

  it('keeps an unknown code as a GraphQLError carrying every entry', async () => {
    const { sim, client } = start();
    sim.faults.graphqlError({ message: 'something odd', code: 'weird-code' });
    const error = await rejection(client.listEgressIps());
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).errors).toEqual([{ message: 'something odd', extensions: { path: '$', code: 'weird-code' } }]);
  });

  it('answers a missing project with NotFoundError that says a tenant id will not do', async () => {
    const { client } = start();
    const error = await rejection(client.getProject(asProjectId('7a79cf94-0e53-4520-a560-1b02bf522f08')));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/tenant id will not do/);
  });
});
