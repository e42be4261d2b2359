import { describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import type { OperationSpec } from '@x/core';
import { operations, type OperationName } from '../src';
import { useServer, virtualClient, KEY } from './support';

const server = useServer();
const BASE = 'https://cockroachlabs.cloud';
const entries = Object.entries(operations) as Array<[OperationName, OperationSpec]>;
const pathParamsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

interface Seen {
  operation: string;
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  ccVersion: string | null;
  authorization: string | null;
}

// One handler per operation, fixed segments first so `/Groups/.search` is not taken for `/Groups/{id}`.
function tableHandlers(seen: Seen[]) {
  const specificity = (path: string) => path.split('/').length * 100 + path.split('/').filter((s) => !s.startsWith('{')).length;
  return [...entries]
    .sort(([, a], [, b]) => specificity(b.path) - specificity(a.path))
    .map(([name, spec]) =>
      http[spec.method.toLowerCase() as 'get'](`${BASE}${spec.path.replace(/\{([^}]+)\}/g, ':$1')}`, async ({ request }) => {
        const url = new URL(request.url);
        const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
        seen.push({
          operation: name,
          method: request.method,
          path: url.pathname,
          query: Object.fromEntries(url.searchParams),
          body: text ? JSON.parse(text) : undefined,
          ccVersion: request.headers.get('cc-version'),
          authorization: request.headers.get('authorization'),
        });
        return HttpResponse.json({ answeredBy: name });
      }),
    );
}

// Path values with a space, a slash and a non-ASCII letter: each must arrive percent-encoded in its own segment.
const pathValue = (param: string) => `v ${param}/é`;
const expectedPath = (path: string) => path.replace(/\{([^}]+)\}/g, (_, param: string) => encodeURIComponent(pathValue(param)));
const queryValue = (param: string) => `q-${param}`;

function argsFor(name: OperationName) {
  const spec: OperationSpec = operations[name];
  const params: Record<string, unknown> = {};
  for (const param of pathParamsOf(spec.path)) params[param] = pathValue(param);
  for (const param of spec.query ?? []) params[param] = queryValue(param);
  if (spec.body) params.body = { probe: name, nested: { count: '9223372036854775807' } };
  return params;
}

describe('every operation of the table', () => {
  it('has 144 named operations, 25 of them SCIM', () => {
    expect(entries).toHaveLength(144);
    expect(entries.filter(([, spec]) => spec.path.startsWith('/api/scim/v2/'))).toHaveLength(25);
  });

  it('sends each named method with its method, encoded path, every query parameter (dotted ones included), body, Cc-Version and key', async () => {
    const seen: Seen[] = [];
    server.use(...tableHandlers(seen));
    const { client } = virtualClient({ rateLimit: false });
    for (const [name, spec] of entries) {
      const method = client[name] as (params: Record<string, unknown>) => Promise<unknown>;
      const result = await method(argsFor(name));
      expect(result, name).toEqual({ answeredBy: name });
      const request = seen.at(-1)!;
      expect(request.operation, name).toBe(name);
      expect(request.method, name).toBe(spec.method);
      expect(request.path, name).toBe(expectedPath(spec.path));
      expect(request.query, name).toEqual(Object.fromEntries((spec.query ?? []).map((param) => [param, queryValue(param)])));
      expect(request.body, name).toEqual(spec.body ? { probe: name, nested: { count: '9223372036854775807' } } : undefined);
      expect(request.ccVersion, name).toBe('2024-09-16');
      expect(request.authorization, name).toBe(`Bearer ${KEY}`);
    }
    expect(seen).toHaveLength(144);
  });

  it('answers each operation through the raw layer as { data, error, response } with the same request on the wire', async () => {
    const seen: Seen[] = [];
    server.use(...tableHandlers(seen));
    const { client } = virtualClient({ rateLimit: false });
    const raw = client.raw as unknown as Record<string, (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>>;
    for (const [name, spec] of entries) {
      const args = argsFor(name);
      const path: Record<string, unknown> = {};
      const query: Record<string, unknown> = {};
      for (const param of pathParamsOf(spec.path)) path[param] = args[param];
      for (const param of spec.query ?? []) query[param] = args[param];
      const result = await raw[spec.method]!(spec.path, { params: { path, query }, ...(spec.body ? { body: args.body } : {}) });
      expect(result.error, name).toBeUndefined();
      expect(result.data, name).toEqual({ answeredBy: name });
      expect(result.response.status, name).toBe(200);
      const request = seen.at(-1)!;
      expect([request.operation, request.method, request.path, request.ccVersion], name).toEqual([name, spec.method, expectedPath(spec.path), '2024-09-16']);
      expect(request.query, name).toEqual(Object.fromEntries((spec.query ?? []).map((param) => [param, queryValue(param)])));
    }
  });

  it('returns the API error body as `error` from the raw layer instead of throwing', async () => {
    server.use(http.get(`${BASE}/api/v1/clusters/:id`, () => HttpResponse.json({ code: 5, message: 'cluster not found', details: [] }, { status: 404 })));
    const { client } = virtualClient();
    const { data, error, response } = await client.raw.GET('/api/v1/clusters/{cluster_id}', { params: { path: { cluster_id: 'missing' } } });
    expect(data).toBeUndefined();
    expect(error).toEqual({ code: 5, message: 'cluster not found', details: [] });
    expect(response.status).toBe(404);
  });

  it('refuses a missing path parameter before sending anything', async () => {
    const { client } = virtualClient();
    await expect(client.getCluster({ cluster_id: '' })).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('cluster_id') });
  });
});
