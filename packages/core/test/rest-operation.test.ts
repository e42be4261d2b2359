import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { callOperation, ConflictError, NotFoundError, toFormData, ValidationError, XError, type OperationSpec } from '../src/index';
import { faults, type Fault } from '../src/testing/index';
import { BASE, scriptedTransport } from './helpers';

const getProject: OperationSpec = { path: '/v1/projects/{ref}', method: 'GET', query: ['include'] };
const createProject: OperationSpec = { path: '/v1/projects', method: 'POST', body: ['application/json'] };

/** A transport answering from `script`, and the runner calling operations through it. */
function rest(script: Fault[], options: Parameters<typeof scriptedTransport>[1] = {}) {
  const harness = scriptedTransport(script, options);
  const call = (name: string, spec: OperationSpec, params?: Record<string, unknown>, requestOptions?: Parameters<typeof callOperation>[5]) => callOperation(BASE, harness.transport, name, spec, params, requestOptions);
  return { ...harness, call };
}

describe('callOperation', () => {
  it('sends the operation and returns the parsed data', async () => {
    const { call, calls } = rest([faults.json(200, { id: 'abc', name: 'shop' })]);
    await expect(call('getProject', getProject, { ref: 'abc', include: 'usage', ignored: 'x' })).resolves.toEqual({ id: 'abc', name: 'shop' });
    expect(calls[0]!.url).toBe(`${BASE}/v1/projects/abc?include=usage`);
  });

  it.each([
    ['../../admin', '..%2F..%2Fadmin'],
    ['a?b', 'a%3Fb'],
    ['a#b', 'a%23b'],
    ['a%2Fb', 'a%252Fb'],
    ['projé', 'proj%C3%A9'],
  ])('encodes the path parameter %j once, as %j', async (ref, encoded) => {
    const { call, calls } = rest([]);
    await call('getProject', getProject, { ref });
    expect(calls[0]!.url).toBe(`${BASE}/v1/projects/${encoded}`);
  });

  it('throws a ValidationError and sends nothing when a path parameter is missing', async () => {
    const { call, calls } = rest([]);
    await expect(call('getProject', getProject, {})).rejects.toThrow(new ValidationError('Missing path parameter "ref".'));
    expect(calls).toHaveLength(0);
  });

  it('throws the typed error built from the answer', async () => {
    const { call } = rest([faults.json(404, { message: 'Project not found' }, { 'x-request-id': 'srv-9' })]);
    const error = await call('getProject', getProject, { ref: 'abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, operation: 'getProject', method: 'GET', body: { message: 'Project not found' }, requestId: 'srv-9', attempts: 1, url: `${BASE}/v1/projects/abc` });
  });

  it('sends a JSON body and maps a 409 to ConflictError', async () => {
    const { call, calls } = rest([faults.json(409, { message: 'name taken' })]);
    await expect(call('createProject', createProject, { body: { name: 'shop' } })).rejects.toBeInstanceOf(ConflictError);
    expect(calls[0]!.body).toBe('{"name":"shop"}');
    expect(calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('wraps an unreadable success in an XError naming the operation', async () => {
    const { call } = rest([faults.notJson(200)]);
    const error = await call('getProject', getProject, { ref: 'abc' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XError);
    expect((error as Error).message).toMatch(/^Supabase sent an answer to getProject that could not be read/);
  });

  it('hands request options to the transport: operation name, retries, timeout', async () => {
    const { call, calls } = rest([faults.serverError(503), faults.serverError(503)]);
    await expect(call('getProject', getProject, { ref: 'abc' }, { retry: { maxRetries: 0 } })).rejects.toMatchObject({ status: 503, attempts: 1, operation: 'getProject' });
    expect(calls).toHaveLength(1);
  });

  it('returns undefined for an operation that answers nothing', async () => {
    const { call } = rest([{ kind: 'response', status: 204 }]);
    await expect(call('deleteProject', { ...getProject, method: 'DELETE', response: 'none' }, { ref: 'abc' })).resolves.toBeUndefined();
  });

  it('returns text and bytes for text and binary operations', async () => {
    const { call } = rest([{ kind: 'response', status: 200, headers: { 'content-type': 'text/plain' }, body: 'plain answer' }, { kind: 'response', status: 200, headers: { 'content-type': 'application/octet-stream' }, body: 'AB' }]);
    await expect(call('getText', { ...getProject, response: 'text' }, { ref: 'a' })).resolves.toBe('plain answer');
    await expect(call('getBytes', { ...getProject, response: 'binary' }, { ref: 'a' })).resolves.toEqual(new Uint8Array([65, 66]));
  });

  it('sends form-encoded and multipart bodies when the operation takes them', async () => {
    const { call, calls } = rest([]);
    const form: OperationSpec = { ...createProject, body: ['application/x-www-form-urlencoded'] };
    await call('token', form, { body: { grant_type: 'refresh_token', skip: undefined } });
    expect(calls[0]!.body).toBe('grant_type=refresh_token');
    expect(calls[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const multipart: OperationSpec = { ...createProject, body: ['multipart/form-data'] };
    await call('deploy', multipart, { body: { metadata: { name: 'fn' }, file: { name: 'index.ts', content: 'export {}' } } });
    expect(calls[1]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(calls[1]!.body).toContain('filename="index.ts"');
  });

  it('reads a spec at its defaults: no query parameters, JSON answers, and a body only where one is declared', async () => {
    const { call, calls } = rest([faults.json(200, { ok: 1 }), faults.json(200, { ok: 2 })]);
    const listProjects: OperationSpec = { path: '/v1/projects', method: 'GET' };
    await expect(call('listProjects', listProjects, { include: 'usage', body: { stray: true } })).resolves.toEqual({ ok: 1 });
    expect(calls[0]!.url).toBe(`${BASE}/v1/projects`);
    expect(calls[0]!.body).toBe('');
    await expect(call('createProject', createProject, { include: 'usage', body: { name: 'shop' } })).resolves.toEqual({ ok: 2 });
    expect(calls[1]!.url).toBe(`${BASE}/v1/projects`);
  });

  it('sends bytes as the binary media type the operation accepts and anything else as JSON, unless the caller picks a type', async () => {
    const { call, calls } = rest([]);
    const createFunction: OperationSpec = { path: '/v1/functions', method: 'POST', body: ['application/json', 'application/vnd.denoland.eszip'] };
    await call('createFunction', createFunction, { body: new Uint8Array([1, 2]) });
    expect(calls[0]!.headers['content-type']).toBe('application/vnd.denoland.eszip');
    await call('createFunction', createFunction, { body: { name: 'fn' } });
    expect(calls[1]!.headers['content-type']).toBe('application/json');
    await call('createFunction', createFunction, { body: { name: 'fn' }, contentType: 'application/vnd.denoland.eszip' });
    expect(calls[2]!.headers['content-type']).toBe('application/vnd.denoland.eszip');
  });
});

describe('callOperation on the wire, side by side with the raw openapi-fetch layer', () => {
  const search: OperationSpec = { path: '/v1/projects/{ref}/search', method: 'GET', query: ['q', 'limit', 'flag', 'tags', 'filter', 'none', 'empty'] };
  const update: OperationSpec = { path: '/v1/projects/{ref}', method: 'PATCH', body: ['application/json', 'application/vnd.denoland.eszip'] };
  const cases: Array<[string, OperationSpec, Record<string, unknown>, { headers?: Record<string, string> }?]> = [
    ['primitives, percent-encoded', search, { ref: 'abc', q: 'a b&c=d/é?#+', limit: 10, flag: false }],
    ['arrays repeat the name; an empty array, a null and an undefined are left out', search, { ref: 'abc', tags: ['x', 'y z'], empty: [], none: null, q: undefined }],
    ['objects go as name[key]', search, { ref: 'abc', filter: { status: 'ACTIVE', region: 'us east' } }],
    ["header parameters win over the call's headers, whatever the case of their names", search, { ref: 'abc', headers: { 'X-Trace': 'param', 'x-only-param': '1' } }, { headers: { 'x-trace': 'call', 'X-Only-Call': '2' } }],
    ['a JSON body with its content type', update, { ref: 'abc', body: { name: 'shop', tags: ['a'] } }],
    ["a JSON body whose content type the call's headers set", update, { ref: 'abc', body: { name: 'shop' } }, { headers: { 'Content-Type': 'application/merge-patch+json' } }],
    ["bytes as the operation's binary type, which the call's headers cannot change", update, { ref: 'abc', body: new Uint8Array([1, 2, 3]) }, { headers: { 'content-type': 'text/plain' } }],
  ];

  it.each(cases)('%s', async (_, spec, params, options) => {
    const ours = rest([]);
    await ours.call('op', spec, params, options);
    // The same request through openapi-fetch, given the parameters the way the generated raw layer takes them.
    const theirs = rest([]);
    const client = createClient({ baseUrl: BASE, fetch: theirs.transport.fetch });
    const query = Object.fromEntries((spec.query ?? []).map((name) => [name, params[name]]));
    const binary = params.body instanceof Uint8Array;
    await client.request(spec.method.toLowerCase() as 'get', spec.path.replace('{ref}', String(params.ref)) as never, {
      params: { query, header: params.headers },
      headers: { ...options?.headers, ...(binary ? { 'content-type': 'application/vnd.denoland.eszip' } : {}) },
      body: params.body,
      ...(binary ? { bodySerializer: (body: unknown) => body } : {}),
    } as never);
    expect(ours.calls).toHaveLength(1);
    expect(ours.calls[0]).toEqual(theirs.calls[0]);
  });

  it('sends a date query parameter as its ISO 8601 text', async () => {
    const { call, calls } = rest([]);
    await call('search', search, { ref: 'abc', q: new Date(Date.UTC(2026, 10, 23, 9, 30)), tags: [new Date(0)] });
    expect(calls[0]!.url).toBe(`${BASE}/v1/projects/abc/search?q=2026-11-23T09%3A30%3A00.000Z&tags=1970-01-01T00%3A00%3A00.000Z`);
  });

  it('refuses a query parameter holding a nested object, before anything is sent', async () => {
    const { call, calls } = rest([]);
    await expect(call('search', search, { ref: 'abc', filter: { nested: { deep: 1 } } })).rejects.toThrow(new ValidationError('Query parameter filter[nested] holds a nested object or array, which cannot be sent in a query string.'));
    expect(calls).toHaveLength(0);
  });

  it('reads an empty answer without a length as no data, and a 204 or a HEAD as no data', async () => {
    const { call } = rest([
      { kind: 'response', status: 200, headers: { 'content-type': 'application/json' }, body: '' },
      { kind: 'response', status: 204 },
      { kind: 'response', status: 200, headers: { 'content-type': 'application/json', 'x-total-count': '3' }, body: '' },
    ]);
    await expect(call('getProject', getProject, { ref: 'abc' })).resolves.toBeUndefined();
    await expect(call('getProject', getProject, { ref: 'abc' })).resolves.toBeUndefined();
    await expect(call('countRuns', { ...getProject, method: 'HEAD' }, { ref: 'abc' })).resolves.toBeUndefined();
  });
});

describe('toFormData', () => {
  it('turns files into file parts, objects into plain fields holding their JSON and the rest into text', async () => {
    const form = toFormData({ file: { name: 'a.txt', content: 'hi', type: 'text/plain' }, bytes: new Uint8Array([1]), meta: { a: 1 }, count: 2, tags: ['x', 'y'], none: null });
    expect((form.get('file') as File).name).toBe('a.txt');
    expect(await (form.get('file') as File).text()).toBe('hi');
    expect(form.get('meta')).toBe('{"a":1}');
    expect(form.get('count')).toBe('2');
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    expect(form.has('none')).toBe(false);
    expect(form.get('bytes')).toBeInstanceOf(Blob);
  });

  it('passes a FormData through as it is', () => {
    const form = new FormData();
    expect(toFormData(form)).toBe(form);
  });
});
