import { describe, expect, it } from 'vitest';
import { operationSpec } from '../lib/openapi-operations.mjs';
import { requestBodySpec, responseKind } from '../lib/response-kind.mjs';

const content = (...types: string[]) => ({ description: 'x', content: Object.fromEntries(types.map((t) => [t, { schema: {} }])) });

describe('responseKind', () => {
  it('is json for a JSON success body', () => {
    expect(responseKind({ '200': content('application/json'), '404': content('text/plain') })).toBe('json');
    expect(responseKind({ '201': content('application/scim+json') })).toBe('json');
  });

  it('is text when the success content type is text/plain', () => {
    expect(responseKind({ '200': content('text/plain') })).toBe('text');
  });

  it('is binary when a success body offers application/octet-stream, even beside JSON', () => {
    expect(responseKind({ '200': content('application/json', 'application/octet-stream') })).toBe('binary');
  });

  it('is binary for any other non-JSON, non-text content', () => {
    expect(responseKind({ '200': content('application/zip') })).toBe('binary');
  });

  it('is none when no 2xx response has content', () => {
    expect(responseKind({ '204': { description: 'gone' } })).toBe('none');
    expect(responseKind({ '200': { description: 'ok' }, '400': content('application/json') })).toBe('none');
    expect(responseKind({ default: content('application/json') })).toBe('none');
  });

  it('looks at every 2xx response', () => {
    expect(responseKind({ '201': content('application/json'), '204': { description: 'x' } })).toBe('json');
  });
});

describe('requestBodySpec', () => {
  it('puts application/json first and keeps the other types in order', () => {
    expect(requestBodySpec({ required: true, content: { 'application/vnd.denoland.eszip': {}, 'application/json': {} } })).toEqual({
      required: true,
      contentTypes: ['application/json', 'application/vnd.denoland.eszip'],
    });
  });

  it('is undefined without a body and marks an unflagged body optional', () => {
    expect(requestBodySpec(undefined)).toBeUndefined();
    expect(requestBodySpec({ content: { 'multipart/form-data': {} } })).toEqual({ required: false, contentTypes: ['multipart/form-data'] });
  });
});

describe('operationSpec', () => {
  const operation = {
    operationId: 'CockroachCloud_ListBackups',
    method: 'get',
    path: '/api/v1/clusters/{cluster_id}/backups/{backup_id}',
    summary: undefined,
    deprecated: false,
    parameters: [
      { name: 'backup_id', in: 'path', required: true },
      { name: 'cluster_id', in: 'path', required: true },
      { name: 'pagination.page', in: 'query', required: false },
      { name: 'Cc-Version', in: 'header', required: false },
      { name: 'X-Trace', in: 'header', required: false },
    ],
    requestBody: undefined,
    responses: { '200': content('application/json') },
  };

  it('keeps what the runner needs: path, method, query parameters; leaves out the path and header parameters and the default response kind', () => {
    expect(operationSpec(operation)).toEqual({
      path: '/api/v1/clusters/{cluster_id}/backups/{backup_id}',
      method: 'GET',
      query: ['pagination.page'],
    });
  });

  it('records the body media types, JSON first, and a response kind other than JSON', () => {
    const upload = {
      ...operation,
      method: 'put',
      parameters: operation.parameters.filter((p) => p.in === 'path'),
      requestBody: { content: { 'application/octet-stream': {}, 'application/json': {} } },
      responses: { '204': {} },
    };
    expect(operationSpec(upload)).toEqual({ path: operation.path, method: 'PUT', body: ['application/json', 'application/octet-stream'], response: 'none' });
  });

  it('fails when the path template and the declared path parameters disagree', () => {
    const broken = { ...operation, parameters: operation.parameters.filter((p) => p.name !== 'backup_id') };
    expect(() => operationSpec(broken)).toThrow(/undeclared: backup_id/);
  });
});
