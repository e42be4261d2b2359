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
 * Builds the table entry for one operation, failing when the schema and its path template disagree.
 * @param {import('./openapi-walk.mjs').Operation} operation
 * @param {string[]} omitHeaders lower-case header names the client sets itself
 */
export function operationSpec(operation, omitHeaders = []) {
  const where = `${operation.method.toUpperCase()} ${operation.path}`;
  const byLocation = (/** @type {string} */ location) => operation.parameters.filter((p) => p.in === location).map((p) => p.name);
  // Template order, so the table reads like the URL.
  const pathParams = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
  const declared = byLocation('path');
  const undeclared = pathParams.filter((name) => !declared.includes(name));
  const unused = declared.filter((name) => !pathParams.includes(name));
  if (undeclared.length || unused.length) {
    throw new Error(`${where} (${operation.operationId}): path parameters do not match the template (undeclared: ${undeclared.join(', ') || '-'}; not in path: ${unused.join(', ') || '-'}).`);
  }
  return {
    id: /** @type {string} */ (operation.operationId),
    method: operation.method.toUpperCase(),
    path: operation.path,
    pathParams,
    queryParams: byLocation('query'),
    headerParams: byLocation('header').filter((name) => !omitHeaders.includes(name.toLowerCase())),
    body: requestBodySpec(operation.requestBody),
    response: responseKind(operation.responses),
  };
}

/** One line of the `operations` table. */
function tableLine(/** @type {string} */ name, /** @type {ReturnType<typeof operationSpec>} */ spec) {
  const parts = [
    `id: ${quote(spec.id)}`,
    `method: ${quote(spec.method)}`,
    `path: ${quote(spec.path)}`,
    `pathParams: ${list(spec.pathParams)}`,
    `queryParams: ${list(spec.queryParams)}`,
    `headerParams: ${list(spec.headerParams)}`,
  ];
  if (spec.body) parts.push(`body: { required: ${spec.body.required}, contentTypes: ${list(spec.body.contentTypes)} }`);
  parts.push(`response: ${quote(spec.response)}`);
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
 * @param {{ source: string, prefix: string, omitHeaders?: string[] }} options
 */
export function generateOperationsModule(doc, { source, prefix, omitHeaders = [] }) {
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
    const spec = operationSpec(operation, omitHeaders);
    const op = `Ops[${quote(id)}]`;
    table.push(tableLine(name, spec));
    methods.push(methodDoc(operation), `  ${name}(...args: MethodArgs<${op}>): Promise<MethodResult<${op}, ${quote(spec.response)}>>;`);
  }
  return [
    banner(SCRIPT, source),
    "import type { MethodArgs, MethodResult, OperationSpec } from '@x/core';",
    "import type { operations as Ops } from './schema';",
    '',
    '/** Every operation by its method name. */',
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
