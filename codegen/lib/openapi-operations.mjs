// operations.ts: the named-operation table the core runner calls by name, and the typed method interface the
// package's client implements. Shape fixed by `OperationSpec`, `MethodArgs` and `MethodResult` in @x/core.
import { banner } from './banner.mjs';
import { methodNames } from './method-name.mjs';
import { listOperations } from './openapi-walk.mjs';
import { requestBodySpec, responseKind } from './response-kind.mjs';

const SCRIPT = 'codegen/lib/openapi-operations.mjs';

/** A single-quoted TypeScript string literal. */
const quote = (/** @type {string} */ value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const list = (/** @type {string[]} */ values) => `[${values.map(quote).join(', ')}]`;

/**
 * The table entry for one operation: what the core runner needs and nothing it can derive (`OperationSpec` in
 * @x/core). Path parameters come from the template, header parameters from the caller's `headers`, types from
 * schema.ts; empty lists and the default response kind are left out. Fails when the schema and the path template
 * disagree about the path parameters.
 * @param {import('./openapi-walk.mjs').Operation} operation
 * @returns {{ path: string, method: string, query?: string[], body?: string[], response?: import('./response-kind.mjs').ResponseKind }}
 */
export function operationSpec(operation) {
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const byLocation = (/** @type {string} */ location) => operation.parameters.filter((p) => p.in === location).map((p) => p.name);
  const pathParams = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const declared = byLocation('path');
  const undeclared = pathParams.filter((name) => !declared.includes(name));
  const unused = declared.filter((name) => !pathParams.includes(name));
  if (undeclared.length || unused.length) {
    throw new Error(`${where} (${operation.operationId}): path parameters do not match the template (undeclared: ${undeclared.join(', ') || '-'}; not in path: ${unused.join(', ') || '-'}).`);
  }
  /** @type {ReturnType<typeof operationSpec>} */
  const spec = { path: operation.path, method: operation.method.toUpperCase() };
  const query = byLocation('query');
  if (query.length) spec.query = query;
  const body = requestBodySpec(operation.requestBody);
  if (body) spec.body = body.contentTypes;
  const response = responseKind(operation.responses);
  if (response !== 'json') spec.response = response;
  return spec;
}

/**
 * One line of the `operations` table. The path leads each entry, so `: { path: '/v1/projects/{ref}/` repeats from
 * line to line as one long run that gzip refers back to (the Supabase table gzips 5 % smaller than with the method
 * first).
 */
function tableLine(/** @type {string} */ name, /** @type {ReturnType<typeof operationSpec>} */ spec) {
  const parts = [`path: ${quote(spec.path)}`, `method: ${quote(spec.method)}`];
  if (spec.query) parts.push(`query: ${list(spec.query)}`);
  if (spec.body) parts.push(`body: ${list(spec.body)}`);
  if (spec.response) parts.push(`response: ${quote(spec.response)}`);
  return `  ${name}: { ${parts.join(', ')} },`;
}

/** The doc comment of a named method: the schema's summary, then the route. */
function methodDoc(/** @type {import('./openapi-walk.mjs').Operation} */ operation) {
  const route = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  let summary = (operation.summary ?? '').replace(/\s+/g, ' ').trim().replace(/\*\//g, '*\\/');
  if (summary && !/[.!?]$/.test(summary)) summary += '.';
  const text = summary ? `${summary} ${route}` : route;
  return operation.deprecated ? `  /**\n   * ${text}\n   * @deprecated\n   */` : `  /** ${text} */`;
}

/**
 * @param {Record<string, any>} doc the parsed OpenAPI document
 * @param {{ source: string, prefix: string }} options
 */
export function generateOperationsModule(doc, { source, prefix }) {
  const operations = listOperations(doc);
  for (const operation of operations) {
    if (!operation.operationId) throw new Error(`${operation.method.toUpperCase()} ${operation.path} has no operationId; every operation needs one to get a method name.`);
  }
  const names = methodNames(operations.map((o) => /** @type {string} */ (o.operationId)), prefix);
  const table = [];
  const methods = [];
  for (const operation of operations) {
    const id = /** @type {string} */ (operation.operationId);
    const name = /** @type {string} */ (names.get(id));
    const spec = operationSpec(operation);
    const op = `Ops[${quote(id)}]`;
    table.push(tableLine(name, spec));
    methods.push(methodDoc(operation), `  ${name}(...args: MethodArgs<${op}>): Promise<MethodResult<${op}, ${quote(spec.response ?? 'json')}>>;`);
  }
  return [
    banner(SCRIPT, source),
    "import type { MethodArgs, MethodResult, OperationSpec } from '@x/core';",
    "import type { operations as Ops } from './schema';",
    '',
    '/** Every operation by its method name: its path template, method, query parameters, body media types and response kind (`OperationSpec`). */',
    'export const operations = {',
    ...table,
    '} as const satisfies Record<string, OperationSpec>;',
    '',
    '/** The method name of every operation. */',
    'export type OperationName = keyof typeof operations;',
    '',
    '/** Named methods: one per operation, returning the data and throwing typed errors. */',
    'export interface NamedMethods {',
    ...methods,
    '}',
    '',
  ].join('\n');
}
