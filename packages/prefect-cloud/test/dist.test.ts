// The built package, loaded the two ways users load it (CommonJS require and ESM import), against the simulator.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'graphql';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagesLoadedBy } from '../../../scripts/test/packages-loaded-by';

const require = createRequire(__filename);
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the built package', () => {
  it('works through require(dist/index.js)', async () => {
    const sdk = require('../dist/index.js') as typeof import('../src/index');
    const testing = require('../dist/testing/index.js') as typeof import('../src/testing/index');
    const sim = testing.createPrefectSimulator();
    server.resetHandlers(...sim.handlers);
    const client = sdk.createPrefectCloudClient({ apiKey: sim.state.defaults.apiKey, logLevel: 'off' });
    expect((await client.listFlows().toArray()).map((f) => f.name)).toEqual(['etl']);
    await expect(client.getFlow('00000000-0000-4000-8000-ffffffffffff')).rejects.toBeInstanceOf(sdk.NotFoundError);
    // A document of the caller's own loads graphql on first use (required, in this build), as text and as an AST.
    expect(await client.request<{ flow: Array<{ name: string }> }>('query Names { flow { name } }')).toMatchObject({ flow: expect.arrayContaining([{ name: 'etl' }]) });
    expect(await client.request(parse('query Names { flow { name } }'))).toMatchObject({ flow: expect.arrayContaining([{ name: 'etl' }]) });
    await expect(client.request('query {')).rejects.toBeInstanceOf(sdk.ValidationError);
  });

  it('works through import(dist/index.mjs)', async () => {
    const sdk = (await import('../dist/index.mjs' as string)) as typeof import('../src/index');
    const testing = (await import('../dist/testing/index.mjs' as string)) as typeof import('../src/testing/index');
    const sim = testing.createPrefectSimulator();
    server.resetHandlers(...sim.handlers);
    const client = sdk.createPrefectCloudClient({ apiKey: sim.state.defaults.apiKey, logLevel: 'off' });
    const { id } = await client.createProject({ name: 'from-esm' });
    expect(sim.state.projects.get(id)?.name).toBe('from-esm');
    expect(typeof sdk.VersionLockingError).toBe('function');
    // The same, with graphql imported on first use.
    expect(await client.request(parse('query Names { project { name } }'))).toMatchObject({ project: expect.arrayContaining([{ name: 'from-esm' }]) });
  });

  it('keeps graphql off the import path: a cold require loads no graphql, and graphql-request is built in without its parser and printer', () => {
    // Nothing from node_modules: the core is a workspace package, graphql-request is built in, graphql is not loaded
    // (as it is by graphql-request itself).
    expect(packagesLoadedBy('./dist/index.js', path.resolve(__dirname, '..'))).toEqual([]);
    expect(packagesLoadedBy('graphql-request', path.resolve(__dirname, '..'))).toEqual(['graphql', 'graphql-request']);
    const imports = (file: string) => {
      const code = fs.readFileSync(path.resolve(__dirname, '../dist', file), 'utf8');
      expect(code).not.toContain('Syntax Error');
      return [...new Set([...code.matchAll(/(?:^|[^.\w])(?:require\(|from |import\()"([^"]+)"/g)].map((match) => match[1]!))].sort();
    };
    // CommonJS: the core at the top; graphql required only inside the lazily run module that reads a caller's document.
    expect(imports('index.js')).toEqual(['@x/core', 'graphql']);
    // ES modules: the core alone; graphql only in the chunk `request` imports on first use.
    const esm = imports('index.mjs');
    expect(esm.filter((name) => !name.startsWith('./'))).toEqual(['@x/core']);
    const chunks = esm.filter((name) => name.startsWith('./'));
    expect(chunks).toHaveLength(1);
    expect(imports(chunks[0]!)).toEqual(['graphql']);
    expect(fs.readFileSync(path.resolve(__dirname, '../dist/index.js'), 'utf8')).toMatch(/GraphQLClient = class|class GraphQLClient\b/);
  });
});
