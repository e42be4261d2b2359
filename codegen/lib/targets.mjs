// The four generation targets as data: which schema feeds which package, and how its method names are made.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, which every path below is relative to: codegen/ sits directly under it. */
export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @typedef {{ name: string, kind: 'openapi', schema: string, packageDir: string, operationPrefix: string }} OpenAPITarget */
/** @typedef {{ name: string, kind: 'graphql', schema: string, packageDir: string, documents: string }} GraphQLTarget */
/** @typedef {OpenAPITarget | GraphQLTarget} Target */

/** Every target, in generation order. Paths are relative to the repository root. */
export const targets = /** @type {Target[]} */ ([
  {
    name: 'supabase',
    kind: 'openapi',
    schema: 'schemas/supabase-mgmt.openapi.yaml',
    packageDir: 'packages/supabase-mgmt',
    operationPrefix: 'v1-',
  },
  {
    name: 'cockroach',
    kind: 'openapi',
    schema: 'schemas/cockroach-cloud.openapi.yaml',
    packageDir: 'packages/cockroach-cloud',
    operationPrefix: 'CockroachCloud_',
  },
  {
    name: 'hasura',
    kind: 'graphql',
    schema: 'schemas/hasura-cloud.graphql',
    packageDir: 'packages/hasura-cloud',
    documents: 'src/operations',
  },
  {
    name: 'prefect',
    kind: 'graphql',
    schema: 'schemas/prefect-cloud.graphql',
    packageDir: 'packages/prefect-cloud',
    documents: 'src/operations',
  },
]);

/**
 * Picks targets by short name (`supabase`) or package folder name (`supabase-mgmt`); no names means all.
 * Throws on a name that matches nothing, so a typo never silently generates nothing.
 * @param {string[]} names
 * @returns {Target[]}
 */
export function selectTargets(names) {
  if (names.length === 0) return targets;
  return names.map((name) => {
    const found = targets.find((t) => t.name === name || t.packageDir.endsWith(`/${name}`));
    if (!found) throw new Error(`Unknown codegen target "${name}". Known targets: ${targets.map((t) => t.name).join(', ')}.`);
    return found;
  });
}
