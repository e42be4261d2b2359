// The built package, loaded the two ways users load it (CommonJS require and ESM import), against the simulator.
import { createRequire } from 'node:module';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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
  });
});
