// Loads the BUILT package (run after `tsup`) the two ways users do, and makes a call against the built simulator
// served over HTTP, so a packaging mistake (exports map, CJS/ESM interop, the inlined schema) fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagesLoadedBy } from '../../../scripts/test/packages-loaded-by';

type Package = typeof import('../src');
type Testing = typeof import('../src/testing');

async function roundTrip(pkg: Package, testing: Testing) {
  const sim = testing.createHasuraSimulator();
  const { projectId, tenantId } = sim.state.addProject({ name: 'from-dist', envVars: { A: '1' } });
  const served = await sim.serve();
  try {
    const client = pkg.createHasuraCloudClient({ accessToken: sim.token, endpoint: `${served.url}/v1/graphql`, logLevel: 'off' });
    expect(await client.resolveTenantId(pkg.asProjectId(projectId))).toBe(tenantId);
    expect((await client.getEnvVars(pkg.asTenantId(tenantId))).vars).toMatchObject({ A: '1' });
    const error = await pkg.createHasuraCloudClient({ accessToken: 'wrong-token', endpoint: `${served.url}/v1/graphql`, logLevel: 'off' }).listEgressIps().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(pkg.AuthenticationError);
  } finally {
    await served.close();
  }
}

describe('the built package', () => {
  it('works through require() of dist/index.js', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    await roundTrip(require('../dist/index.js') as Package, require('../dist/testing/index.js') as Testing);
  });

  it('works through import() of dist/index.mjs', async () => {
    const pkg = (await import('../dist/index.mjs' as string)) as Package;
    const testing = (await import('../dist/testing/index.mjs' as string)) as Testing;
    await roundTrip(pkg, testing);
  });

  it('keeps graphql off the import path: a cold require loads no graphql, and graphql-request is built in without its parser and printer', () => {
    // Nothing from node_modules: the core is a workspace package, graphql-request is built in, graphql is not loaded.
    expect(packagesLoadedBy('./dist/index.js', path.resolve(__dirname, '..'))).toEqual([]);
    for (const file of ['index.js', 'index.mjs']) {
      const code = fs.readFileSync(path.resolve(__dirname, '../dist', file), 'utf8');
      // The only package either build imports is the core: a browser bundle of the client carries no graphql.
      const imported = new Set([...code.matchAll(/(?:require\(|from )"([^"]+)"/g)].map((match) => match[1]));
      expect([...imported]).toEqual(['@x/core']);
      expect(code).toMatch(/GraphQLClient = class|class GraphQLClient\b/);
      expect(code).not.toContain('Syntax Error');
    }
  });
});
