// The generated files must compile under the strict settings the packages use, against the real @x/core
// types and the graphql-request they import, and the method types must accept and reject what they should.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../lib/load-document.mjs';
import { generateOperationsModule } from '../lib/openapi-operations.mjs';
import { generateSchemaModule } from '../lib/openapi-schema.mjs';
import { renderTargets } from '../lib/render.mjs';
import { targets } from '../lib/targets.mjs';
import { codegenDir, fixturesDir, repositoryRoot } from './helpers';

// Inside codegen/node_modules so the generated imports (graphql-request, graphql) resolve to codegen's copies.
const cacheDir = path.join(codegenDir, 'node_modules', '.cache');
let dir: string;

const usage = `
import { GraphQLClient } from 'graphql-request';
import type { OperationSpec } from '@x/core';
import { operations as supabaseOperations, type NamedMethods as Supabase, type OperationName } from './supabase-mgmt/operations';
import type { NamedMethods as Cockroach } from './cockroach-cloud/operations';
import type { NamedMethods as Quirks } from './quirks/operations';
import { getSdk as hasuraSdk, GetProjectDocument, type GetProjectQuery, type GetProjectQueryVariables } from './hasura-cloud/graphql';
import { getSdk as prefectSdk, type Sdk as PrefectSdk } from './prefect-cloud/graphql';

declare const supabase: Supabase;
declare const cockroach: Cockroach;
declare const quirks: Quirks;

export async function usage() {
  const project = await supabase.getProject({ ref: 'abcdefghijklmnopqrst' });
  const name: string = project.name;
  // @ts-expect-error the path parameter is required
  await supabase.getProject({});
  const none: void = await quirks.deleteHostnameConfig({ ref: 'x' });
  const text: string = await quirks.diffABranch({ branch_id: 'b', headers: { 'Idempotency-Key': 'k' } });
  const bytes: Uint8Array = await quirks.getAFunctionBody({ ref: 'x', function_slug: 'f' });
  const clusters = await cockroach.listClusters();
  const spec: OperationSpec = supabaseOperations.getProject;
  const method: OperationName = 'deleteHostnameConfig';
  const variables: GetProjectQueryVariables = { projectId: 'id' };
  const hasura = hasuraSdk(new GraphQLClient('http://localhost/v1/graphql'), (action, operationName) => (operationName ? action() : action()));
  const result: GetProjectQuery = await hasura.GetProject(variables);
  const prefect: PrefectSdk = prefectSdk(new GraphQLClient('http://localhost'));
  // A document is its text, which graphql-request sends as is.
  const documentText: string = GetProjectDocument.toString();
  const sent: GetProjectQuery = await new GraphQLClient('http://localhost/v1/graphql').request<GetProjectQuery>(documentText, variables);
  return [name, none, text, bytes, clusters, spec, method, result, prefect, sent];
}
`;

beforeAll(async () => {
  fs.mkdirSync(cacheDir, { recursive: true });
  dir = fs.mkdtempSync(path.join(cacheDir, 'typecheck-'));
  const write = (relative: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  };
  for (const file of await renderTargets(targets, repositoryRoot)) {
    write(file.path.replace(/^packages\/([^/]+)\/src\/generated\//, '$1/'), file.content);
  }
  const quirks = loadDocument(path.join(fixturesDir, 'quirks.openapi.yaml'));
  write('quirks/schema.ts', await generateSchemaModule(quirks, 'quirks'));
  write('quirks/operations.ts', generateOperationsModule(quirks, { source: 'quirks', prefix: 'v1-' }));
  write('usage.ts', usage);
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'Preserve',
        moduleResolution: 'Bundler',
        isolatedModules: true,
        noUncheckedIndexedAccess: true,
        types: [],
        // The generated files import the core's types; check them against its source, not a build.
        paths: { '@x/core': [path.join(repositoryRoot, 'packages/core/src/index.ts')] },
      },
      include: ['**/*.ts'],
    }),
  );
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generated TypeScript', () => {
  it('type-checks with strict settings, and the method types fit their use', () => {
    const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 120_000);
});
