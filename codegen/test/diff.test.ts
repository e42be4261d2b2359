// The pull report's comparisons, on small documents built inline.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffGraphQL } from '../lib/diff-graphql.mjs';
import { diffOpenAPI } from '../lib/diff-openapi.mjs';
import { repositoryRoot } from './helpers';

const spec = (paths: Record<string, unknown>) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths });
const op = (operationId: string, parameters: unknown[] = []) => ({ operationId, parameters, responses: { '200': { description: 'ok' } } });
const param = (name: string, where = 'path') => ({ name, in: where, required: where === 'path', schema: { type: 'string' } });

describe('diffOpenAPI', () => {
  it('matches operations by method and route shape, so a renamed path parameter is a parameter change', () => {
    const diff = diffOpenAPI(spec({ '/p/{ref}': { get: op('get', [param('ref')]) } }), spec({ '/p/{project_ref}': { get: op('get', [param('project_ref')]) } }));
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([
      { method: 'GET', path: '/p/{project_ref}', operationId: 'get', addedParams: ['path project_ref (required string)'], removedParams: ['path ref'], changedParams: [] },
    ]);
  });

  it('reports a renamed operationId on the same route', () => {
    const diff = diffOpenAPI(spec({ '/p': { post: op('v1-old') } }), spec({ '/p': { post: op('v1-new') } }));
    expect(diff.changed).toEqual([{ method: 'POST', path: '/p', operationId: 'v1-new', renamedFrom: 'v1-old', addedParams: [], removedParams: [], changedParams: [] }]);
  });

  it('reports a changed enum on a kept parameter', () => {
    const before = { name: 'sort', in: 'query', schema: { type: 'string', enum: ['asc'] } };
    const after = { ...before, schema: { type: 'string', enum: ['asc', 'desc'] } };
    const diff = diffOpenAPI(spec({ '/p': { get: op('list', [before]) } }), spec({ '/p': { get: op('list', [after]) } }));
    expect(diff.changed[0]?.changedParams).toEqual(['query sort: optional string enum(asc) -> optional string enum(asc|desc)']);
  });

  it('leaves out headers the project declares on purpose, whatever their case', () => {
    const mine = spec({ '/c': { get: op('list', [{ name: 'Cc-Version', in: 'header', schema: { type: 'string' } }]) } });
    expect(diffOpenAPI(mine, spec({ '/c': { get: op('list') } }), { ignoreHeaders: ['cc-version'] }).changed).toEqual([]);
    expect(diffOpenAPI(mine, spec({ '/c': { get: op('list') } })).changed[0]?.removedParams).toEqual(['header Cc-Version']);
  });

  it('compares parameter schemas after resolving $refs', () => {
    const named = { ...spec({ '/p': { get: op('list', [{ name: 's', in: 'query', schema: { $ref: '#/components/schemas/S' } }]) } }), components: { schemas: { S: { type: 'string', enum: ['a'] } } } };
    const inline = spec({ '/p': { get: op('list', [{ name: 's', in: 'query', schema: { type: 'string', enum: ['a'] } }]) } });
    expect(diffOpenAPI(named, inline).changed).toEqual([]);
  });

  it('finds nothing when a schema is compared with itself', () => {
    const doc = spec({ '/p/{id}': { get: op('get', [param('id')]), delete: op('del', [param('id')]) } });
    expect(diffOpenAPI(doc, structuredClone(doc))).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('diffGraphQL', () => {
  it('reads the project SDLs, type extensions included, and finds nothing against themselves', () => {
    for (const file of ['schemas/prefect-cloud.graphql', 'schemas/hasura-cloud.graphql']) {
      const sdl = fs.readFileSync(path.join(repositoryRoot, file), 'utf8');
      expect(diffGraphQL(sdl, sdl)).toEqual({ addedTypes: [], removedTypes: [], changedTypes: [] });
    }
  });

  it('ignores built-in scalars and compares input fields', () => {
    const diff = diffGraphQL('type Query { a: Int } input F { x: String }', 'type Query { a: Int } input F { x: String y: Int } scalar uuid');
    expect(diff).toEqual({ addedTypes: ['uuid'], removedTypes: [], changedTypes: [{ type: 'F', added: ['y'], removed: [] }] });
  });
});
