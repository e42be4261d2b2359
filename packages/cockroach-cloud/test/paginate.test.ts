import { describe, expect, expectTypeOf, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import type { OperationSpec, Paginator } from '@x/core';
import { LIST_FIELDS, PAGINATED_OPERATIONS, operations, type Cluster, type OperationName, type SQLUser } from '../src';
import { keysetPage } from '../src/testing';
import { simulated, useServer, virtualClient } from './support';

const server = useServer();
const BASE = 'https://cockroachlabs.cloud';

describe('paginate over every keyset-paginated list', () => {
  it('covers exactly the 19 operations of the table that take pagination.page', () => {
    const fromTable = (Object.keys(operations) as OperationName[]).filter((name) => (operations[name] as OperationSpec).query?.includes('pagination.page'));
    expect(fromTable).toHaveLength(19);
    expect([...PAGINATED_OPERATIONS].sort()).toEqual([...fromTable].sort());
  });

  for (const name of PAGINATED_OPERATIONS) {
    const spec = operations[name];
    const pathParams = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
    const field = LIST_FIELDS[name];
    it(`${name}: follows next_page through every page of "${field}", passing limit, sort order and as_of_time each time`, async () => {
      const items = Array.from({ length: 7 }, (_, i) => ({ id: `${name}-${i}` }));
      const seen: Array<Record<string, string>> = [];
      server.use(
        http.get(`${BASE}${spec.path.replace(/\{([^}]+)\}/g, ':$1')}`, ({ request, params }) => {
          const url = new URL(request.url);
          seen.push({ ...Object.fromEntries(url.searchParams), ...(params as Record<string, string>) });
          const page = keysetPage(items, (item) => item.id, url.searchParams);
          return HttpResponse.json({ [field]: page.items, pagination: page.pagination, ...(field === 'grants' ? { user_group_grants: [{ ignored: true }] } : {}) });
        }),
      );
      const { client } = virtualClient();
      const params: Record<string, string | number> = { 'pagination.limit': 3, 'pagination.sort_order': 'DESC', 'pagination.as_of_time': '2026-01-01T00:00:00Z' };
      for (const param of pathParams) params[param] = `the-${param}`;
      const paginate = client.paginate as (name: string, params: object) => AsyncIterable<{ id: string }>;
      const got: string[] = [];
      for await (const item of paginate(name, params)) got.push(item.id);
      expect(got).toEqual(items.map((item) => item.id).reverse());
      expect(seen).toHaveLength(3);
      expect(seen[0]!['pagination.page']).toBeUndefined();
      expect(seen.slice(1).every((query) => typeof query['pagination.page'] === 'string' && query['pagination.page'].length > 0)).toBe(true);
      for (const query of seen) {
        expect(query).toMatchObject({ 'pagination.limit': '3', 'pagination.sort_order': 'DESC', 'pagination.as_of_time': '2026-01-01T00:00:00Z' });
        for (const param of pathParams) expect(query[param]).toBe(`the-${param}`);
      }
    });
  }

  it('exposes the cursor so a later run resumes where an earlier one stopped', async () => {
    const { client, sim } = simulated(server);
    for (let i = 0; i < 7; i++) sim.state.seedCluster({ name: `cluster-${i}` });
    const first = client.paginate('listClusters', { 'pagination.limit': 3 }, { maxPages: 1 });
    const firstNames = (await first.toArray()).map((c) => c.name);
    expect(firstNames).toEqual(['cluster-0', 'cluster-1', 'cluster-2']);
    expect(typeof first.cursor).toBe('string');
    const rest = await client.paginate('listClusters', { 'pagination.limit': 3 }, { startAt: first.cursor }).toArray();
    expect(rest.map((c) => c.name)).toEqual(['cluster-3', 'cluster-4', 'cluster-5', 'cluster-6']);
  });

  it('stops after maxItems without fetching pages it does not need', async () => {
    const { client, sim } = simulated(server);
    for (let i = 0; i < 30; i++) sim.state.seedCluster({ name: `c-${String(i).padStart(2, '0')}` });
    const got = await client.paginate('listClusters', { 'pagination.limit': 5 }, { maxItems: 7, prefetch: false }).toArray();
    expect(got).toHaveLength(7);
    expect(sim.state.requests.filter((r) => r.path === '/api/v1/clusters')).toHaveLength(2);
  });

  it('walks simulated clusters, SQL users, databases, nodes, regions and allowlist entries', async () => {
    const { client, sim } = simulated(server);
    for (let i = 0; i < 12; i++) sim.state.seedCluster({ name: `zz-${String(i).padStart(2, '0')}` });
    const dedicated = sim.state.seedCluster({ name: 'big', plan: 'ADVANCED' });
    dedicated.regions[0]!.node_count = 5;
    for (let i = 0; i < 6; i++) sim.state.sqlUsers.get(dedicated.id)!.set(`user${i}`, { name: `user${i}`, password: 'secret-password' });
    for (let i = 0; i < 4; i++) sim.state.allowlists.get(dedicated.id)!.set(`10.0.${i}.0/24`, { cidr_ip: `10.0.${i}.0`, cidr_mask: 24, sql: true, ui: false });
    const limit = { 'pagination.limit': 2 };
    const byName = (await client.paginate('listClusters', { ...limit, 'pagination.sort_by': 'NAME' }).toArray()).map((c) => c.name);
    expect(byName).toEqual([...byName].sort());
    expect(byName).toHaveLength(13);
    expect((await client.paginate('listSQLUsers', { cluster_id: dedicated.id, ...limit }).toArray()).map((u) => u.name)).toEqual(['user0', 'user1', 'user2', 'user3', 'user4', 'user5']);
    expect((await client.paginate('listDatabases', { cluster_id: dedicated.id, ...limit }).toArray()).map((d) => d.name)).toEqual(['defaultdb', 'postgres']);
    expect(await client.paginate('listClusterNodes', { cluster_id: dedicated.id, ...limit }).toArray()).toHaveLength(5);
    const regions = await client.paginate('listAvailableRegions', { provider: 'AWS', ...limit }).toArray();
    expect(regions.map((r) => r.name)).toEqual(['ap-south-1', 'eu-central-1', 'us-east-1', 'us-west-2']);
    expect((await client.paginate('listAllowlistEntries', { cluster_id: dedicated.id, ...limit }).toArray()).map((e) => e.cidr_ip)).toEqual(['10.0.0.0', '10.0.1.0', '10.0.2.0', '10.0.3.0']);
  });

  it('stops with an AbortError when the signal fires between pages', async () => {
    const { client, sim } = simulated(server);
    for (let i = 0; i < 9; i++) sim.state.seedCluster({ name: `abort-${i}` });
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const cluster of client.paginate('listClusters', { 'pagination.limit': 3 }, { signal: controller.signal, prefetch: false })) {
        seen.push(cluster.name);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(walk()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(3);
    expect(sim.state.requests).toHaveLength(1);
  });

  it('stops when a server hands back the page token it was given instead of looping', async () => {
    let calls = 0;
    server.use(http.get(`${BASE}/api/v1/clusters`, () => (calls++, HttpResponse.json({ clusters: [{ id: `c${calls}` }], pagination: { next_page: 'same' } }))));
    const got = await virtualClient().client.paginate('listClusters').toArray();
    expect(got).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it('types items by operation and refuses operations that are not paginated', () => {
    const { client } = virtualClient();
    expectTypeOf(client.paginate('listClusters')).toEqualTypeOf<Paginator<Cluster, string | null>>();
    expectTypeOf(client.paginate('listSQLUsers', { cluster_id: 'x' })).toEqualTypeOf<Paginator<SQLUser, string | null>>();
    // @ts-expect-error getCluster is not a list
    expect(() => client.paginate('getCluster')).toThrow(/not a paginated list operation/);
    // @ts-expect-error cluster_id is required
    void client.paginate('listSQLUsers');
  });
});

describe('paginateAuditLogs', () => {
  function seed(sim: ReturnType<typeof simulated>['sim'], count: number, start = Date.UTC(2026, 0, 1)) {
    for (let i = 0; i < count; i++) sim.state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CREATE_SQL_USER', created_at: new Date(start + i * 60_000).toISOString(), cluster_name: `e${i}` });
  }

  it('walks ascending pages by next_starting_from and ends on the empty page, leaving a cursor to tail from', async () => {
    const { client, sim } = simulated(server);
    seed(sim, 9);
    const logs = client.paginateAuditLogs({ limit: 4 });
    expect((await logs.toArray()).map((e) => e.cluster_name)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']);
    const audit = sim.state.requests.filter((r) => r.path === '/api/v1/auditlogevents');
    expect(audit.map((r) => r.query.starting_from)).toEqual([undefined, '2026-01-01T00:03:00.000Z', '2026-01-01T00:07:00.000Z', '2026-01-01T00:08:00.000Z']);
    expect(audit.every((r) => r.query.limit === '4')).toBe(true);
    seed(sim, 2, Date.UTC(2026, 0, 2));
    const tail = await client.paginateAuditLogs({ limit: 4 }, { startAt: logs.cursor }).toArray();
    expect(tail).toHaveLength(2);
  });

  it('walks descending until next_starting_from is absent', async () => {
    const { client, sim } = simulated(server);
    seed(sim, 5);
    const got = await client.paginateAuditLogs({ sort_order: 'DESC', limit: 2, starting_from: '2026-01-01T00:04:30Z' }).toArray();
    expect(got.map((e) => e.cluster_name)).toEqual(['e4', 'e3', 'e2', 'e1', 'e0']);
    expect(sim.state.requests.filter((r) => r.path === '/api/v1/auditlogevents')).toHaveLength(3);
  });

  it('never splits entries of one timestamp across pages (the limit is approximate)', async () => {
    const { client, sim } = simulated(server);
    const at = new Date(Date.UTC(2026, 0, 1)).toISOString();
    for (let i = 0; i < 5; i++) sim.state.addAuditLog({ action: 'AUDIT_LOG_ACTION_UPDATE_CLUSTER', created_at: at, cluster_name: `same${i}` });
    const pages = [];
    for await (const page of client.paginateAuditLogs({ limit: 2 }).pages()) pages.push(page.items.length);
    expect(pages).toEqual([5, 0]);
  });
});
