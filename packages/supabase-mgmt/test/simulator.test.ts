import { describe, expect, it } from 'vitest';
import { createSupabaseMgmtClient, TimeoutError } from '../src';
import { createSupabaseSimulator, faults, VirtualClock } from '../src/testing';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

describe('the simulator', () => {
  it('answers in process through sim.fetch, with no msw server at all', async () => {
    const clock = new VirtualClock({ auto: true });
    const sim = createSupabaseSimulator({ clock });
    const client = createSupabaseMgmtClient({ accessToken: 'sbp_fetch', fetch: sim.fetch, clock });
    const { ref } = await client.createAProject({ body: { name: 'direct', organization_slug: 'acme', db_pass: 'pw' } });
    expect((await client.waitForProjectHealthy(ref)).status).toBe('ACTIVE_HEALTHY');
    expect(sim.calls[0]).toEqual({ method: 'POST', path: '/v1/projects', operation: 'createAProject', status: 201 });
  });

  it('plays slow answers on its clock, so a client timeout fires in virtual time', async () => {
    const { client, sim, clock } = simulated({ client: { timeoutMs: 5_000, retry: { maxRetries: 1 }, logLevel: 'off' } });
    sim.faults.inject(faults.slow(30_000, faults.json(200, [])), { count: 2, match: /^GET \/v1\/organizations$/ });
    const error = await rejection(client.listAllOrganizations());
    expect(error).toBeInstanceOf(TimeoutError);
    expect(clock.elapsed).toBeGreaterThanOrEqual(10_000);
    expect(clock.elapsed).toBeLessThan(30_000);
    expect(sim.faults.size).toBe(0);
  });

  it('takes queued faults only for the requests they match', async () => {
    const { client, sim } = simulated({ client: { retry: { maxRetries: 0 } } });
    sim.faults.inject(faults.serverError(500), { match: /^POST / });
    expect(await client.listAllOrganizations()).toHaveLength(1);
    expect(sim.faults.size).toBe(1);
  });

  it('seeds nothing when asked, and honours custom lifecycle delays', async () => {
    const { client, sim } = simulated({ simulator: { seed: false, delays: { projectReadyMs: 0 } } });
    expect(await client.listAllOrganizations()).toEqual([]);
    const organization = sim.state.addOrganization({ name: 'Solo' });
    const project = await client.createAProject({ body: { name: 'instant', organization_slug: organization.slug, db_pass: 'pw' } });
    expect((await client.getProject({ ref: project.ref })).status).toBe('ACTIVE_HEALTHY');
  });
});
