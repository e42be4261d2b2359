import { describe, expect, it } from 'vitest';
import { bypass } from 'msw';
import { faults, VirtualClock } from '@x/core/testing';
import { createCockroachCloudClient, InternalServerError } from '../src';
import { createCockroachSimulator } from '../src/testing';
import { KEY, simulated, useServer } from './support';

const server = useServer();
const BASE = 'https://cockroachlabs.cloud';
const auth = { authorization: `Bearer ${KEY}` };

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${BASE}${path}`, { ...init, headers: { ...auth, 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe('the CockroachDB Cloud simulator', () => {
  it('answers 401 in the API error shape without a bearer key, or with a key it was not given', async () => {
    const sim = createCockroachSimulator({ apiKey: KEY });
    server.use(...sim.handlers);
    expect(await call('/api/v1/clusters', { headers: { authorization: '' } })).toMatchObject({ status: 401, body: { code: 16, message: expect.stringContaining('API key'), details: [] } });
    expect((await call('/api/v1/clusters', { headers: { authorization: 'Bearer other-key' } })).status).toBe(401);
    expect((await call('/api/v1/clusters')).status).toBe(200);
  });

  it('checks Cc-Version: a malformed or impossible date is 400 "invalid Cc-Version", none at all is accepted', async () => {
    const sim = createCockroachSimulator();
    server.use(...sim.handlers);
    expect(await call('/api/v1/clusters', { headers: { 'cc-version': 'v1' } })).toMatchObject({ status: 400, body: { code: 3, message: 'invalid Cc-Version', details: [] } });
    expect((await call('/api/v1/clusters', { headers: { 'cc-version': '2024-13-01' } })).status).toBe(400);
    expect((await call('/api/v1/clusters')).status).toBe(200);
    expect(sim.state.requests.map((r) => r.ccVersion)).toEqual(['v1', '2024-13-01', null]);
  });

  it('answers unknown routes 404, and real routes it does not model 501, both in the API error shape', async () => {
    const sim = createCockroachSimulator();
    server.use(...sim.handlers);
    expect(await call('/api/v1/nope')).toMatchObject({ status: 404, body: { code: 5, message: 'Not Found: GET /api/v1/nope', details: [] } });
    const unmodelled = await call('/api/v1/clusters/abc/backups');
    expect(unmodelled).toMatchObject({ status: 501, body: { code: 12, details: [] } });
    expect(unmodelled.body.message).toContain('listBackups');
  });

  it('moves a cluster from CREATING to CREATED after the virtual delay, and hides deleted clusters unless show_inactive', async () => {
    const clock = new VirtualClock();
    const sim = createCockroachSimulator({ clock, delays: { clusterCreateMs: 10_000 } });
    server.use(...sim.handlers);
    const created = await call('/api/v1/clusters', { method: 'POST', body: JSON.stringify({ name: 'life-cycle', provider: 'GCP', spec: { serverless: { regions: ['us-central1'] } } }) });
    const id = created.body.id as string;
    expect(created.body.state).toBe('CREATING');
    await clock.advance(9_999);
    expect((await call(`/api/v1/clusters/${id}`)).body.state).toBe('CREATING');
    await clock.advance(1);
    expect((await call(`/api/v1/clusters/${id}`)).body.state).toBe('CREATED');
    expect((await call(`/api/v1/clusters/${id}`, { method: 'DELETE' })).body).toMatchObject({ id, state: 'DELETED' });
    expect((await call('/api/v1/clusters')).body.clusters).toEqual([]);
    expect((await call('/api/v1/clusters?show_inactive=true')).body.clusters).toHaveLength(1);
    expect(sim.state.auditLogs.map((e) => e.action)).toEqual(['AUDIT_LOG_ACTION_CREATE_CLUSTER', 'AUDIT_LOG_ACTION_DELETE_CLUSTER']);
  });

  it('validates keyset parameters: page tokens it never issued, limits out of range, bad timestamps and orders', async () => {
    const sim = createCockroachSimulator();
    server.use(...sim.handlers);
    for (const query of ['pagination.page=forged', 'pagination.limit=0', 'pagination.limit=501', 'pagination.as_of_time=yesterday', 'pagination.sort_order=UP']) {
      const answer = await call(`/api/v1/clusters?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.code, query).toBe(3);
      expect((answer.body.details as Array<{ field_violations: Array<{ field: string }> }>)[0]!.field_violations[0]!.field, query).toBe(query.split('=')[0]);
    }
  });

  it('keeps keyset pages stable when items are added between pages', async () => {
    const sim = createCockroachSimulator();
    server.use(...sim.handlers);
    for (let i = 0; i < 4; i++) sim.state.seedCluster({ name: `k-${i}` });
    const first = await call('/api/v1/clusters?pagination.limit=2');
    sim.state.seedCluster({ name: 'k-late' });
    const token = (first.body.pagination as { next_page: string }).next_page;
    const second = await call(`/api/v1/clusters?pagination.limit=2&pagination.page=${encodeURIComponent(token)}`);
    expect((second.body.clusters as Array<{ name: string }>).map((c) => c.name)).toEqual(['k-2', 'k-3']);
  });

  it('answers the 11th request in a second with 429, Retry-After and "rate limit exceeded"', async () => {
    const clock = new VirtualClock();
    const sim = createCockroachSimulator({ clock });
    server.use(...sim.handlers);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await call('/api/v1/clusters')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const limited = await call('/api/v1/clusters');
    expect(limited).toMatchObject({ status: 429, body: { code: 8, message: 'rate limit exceeded', details: [] } });
    expect(limited.headers.get('retry-after')).toBe('1');
    await clock.advance(1_000);
    expect((await call('/api/v1/clusters')).status).toBe(200);
  });

  it('can answer over-limit with another status, as the docs warn the API may', async () => {
    const sim = createCockroachSimulator({ rateLimit: { limit: 1, status: 503 } });
    server.use(...sim.handlers);
    await call('/api/v1/clusters');
    const limited = await call('/api/v1/clusters');
    expect(limited.status).toBe(503);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });

  it('plays queued faults before anything else', async () => {
    const { client, sim } = simulated(server, {}, { retry: { maxRetries: 0 } });
    sim.faults.inject(faults.serverError(500), { match: /^GET \/api\/v1\/clusters$/ });
    await expect(client.listClusters()).rejects.toBeInstanceOf(InternalServerError);
    await expect(client.listClusters()).resolves.toMatchObject({ clusters: [] });
  });

  it('keeps SQL users under the {name} path parameter, databases and allowlists per cluster, with conflicts and misses in the API shape', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'crud' });
    const cluster_id = cluster.id;
    await client.createSQLUser({ cluster_id, body: { name: 'web.app', password: 'password-123' } });
    await expect(client.createSQLUser({ cluster_id, body: { name: 'web.app', password: 'password-123' } })).rejects.toMatchObject({ name: 'ConflictError', body: { code: 6 } });
    await expect(client.deleteSQLUser({ cluster_id, name: 'web.app' })).resolves.toEqual({ name: 'web.app' });
    await expect(client.deleteSQLUser({ cluster_id, name: 'web.app' })).rejects.toMatchObject({ name: 'NotFoundError' });
    await client.createDatabase({ cluster_id, body: { name: 'shop' } });
    await client.editDatabase({ cluster_id, name: 'shop', body: { name: 'shop', new_name: 'store' } });
    await client.editDatabase2({ cluster_id, body: { name: 'store', new_name: 'market' } });
    expect((await client.listDatabases({ cluster_id })).databases.map((d) => d.name)).toEqual(['defaultdb', 'market', 'postgres']);
    await expect(client.deleteDatabase({ cluster_id, name: 'market' })).resolves.toMatchObject({ name: 'market' });
    await client.addAllowlistEntry({ cluster_id, body: { cidr_ip: '192.168.1.0', cidr_mask: 24, sql: true, ui: false, name: 'office' } });
    await client.addAllowlistEntry2({ cluster_id, cidr_ip: '10.0.0.0', cidr_mask: 8, body: { sql: true, ui: true } });
    await client.updateAllowlistEntry({ cluster_id, cidr_ip: '192.168.1.0', cidr_mask: 24, body: { sql: true, ui: true } });
    const list = await client.listAllowlistEntries({ cluster_id });
    expect(list.allowlist.map((e) => [e.cidr_ip, e.cidr_mask, e.ui])).toEqual([['10.0.0.0', 8, true], ['192.168.1.0', 24, true]]);
    await expect(client.deleteAllowlistEntry({ cluster_id, cidr_ip: '10.0.0.0', cidr_mask: 8 })).resolves.toMatchObject({ cidr_ip: '10.0.0.0' });
    await expect(client.addAllowlistEntry({ cluster_id, body: { cidr_ip: '300.1.1.1', cidr_mask: 24, sql: true, ui: true } })).rejects.toMatchObject({ name: 'BadRequestError' });
  });

  it('lists regions by provider and serverless support, and nodes of dedicated clusters', async () => {
    const { client, sim } = simulated(server);
    const regions = await client.listAvailableRegions({ provider: 'GCP', serverless: true });
    expect(regions.regions.every((r) => r.provider === 'GCP' && r.serverless)).toBe(true);
    const dedicated = sim.state.seedCluster({ name: 'nodes', plan: 'ADVANCED' });
    const nodes = await client.listClusterNodes({ cluster_id: dedicated.id, region_name: 'us-central1' });
    expect(nodes.nodes.map((n) => n.status)).toEqual(['LIVE', 'LIVE', 'LIVE']);
  });

  it('serves the same organization over HTTP for tools outside the test process', async () => {
    const sim = createCockroachSimulator();
    sim.state.seedCluster({ name: 'served' });
    const served = await sim.serve();
    try {
      // bypass(): this file's msw server would otherwise intercept the request to localhost.
      const client = createCockroachCloudClient({ apiKey: KEY, baseUrl: served.url, fetch: (input, init) => fetch(bypass(new Request(input, init))) });
      expect((await client.listClusters()).clusters.map((c) => c.name)).toEqual(['served']);
      await expect(client.getCluster({ cluster_id: 'nope' })).rejects.toMatchObject({ name: 'NotFoundError', body: { code: 5 } });
      const unknown = await fetch(bypass(`${served.url}/api/v2/whatever`, { headers: auth }));
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ code: 5, message: 'Not Found: GET /api/v2/whatever', details: [] });
    } finally {
      await served.close();
    }
  });
});
