import { describe, expect, it } from 'vitest';
import { main } from '../simulate';

describe('pnpm simulate', () => {
  it('serves the four simulators over HTTP on localhost and stops cleanly', async () => {
    const servers = await main(['--port-base', String(40000 + Math.floor(Math.random() * 20000))]);
    try {
      expect(servers).toHaveLength(4);
      const [supabase, cockroach] = servers;
      const orgs = await fetch(`${supabase!.url}/v1/organizations`, { headers: { authorization: 'Bearer any-token' } });
      expect(orgs.status).toBe(200);
      expect(await orgs.json()).toEqual([expect.objectContaining({ slug: 'acme' })]);
      const unknown = await fetch(`${supabase!.url}/v1/no-such-route`, { headers: { authorization: 'Bearer any-token' } });
      expect(unknown.status).toBe(404);
      const clusters = await fetch(`${cockroach!.url}/api/v1/clusters`, { headers: { authorization: 'Bearer any-key', 'cc-version': '2024-09-16' } });
      expect(clusters.status).toBe(200);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    await expect(fetch(`${servers[0]!.url}/v1/organizations`)).rejects.toThrow();
  });
});
