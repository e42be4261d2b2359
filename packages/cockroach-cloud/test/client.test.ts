import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import {
  API_VERSION,
  AuthenticationError,
  BadRequestError,
  createCockroachCloudClient,
  grpcCodeName,
  cockroachErrorBody,
  NotFoundError,
  ValidationError,
  InternalServerError,
} from '../src';
import { createCockroachSimulator } from '../src/testing';
import { useServer, virtualClient, KEY } from './support';

const server = useServer();
const BASE = 'https://cockroachlabs.cloud';

afterEach(() => vi.unstubAllEnvs());

describe('createCockroachCloudClient', () => {
  it('throws a ValidationError at construction when no key is given, saying where to set and create one', () => {
    vi.stubEnv('COCKROACH_API_KEY', '');
    let caught: unknown;
    try {
      createCockroachCloudClient();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as Error).message).toMatch(/COCKROACH_API_KEY/);
    expect((caught as Error).message).toMatch(/Service Accounts/);
  });

  it('reads the key from COCKROACH_API_KEY and the server from COCKROACH_SERVER', async () => {
    vi.stubEnv('COCKROACH_API_KEY', 'env-key-abcdefgh');
    vi.stubEnv('COCKROACH_SERVER', 'https://cloud.example.test/');
    let authorization: string | null = null;
    server.use(http.get('https://cloud.example.test/api/v1/organization', ({ request }) => ((authorization = request.headers.get('authorization')), HttpResponse.json({ id: 'org', name: 'Org' }))));
    const client = createCockroachCloudClient();
    expect(client.baseUrl).toBe('https://cloud.example.test');
    await expect(client.getOrganizationInfo()).resolves.toMatchObject({ id: 'org' });
    expect(authorization).toBe('Bearer env-key-abcdefgh');
  });

  it('prefers the options over the environment and defaults to https://cockroachlabs.cloud', () => {
    vi.stubEnv('COCKROACH_API_KEY', 'env-key-abcdefgh');
    vi.stubEnv('COCKROACH_SERVER', '');
    expect(createCockroachCloudClient().baseUrl).toBe(BASE);
    expect(createCockroachCloudClient({ baseUrl: 'http://localhost:8080' }).baseUrl).toBe('http://localhost:8080');
  });

  it('pins Cc-Version to 2024-09-16 on every request, overridable by apiVersion and per request', async () => {
    const versions: Array<string | null> = [];
    server.use(http.get(`${BASE}/api/v1/clusters`, ({ request }) => (versions.push(request.headers.get('cc-version')), HttpResponse.json({ clusters: [] }))));
    expect(API_VERSION).toBe('2024-09-16');
    await virtualClient().client.listClusters();
    await virtualClient({ apiVersion: '2023-04-10' }).client.listClusters();
    await virtualClient().client.listClusters({ headers: { 'Cc-Version': '2022-09-20' } });
    expect(versions).toEqual(['2024-09-16', '2023-04-10', '2022-09-20']);
  });

  it('rejects a malformed apiVersion at construction', () => {
    expect(() => createCockroachCloudClient({ apiKey: KEY, apiVersion: 'latest' })).toThrow(/YYYY-MM-DD/);
  });

  it('keeps the key out of inspect and JSON', () => {
    const { client } = virtualClient();
    expect(inspect(client)).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
    expect(inspect(client)).toContain('2024-09-16');
  });
});

describe('errors', () => {
  it('turns a 404 { code, message, details } into a NotFoundError naming the gRPC code, keeping details in body', async () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.ResourceInfo', resource_name: 'abc' }];
    server.use(http.get(`${BASE}/api/v1/clusters/:id`, () => HttpResponse.json({ code: 5, message: 'cluster not found', details }, { status: 404 })));
    const { client } = virtualClient();
    const error = await client.getCluster({ cluster_id: 'abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operation: 'getCluster', provider: 'cockroach', body: { code: 5, message: 'cluster not found', details } });
    expect((error as Error).message).toContain('CockroachDB Cloud answered 404 on getCluster: cluster not found (NOT_FOUND).');
    expect((error as Error).message).toContain('Check the identifiers');
    expect(cockroachErrorBody(error)).toEqual({ code: 5, message: 'cluster not found', details });
  });

  it('lists field violations from google.rpc.BadRequest details in a 400 message', async () => {
    server.use(
      http.post(`${BASE}/api/v1/clusters`, () =>
        HttpResponse.json({ code: 3, message: 'invalid request', details: [{ '@type': 'type.googleapis.com/google.rpc.BadRequest', field_violations: [{ field: 'spec.serverless.regions', description: 'must not be empty' }] }] }, { status: 400 }),
      ),
    );
    const { client } = virtualClient();
    const error = await client.createCluster({ body: { name: 'x', provider: 'GCP', spec: {} } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toContain('invalid request (INVALID_ARGUMENT; spec.serverless.regions: must not be empty)');
  });

  it('points at the apiVersion option when the server rejects Cc-Version', async () => {
    const sim = createCockroachSimulator();
    server.use(...sim.handlers);
    const client = createCockroachCloudClient({ apiKey: KEY, apiVersion: '2024-02-30' });
    const error = await client.listClusters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as Error).message).toMatch(/invalid Cc-Version \(INVALID_ARGUMENT\); this client sent Cc-Version 2024-02-30: check the `apiVersion` option/);
  });

  it('says which credential to check on a 401', async () => {
    server.use(http.get(`${BASE}/api/v1/clusters`, () => HttpResponse.json({ code: 16, message: 'unauthenticated', details: [] }, { status: 401 })));
    const error = await virtualClient().client.listClusters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/unauthenticated \(UNAUTHENTICATED\)\. Check the credential \(option or COCKROACH_API_KEY\)/);
  });

  it('keeps non-JSON answers readable (an HTML page from a proxy)', async () => {
    server.use(http.get(`${BASE}/api/v1/clusters`, () => new HttpResponse('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })));
    const error = await virtualClient({ retry: { maxRetries: 0 } }).client.listClusters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain('an HTML error page instead of JSON');
  });

  it('names gRPC codes by number', () => {
    expect([grpcCodeName(3), grpcCodeName(8), grpcCodeName(16), grpcCodeName(99), grpcCodeName('5')]).toEqual(['INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED', 'UNAUTHENTICATED', undefined, undefined]);
  });
});

describe('canary token', () => {
  it('never shows the API key in logs, errors, inspect or JSON, even when the server echoes it', async () => {
    const canary = 'CANARY-crdb-9f8e7d6c5b4a';
    server.use(http.get(`${BASE}/api/v1/clusters/:id`, ({ request }) => HttpResponse.json({ code: 16, message: `key ${request.headers.get('authorization')} rejected`, details: [{ '@type': 'x', token: canary }] }, { status: 401 })));
    const lines: string[] = [];
    const logger = { debug: (...a: unknown[]) => lines.push(inspect(a)), info: (...a: unknown[]) => lines.push(inspect(a)), warn: (...a: unknown[]) => lines.push(inspect(a)), error: (...a: unknown[]) => lines.push(inspect(a)) };
    const { client } = virtualClient({ apiKey: canary, logLevel: 'debug', logger });
    const error = await client.getCluster({ cluster_id: 'abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(lines.length).toBeGreaterThan(0);
    for (const text of [...lines, (error as Error).message, inspect(error), JSON.stringify(error), inspect(client), JSON.stringify(client)]) expect(text).not.toContain(canary);
  });
});
