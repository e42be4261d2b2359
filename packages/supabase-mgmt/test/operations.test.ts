// Every named method, called once against an msw handler built from the operation table: what the server received
// (method, path with encoded parameters, query, headers, body) and what the method returned are both asserted.
import fs from 'node:fs';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import YAML from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OperationSpec } from '@x/core';
import { createSupabaseMgmtClient, operations } from '../src';

const BASE = 'https://api.supabase.com';
// What the table leaves out (the operation id, the path and header parameters), read from the schema itself.
type Parameter = { name: string; in: string } | { $ref: string };
const schema = YAML.parse(fs.readFileSync(path.resolve(__dirname, '../../../schemas/supabase-mgmt.openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; parameters?: Parameter[]; responses: Record<string, unknown> }>>;
  components: { parameters?: Record<string, { name: string; in: string }> };
};
const resolve = (parameter: Parameter) => ('$ref' in parameter ? schema.components.parameters![parameter.$ref.split('/').pop()!]! : parameter);
interface FromSchema {
  id: string;
  successStatus: number;
  pathParams: string[];
  headerParams: string[];
}
const fromSchema = new Map<string, FromSchema>();
for (const [route, item] of Object.entries(schema.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (method === 'parameters' || !operation?.operationId) continue;
    const shared = (item as { parameters?: Parameter[] }).parameters ?? [];
    const parameters = [...shared, ...(operation.parameters ?? [])].map(resolve);
    const where = (location: string) => [...new Set(parameters.filter((p) => p.in === location).map((p) => p.name))];
    fromSchema.set(`${method.toUpperCase()} ${route}`, {
      id: operation.operationId,
      successStatus: Number(Object.keys(operation.responses).find((status) => status.startsWith('2'))),
      pathParams: where('path'),
      headerParams: where('header'),
    });
  }
}
const schemaOf = (spec: OperationSpec) => fromSchema.get(`${spec.method} ${spec.path}`)!;

interface Received {
  operation: string;
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: Headers;
  contentType: string;
  text: string;
  form?: FormData;
}
let received: Received[] = [];

const entries = Object.entries(operations) as Array<[string, OperationSpec]>;
const literals = (template: string) => template.split('/').filter((segment) => segment && !segment.startsWith('{')).length;
const server = setupServer(
  ...[...entries]
    .sort(([, a], [, b]) => literals(b.path) - literals(a.path))
    .map(([name, spec]) =>
      http[spec.method.toLowerCase() as 'get'](`${BASE}${spec.path.replace(/\{([^}]+)\}/g, ':$1')}`, async ({ request }) => {
        const url = new URL(request.url);
        const contentType = request.headers.get("content-type") ?? "";
        const form = contentType.startsWith('multipart/form-data') ? await request.clone().formData() : undefined;
        received.push({ operation: name, method: request.method, pathname: url.pathname, query: url.searchParams, headers: request.headers, contentType, text: form ? '' : await request.text(), form });
        const status = schemaOf(spec).successStatus;
        if (spec.method === 'HEAD') return new HttpResponse(null, { status, headers: { 'x-total-count': '7' } });
        if (status === 204 || spec.response === 'none') return new HttpResponse(null, { status });
        if (spec.response === 'text') return HttpResponse.text(`text of ${name}`, { status });
        if (spec.response === 'binary') return new HttpResponse(new Uint8Array([0, 1, 2, 255]), { status, headers: { 'content-type': 'application/octet-stream' } });
        return HttpResponse.json({ answeredBy: name }, { status });
      }),
    ),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  received = [];
});
afterAll(() => server.close());

/** Values that must be encoded: a slash (which would change the route) and a space. */
const pathValue = (key: string) => `${key}-1/x y`;
const expectedPath = (template: string) => template.replace(/\{([^}]+)\}/g, (_, key: string) => encodeURIComponent(pathValue(key)));

function bodyFor(name: string, spec: OperationSpec): unknown {
  const type = spec.body![0];
  if (type === 'multipart/form-data') return { metadata: { entrypoint_path: 'index.ts', name: 'hello' }, file: [{ name: 'index.ts', content: 'Deno.serve(() => new Response("hi"))' }] };
  if (type === 'application/x-www-form-urlencoded') return { grant_type: 'refresh_token', refresh_token: 'r-token', client_id: 'c-id' };
  return { probe: name };
}

function paramsFor(name: string, spec: OperationSpec): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const { pathParams, headerParams } = schemaOf(spec);
  for (const key of pathParams) params[key] = pathValue(key);
  for (const key of spec.query ?? []) params[key] = `q-${key}`;
  if (headerParams.length) params.headers = Object.fromEntries(headerParams.map((key) => [key, `h-${key}`]));
  if (spec.body) params.body = bodyFor(name, spec);
  return params;
}

function expectBodyReceived(name: string, spec: OperationSpec, got: Received): void {
  if (!spec.body) return;
  const type = spec.body[0]!;
  expect(got.contentType, name).toContain(type);
  if (type === 'multipart/form-data') {
    expect(got.form!.get('metadata')).toBe('{"entrypoint_path":"index.ts","name":"hello"}');
    const file = got.form!.get('file') as File;
    expect(file.name).toBe('index.ts');
  } else if (type === 'application/x-www-form-urlencoded') {
    expect(got.text).toBe('grant_type=refresh_token&refresh_token=r-token&client_id=c-id');
  } else {
    expect(JSON.parse(got.text)).toEqual({ probe: name });
  }
}

// Made before `server.listen()` on purpose: msw replaces Request and Headers when it starts, and the client must
// still send every header (the JSON content type was once lost this way).
const client = createSupabaseMgmtClient({ accessToken: 'sbp_table_token', retry: { maxRetries: 0 } });

describe('every named method', () => {
  it('covers all 164 operations of the table, each a route of the schema whose path parameters its template names', () => {
    expect(entries).toHaveLength(164);
    expect(new Set(entries.map(([, spec]) => schemaOf(spec)?.id)).size).toBe(164);
    for (const [name, spec] of entries) {
      const inTemplate = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
      expect(inTemplate.sort(), name).toEqual([...schemaOf(spec).pathParams].sort());
    }
  });

  it.each(entries)('%s sends its method, encoded path, query, headers and body, and returns the declared result', async (name, spec) => {
    const method = (client as unknown as Record<string, (params: unknown) => Promise<unknown>>)[name]!;
    const result = await method(paramsFor(name, spec));
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.operation).toBe(name);
    expect(got.method).toBe(spec.method);
    expect(got.pathname).toBe(expectedPath(spec.path));
    for (const key of spec.query ?? []) expect(got.query.get(key)).toBe(`q-${key}`);
    for (const key of schemaOf(spec).headerParams) expect(got.headers.get(key)).toBe(`h-${key}`);
    expect(got.headers.get('authorization')).toBe('Bearer sbp_table_token');
    expectBodyReceived(name, spec, got);
    if (name === 'countActionRuns') expect(result).toBe(7);
    else if (spec.response === 'none') expect(result).toBeUndefined();
    else if (spec.response === 'text') expect(result).toBe(`text of ${name}`);
    else if (spec.response === 'binary') expect(result).toEqual(new Uint8Array([0, 1, 2, 255]));
    else expect(result).toEqual({ answeredBy: name });
  });
});

describe('every operation through the raw typed layer', () => {
  it.each(entries)('%s answers { data, response } with the declared status', async (name, spec) => {
    const path: Record<string, string> = {};
    for (const key of schemaOf(spec).pathParams) path[key] = pathValue(key);
    const query = Object.fromEntries((spec.query ?? []).map((key) => [key, `q-${key}`]));
    const header = Object.fromEntries(schemaOf(spec).headerParams.map((key) => [key, `h-${key}`]));
    const init: Record<string, unknown> = { params: { path, query, header }, parseAs: spec.response === 'text' ? 'text' : spec.response === 'binary' ? 'arrayBuffer' : 'json' };
    const type = spec.body?.[0];
    if (type === 'multipart/form-data') {
      const form = new FormData();
      form.append('metadata', JSON.stringify({ entrypoint_path: 'index.ts', name: 'hello' }));
      form.append('file', new Blob(['Deno.serve(() => new Response("hi"))']), 'index.ts');
      init.body = form;
    } else if (type === 'application/x-www-form-urlencoded') {
      init.body = bodyFor(name, spec);
      init.bodySerializer = (body: Record<string, string>) => new URLSearchParams(body);
      init.headers = { 'content-type': type };
    } else if (type) {
      init.body = { probe: name };
    }
    const raw = client.raw as unknown as { request(method: string, url: string, init: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }> };
    const { data, error, response } = await raw.request(spec.method.toLowerCase(), spec.path, init);
    expect(error).toBeUndefined();
    expect(response.status).toBe(schemaOf(spec).successStatus);
    const got = received[0]!;
    expect(got.operation).toBe(name);
    expect(got.pathname).toBe(expectedPath(spec.path));
    expectBodyReceived(name, spec, got);
    if (spec.method === 'HEAD') expect(response.headers.get('x-total-count')).toBe('7');
    else if ((spec.response ?? 'json') === 'json' && response.status !== 204) expect(data).toEqual({ answeredBy: name });
    else if (spec.response === 'text') expect(data).toBe(`text of ${name}`);
  });
});
