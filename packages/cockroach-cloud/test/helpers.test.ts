import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { createCockroachCloudClient, generatePassword, toInt64String, ValidationError, WaitFailedError, XError } from '../src';
import { simulated, useServer } from './support';

const server = useServer();

describe('createServerlessClusterAndWait', () => {
  it('creates a serverless cluster with snake_case usage limits as strings and returns it once CREATED', async () => {
    const { client, sim } = simulated(server);
    const cluster = await client.createServerlessClusterAndWait({
      name: 'notorious-moose',
      provider: 'GCP',
      regions: ['us-central1'],
      usageLimits: { requestUnitLimit: 50_000_000, storageMibLimit: 10_240n },
      labels: { team: 'data' },
    });
    expect(cluster).toMatchObject({ name: 'notorious-moose', state: 'CREATED', plan: 'BASIC', labels: { team: 'data' }, config: { serverless: { usage_limits: { request_unit_limit: '50000000', storage_mib_limit: '10240' } } } });
    const gets = sim.state.requests.filter((r) => r.method === 'GET' && r.path === `/api/v1/clusters/${cluster.id}`);
    expect(gets.length).toBeGreaterThan(1);
  });

  it('fails fast when the creation fails', async () => {
    const { client, sim } = simulated(server);
    const waiting = client.createServerlessClusterAndWait({ name: 'doomed', provider: 'AWS', regions: ['us-east-1'], wait: { onProgress: (c) => void (sim.state.clusters.get(c.id)!.state = 'CREATION_FAILED') } });
    await expect(waiting).rejects.toBeInstanceOf(WaitFailedError);
  });

  it('refuses the removed spendLimit and an empty region list before sending anything', async () => {
    const { client, sim } = simulated(server);
    await expect(client.createServerlessClusterAndWait({ name: 'old', provider: 'GCP', regions: ['us-central1'], spendLimit: 0 as never })).rejects.toThrow(/spendLimit no longer exists.*usageLimits/);
    await expect(client.createServerlessClusterAndWait({ name: 'none', provider: 'GCP', regions: [] })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.state.requests).toHaveLength(0);
  });

  it('shows the simulator rejecting the old camelCase spend limit body', async () => {
    const { client } = simulated(server);
    const body = { name: 'old-style', provider: 'GCP', spec: { serverless: { regions: ['us-central1'], spendLimit: 0 } } } as never;
    await expect(client.createCluster({ body })).rejects.toThrow(/spend limits were replaced by usage_limits/);
  });
});

describe('createSqlUserWithConnectionString', () => {
  it('generates a strong password, creates the user and returns a connection string with the password filled in', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'app-cluster' });
    const lines: string[] = [];
    const logger = { debug: (m: string, d?: unknown) => lines.push(m + inspect(d)), info: (m: string, d?: unknown) => lines.push(m + inspect(d)), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const chatty = createCockroachCloudClient({ apiKey: 'key-1234567890', clock: client.transport.clock, logLevel: 'debug', logger });
    const result = await chatty.createSqlUserWithConnectionString({ clusterId: cluster.id, name: 'app', database: 'defaultdb' });
    expect(result.user).toEqual({ name: 'app' });
    expect(result.password).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(sim.state.sqlUsers.get(cluster.id)!.get('app')!.password).toBe(result.password);
    expect(result.connectionString).toBe(`postgresql://app:${result.password}@app-cluster.us-central1.sim.cockroachlabs.cloud:26257/defaultdb?sslmode=verify-full`);
    expect(result.params).toMatchObject({ Host: 'app-cluster.us-central1.sim.cockroachlabs.cloud', Port: '26257', Database: 'defaultdb', Username: 'app' });
    const query = sim.state.requests.find((r) => r.path.endsWith('/connection-string'))!.query;
    expect(query).toEqual({ sql_user: 'app', database: 'defaultdb' });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain(result.password);
    expect(inspect(result)).not.toContain(result.password);
    expect(inspect(result)).toContain('[REDACTED]');
  });

  it('uses the password given and encodes it in the URL', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'given' });
    const result = await client.createSqlUserWithConnectionString({ clusterId: cluster.id, name: 'ops', password: 'p@ss word/1' });
    expect(result.password).toBe('p@ss word/1');
    expect(result.connectionString).toContain('postgresql://ops:p%40ss%20word%2F1@');
  });

  it('says the user exists when only the connection string failed, without the password', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'half' });
    server.use(http.get('https://cockroachlabs.cloud/api/v1/clusters/:id/connection-string', () => HttpResponse.json({ code: 7, message: 'denied', details: [] }, { status: 403 })));
    const error = await client.createSqlUserWithConnectionString({ clusterId: cluster.id, name: 'half', password: 'known-password-123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XError);
    expect((error as Error).message).toMatch(/SQL user half was created .* rotateSqlUserPassword/);
    expect((error as Error).message).not.toContain('known-password-123');
    expect(sim.state.sqlUsers.get(cluster.id)!.has('half')).toBe(true);
  });

  it('fails with the API error while the cluster is still CREATING', async () => {
    const { client } = simulated(server);
    const cluster = await client.createCluster({ body: { name: 'young', provider: 'GCP', spec: { serverless: { regions: ['us-central1'] } } } });
    await expect(client.createSqlUserWithConnectionString({ clusterId: cluster.id, name: 'early' })).rejects.toThrow(/is CREATING; wait until it is CREATED \(FAILED_PRECONDITION\)/);
  });
});

describe('rotateSqlUserPassword', () => {
  it('sets a new generated password through PUT .../sql-users/{name}/password', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'rot' });
    sim.state.sqlUsers.get(cluster.id)!.set('svc user', { name: 'svc user', password: 'old-password-1' });
    const { user, password } = await client.rotateSqlUserPassword({ clusterId: cluster.id, name: 'svc user' });
    expect(user).toEqual({ name: 'svc user' });
    expect(password).not.toBe('old-password-1');
    expect(sim.state.sqlUsers.get(cluster.id)!.get('svc user')!.password).toBe(password);
    expect(sim.state.requests.at(-1)).toMatchObject({ method: 'PUT', path: `/api/v1/clusters/${cluster.id}/sql-users/svc%20user/password` });
  });

  it('answers NotFound for an unknown user', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'rot2' });
    await expect(client.rotateSqlUserPassword({ clusterId: cluster.id, name: 'ghost' })).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });
});

describe('setUsageLimits', () => {
  it('patches serverless.usage_limits with the int64 fields as strings', async () => {
    const { client, sim } = simulated(server);
    const cluster = sim.state.seedCluster({ name: 'limits' });
    let sent: unknown;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PATCH') void request.clone().json().then((b) => (sent = b));
    });
    const updated = await client.setUsageLimits(cluster.id, { requestUnitLimit: 1_000_000, storageMibLimit: '5120', provisionedVirtualCpus: 2n });
    expect(sent).toEqual({ serverless: { usage_limits: { request_unit_limit: '1000000', storage_mib_limit: '5120', provisioned_virtual_cpus: '2' } } });
    expect(updated.config.serverless?.usage_limits).toEqual({ request_unit_limit: '1000000', storage_mib_limit: '5120', provisioned_virtual_cpus: '2' });
    server.events.removeAllListeners();
  });

  it('refuses fractional, negative and empty limits', async () => {
    const { client } = simulated(server);
    await expect(client.setUsageLimits('x', { requestUnitLimit: 1.5 })).rejects.toThrow(/requestUnitLimit must be a non-negative whole number/);
    await expect(client.setUsageLimits('x', { storageMibLimit: -1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.setUsageLimits('x', {})).rejects.toThrow(/No usage limit given/);
    expect(toInt64String('9223372036854775807', 'f')).toBe('9223372036854775807');
    expect(() => toInt64String('9223372036854775808', 'f')).toThrow(ValidationError);
  });
});

describe('generatePassword', () => {
  it('draws from crypto.getRandomValues: long, mixed and different every time', () => {
    const passwords = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(passwords.size).toBe(200);
    for (const password of passwords) expect(password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9]{32}$/);
    expect(generatePassword(16)).toHaveLength(16);
    expect(() => generatePassword(4)).toThrow(RangeError);
  });
});
