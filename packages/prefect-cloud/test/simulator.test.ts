import { describe, expect, it } from 'vitest';
import { createPrefectCloudClient } from '../src/index';
import { createPrefectSimulator, VirtualClock } from '../src/testing/index';
import { useSimulator } from './helpers';

const env = useSimulator();

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(env.sim.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${env.sim.state.defaults.apiKey}`, ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

describe('the simulator as a GraphQL server', () => {
  it('answers HTTP 400 with GRAPHQL_VALIDATION_FAILED for an unknown root field and GRAPHQL_PARSE_FAILED for bad syntax', async () => {
    const unknown = await post({ query: '{ flows { id } }' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors![0]).toMatchObject({ message: 'Cannot query field "flows" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const broken = await post({ query: '{ flow { id ' });
    expect(broken.status).toBe(400);
    expect(broken.body.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('accepts variables as a JSON string, as the Python client sends them, with aliases, fragments and directives', async () => {
    const query = `query Q($name: String!, $withGroup: Boolean = false) {
      mine: flow(where: { name: { _eq: $name }, archived: { _eq: false } }) { ...F flow_group @include(if: $withGroup) { id } __typename }
    }
    fragment F on flow { id version project { name } }`;
    const { status, body } = await post({ query, variables: JSON.stringify({ name: 'etl' }), operationName: 'Q' });
    expect(status).toBe(200);
    expect(body.data!.mine).toEqual([{ id: env.sim.state.defaults.flow.id, version: 2, project: { name: 'data-eng' }, __typename: 'flow' }]);
  });

  it('answers UNAUTHENTICATED in a 200 for a missing or unknown credential', async () => {
    const { status, body } = await post({ query: '{ flow { id } }' }, { authorization: '' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: null, errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('evaluates Hasura filters and sorts: _or, _not, _ilike, nested relationships, null placement', async () => {
    const { state } = env.sim;
    const ml = state.addProject({ tenantId: state.defaults.tenant.id, name: 'ml' });
    state.addFlow({ projectId: ml.id, name: 'Train-Model' });
    state.addFlow({ projectId: ml.id, name: 'score' });
    const { body } = await post({
      query: `{ flow(where: { _or: [{ name: { _ilike: "train%" } }, { project: { name: { _eq: "data-eng" } } }], _not: { archived: { _eq: true } } },
                     order_by: [{ project: { name: desc } }, { name: asc }]) { name project { name } } }`,
    });
    expect(body.data!.flow).toEqual([{ name: 'Train-Model', project: { name: 'ml' } }, { name: 'etl', project: { name: 'data-eng' } }]);
  });

  it('keeps tenants apart: a key only sees its tenant rows', async () => {
    const { body } = await post({ query: '{ project { name } }' }, { 'x-prefect-tenant-id': env.sim.state.defaults.otherTenant.id });
    expect(body.data!.project).toEqual([{ name: 'reports' }]);
  });

  it('limits requests per credential when asked, with Retry-After, and the client waits it out', async () => {
    const clock = new VirtualClock({ auto: true });
    const limited = createPrefectSimulator({ clock, rateLimit: { limit: 3, windowMs: 10_000 }, endpoint: 'https://limited.prefect.test' });
    env.server.use(...limited.handlers);
    const client = createPrefectCloudClient({ apiKey: limited.state.defaults.apiKey, endpoint: limited.endpoint, clock, logLevel: 'off', rateLimit: false });
    for (let i = 0; i < 5; i++) await client.listSecretNames();
    expect(limited.state.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    expect(client.stats.rateLimited).toBeGreaterThan(0);
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual(1_000);
    clock.stop();
  });

  it('starts empty with seed: false and says so when defaults are read', () => {
    const empty = createPrefectSimulator({ seed: false });
    expect(empty.state.tenants.size).toBe(0);
    expect(() => empty.state.defaults).toThrow(/seed: false/);
  });
});

describe('serve', () => {
  it('serves the simulator over HTTP so a client with a real clock can run a flow end to end', async () => {
    const sim = createPrefectSimulator({ startDelayMs: 0, runDurationMs: 30 });
    const served = await sim.serve();
    env.server.close();
    try {
      const client = createPrefectCloudClient({ apiKey: sim.state.defaults.apiKey, endpoint: served.url, logLevel: 'off' });
      const { id } = await client.createFlowRun({ flowId: sim.state.defaults.flow.id });
      const final = await client.waitForFlowRun(id, { intervalMs: 20, timeoutMs: 5_000 });
      expect(final.state).toBe('Success');
    } finally {
      await served.close();
      env.server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
