import { buildSchema, parse, validate } from 'graphql';
import { http, passthrough } from 'msw';
import { describe, expect, it } from 'vitest';
import * as generated from '../src/generated/graphql';
import { createHasuraCloudClient, asTenantId } from '../src';
import { applyListArgs, createHasuraSimulator, envHash, HASURA_CLOUD_SDL } from '../src/testing';
import { useSimulator } from './helpers';

const { server, start } = useSimulator();

async function post(endpoint: string, token: string | undefined, body: unknown) {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `pat ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string; extensions: { code: string; path: string } }> } };
}

describe('the simulator', () => {
  it('serves a schema every operation document of the SDK validates against', () => {
    const schema = buildSchema(HASURA_CLOUD_SDL);
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThanOrEqual(23);
    for (const [name, document] of documents) expect({ name, errors: validate(schema, parse(String(document))).map((e) => e.message) }).toEqual({ name, errors: [] });
  });

  it('answers like Hasura: HTTP 200 with errors[] for a bad token, an unknown field and a stale hash', async () => {
    const { sim } = start();
    const { tenantId } = sim.state.addProject({ name: 'alpha' });
    const denied = await post(sim.endpoint, 'wrong', { query: '{ region { nat_ip } }' });
    expect(denied).toEqual({ status: 200, body: { errors: [{ message: 'Authentication hook unauthorized this request', extensions: { path: '$', code: 'access-denied' } }] } });
    const missing = await post(sim.endpoint, undefined, { query: '{ region { nat_ip } }' });
    expect(missing.body.errors?.[0]?.extensions.code).toBe('access-denied');
    const unknown = await post(sim.endpoint, sim.token, { query: '{ tenants { id } }' });
    expect(unknown).toEqual({ status: 200, body: { errors: [{ message: "field 'tenants' not found in type: 'query_root'", extensions: { path: '$.selectionSet.tenants', code: 'validation-failed' } }] } });
    const stale = await post(sim.endpoint, sim.token, { query: 'mutation { updateTenantEnv(tenantId: "' + tenantId + '", currentHash: "0000", envs: [{ key: "A", value: "1" }]) { hash } }' });
    expect(stale.status).toBe(200);
    expect(stale.body.errors?.[0]?.message).toMatch(/currentHash is stale/);
  });

  it('refuses a no-op env update, as the real API is reported to', async () => {
    const { sim } = start();
    const { tenantId } = sim.state.addProject({ name: 'alpha', envVars: { A: '1' } });
    const query = `mutation($h: String!) { updateTenantEnv(tenantId: "${tenantId}", currentHash: $h, envs: [{ key: "A", value: "1" }]) { hash } }`;
    const noop = await post(sim.endpoint, sim.token, { query, variables: { h: sim.state.hashOf(tenantId) } });
    expect(noop.body.errors?.[0]?.message).toMatch(/no changes to apply/);
  });

  it('computes a real hash of the env vars: equal vars give equal hashes, any change a new one', () => {
    expect(envHash({ A: '1', B: '2' })).toBe(envHash({ B: '2', A: '1' }));
    expect(envHash({ A: '1' })).not.toBe(envHash({ A: '2' }));
    expect(envHash({ A: '1' })).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answers any valid query, not only the SDK documents (filters, relationships, order, limit)', async () => {
    const { sim } = start();
    for (const name of ['zeta', 'alpha', 'mid']) sim.state.addProject({ name });
    const answer = await post(sim.endpoint, sim.token, { query: '{ tenant(where: { project: { name: { _in: ["zeta", "alpha"] } } }, order_by: { project: { name: asc } }, limit: 1) { slug project { name } } }' });
    expect(answer.body).toEqual({ data: { tenant: [{ slug: 'alpha', project: { name: 'alpha' } }] } });
  });

  it('rejects creating with env vars on the plan where that is known to fail', async () => {
    const { sim } = start();
    const answer = await post(sim.endpoint, sim.token, { query: 'mutation { createTenant(cloud: "aws", region: "us-east-2", plan: "cloud_free_v2", envs: [{ key: "A", value: "1" }]) { id } }' });
    expect(answer.body.errors?.[0]?.extensions.code).toBe('GenericServerError');
  });

  it('evaluates Hasura list arguments', () => {
    const rows = [{ n: 'a', v: 3, t: null }, { n: 'b', v: 1, t: 'x' }, { n: 'c', v: 2, t: 'y' }];
    expect(applyListArgs(rows, { where: { _or: [{ v: { _gt: 2 } }, { t: { _eq: 'y' } }] } }).map((r) => r.n)).toEqual(['a', 'c']);
    expect(applyListArgs(rows, { where: { t: { _is_null: true } } }).map((r) => r.n)).toEqual(['a']);
    expect(applyListArgs(rows, { order_by: [{ t: 'desc' }] }).map((r) => r.n)).toEqual(['a', 'c', 'b']);
    expect(applyListArgs(rows, { order_by: { v: 'asc' }, offset: 1, limit: 1 }).map((r) => r.n)).toEqual(['c']);
    expect(applyListArgs(rows, { where: { _not: { n: { _ilike: 'A' } } } }).map((r) => r.n)).toEqual(['b', 'c']);
  });

  it('serves over HTTP for tools outside the test process', async () => {
    const sim = createHasuraSimulator();
    const { tenantId } = sim.state.addProject({ name: 'served', envVars: { A: '1' } });
    const served = await sim.serve();
    // This file's msw server would intercept the call: let requests to the real HTTP server through.
    server.use(http.post(`${served.url}/*`, () => passthrough()));
    try {
      const client = createHasuraCloudClient({ accessToken: sim.token, endpoint: `${served.url}/v1/graphql`, logLevel: 'off' });
      await client.setEnvVars(asTenantId(tenantId), { B: '2' });
      expect((await client.getEnvVars(asTenantId(tenantId))).vars).toMatchObject({ A: '1', B: '2' });
    } finally {
      await served.close();
    }
  });
});
