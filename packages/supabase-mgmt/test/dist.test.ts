// The built files, loaded the way users load them: CommonJS through require() and ESM through import().
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = path.resolve(__dirname, '../dist');
const requireFromHere = createRequire(__filename);

type Built = typeof import('../src');
type BuiltTesting = typeof import('../src/testing');

async function oneCall(api: Built, testing: BuiltTesting) {
  const clock = new testing.VirtualClock({ auto: true });
  const sim = testing.createSupabaseSimulator({ clock });
  const client = api.createSupabaseMgmtClient({ accessToken: 'sbp_dist', fetch: sim.fetch, clock });
  const { ref } = await client.createAProject({ body: { name: 'dist', organization_slug: 'acme', db_pass: 'pw' } });
  const healthy = await client.waitForProjectHealthy(ref);
  const missing = await client.getProject({ ref: 'nonexistentprojectre' }).catch((error: unknown) => error);
  return { status: healthy.status, missingIsNotFound: missing instanceof api.NotFoundError };
}

describe('the built package', () => {
  it('works through require() of dist/index.js', async () => {
    const api = requireFromHere(path.join(dist, 'index.js')) as Built;
    const testing = requireFromHere(path.join(dist, 'testing/index.js')) as BuiltTesting;
    expect(await oneCall(api, testing)).toEqual({ status: 'ACTIVE_HEALTHY', missingIsNotFound: true });
  });

  it('works through import() of dist/index.mjs', async () => {
    const api = (await import(pathToFileURL(path.join(dist, 'index.mjs')).href)) as Built;
    const testing = (await import(pathToFileURL(path.join(dist, 'testing/index.mjs')).href)) as BuiltTesting;
    expect(await oneCall(api, testing)).toEqual({ status: 'ACTIVE_HEALTHY', missingIsNotFound: true });
  });
});
