// No msw server in this file: the requests really go over HTTP to the served simulator.
import { describe, expect, it } from 'vitest';
import { createSupabaseMgmtClient } from '../src';
import { createSupabaseSimulator } from '../src/testing';

describe('the simulator over HTTP', () => {
  it('serves the same API over HTTP on localhost, for tools outside this process', async () => {
    const sim = createSupabaseSimulator();
    sim.state.addProject({ name: 'served', organization_slug: 'acme', ref: 'servedservedservedse' });
    const served = await sim.serve();
    try {
      expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const client = createSupabaseMgmtClient({ accessToken: 'sbp_http', baseUrl: served.url });
      expect((await client.getProject({ ref: 'servedservedservedse' })).name).toBe('served');
      const missing = await fetch(`${served.url}/v1/nothing-here`, { headers: { authorization: 'Bearer t' } });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ message: 'Cannot GET /v1/nothing-here' });
      expect((await fetch(`${served.url}/v1/projects`)).status).toBe(401);
    } finally {
      await served.close();
    }
  });

});
