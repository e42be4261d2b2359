// Loads the BUILT package (run after `tsup`) the two ways users do, and makes a call against the built simulator
// served over HTTP, so a packaging mistake (exports map, CJS/ESM interop, the inlined schema) fails here.
import { describe, expect, it } from 'vitest';

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
});
