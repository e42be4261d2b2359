// Renders a target's generated files in memory. Writing and checking both start here, so `--check` compares
// exactly what a write would produce.
import path from 'node:path';
import { generateGraphQLModule } from './graphql-sdk.mjs';
import { loadDocument } from './load-document.mjs';
import { generateOperationsModule } from './openapi-operations.mjs';
import { generateSchemaModule } from './openapi-schema.mjs';

/** @typedef {{ path: string, content: string }} RenderedFile path relative to the repository root, '/'-separated */

/** Where a target's generated files live, relative to the repository root. */
export const generatedDir = (/** @type {import('./targets.mjs').Target} */ target) => `${target.packageDir}/src/generated`;

/**
 * @param {import('./targets.mjs').Target} target
 * @param {string} root the repository root
 * @returns {Promise<RenderedFile[]>}
 */
export async function renderTarget(target, root) {
  const out = generatedDir(target);
  if (target.kind === 'openapi') {
    const doc = loadDocument(path.join(root, target.schema));
    return [
      { path: `${out}/schema.ts`, content: await generateSchemaModule(doc, target.schema) },
      { path: `${out}/operations.ts`, content: generateOperationsModule(doc, { source: target.schema, prefix: target.operationPrefix }) },
    ];
  }
  const content = await generateGraphQLModule({
    schemaFile: path.join(root, target.schema),
    documentsDir: path.join(root, target.packageDir, target.documents),
    source: `${target.schema} and ${target.documents}/*.graphql`,
  });
  return [{ path: `${out}/graphql.ts`, content }];
}

/**
 * Renders targets one after another: graphql-codegen and openapi-typescript are CPU-bound, and sequential
 * runs keep any error attributable to one target.
 * @param {import('./targets.mjs').Target[]} targets
 * @param {string} root
 */
export async function renderTargets(targets, root) {
  /** @type {RenderedFile[]} */
  const files = [];
  for (const target of targets) {
    try {
      files.push(...(await renderTarget(target, root)));
    } catch (error) {
      throw new Error(`codegen target "${target.name}" (${target.schema}) failed: ${describeError(error)}`, { cause: error });
    }
  }
  return files;
}

/**
 * The message of an error, including each inner error of an AggregateError (graphql-codegen throws those).
 * @param {unknown} error
 * @returns {string}
 */
export function describeError(error) {
  if (error instanceof AggregateError && error.errors.length) return error.errors.map(describeError).join('\n');
  return error instanceof Error ? error.message : String(error);
}
