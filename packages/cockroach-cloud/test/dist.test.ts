import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useServer, KEY } from './support';

const server = useServer();

// The built files, as users load them: CommonJS through require(), ESM through import().
describe('the built package', () => {
  it('works through require(dist/index.js) against the simulator from dist/testing', async () => {
    const { createCockroachCloudClient, API_VERSION, NotFoundError } = require('../dist/index.js');
    const { createCockroachSimulator } = require('../dist/testing/index.js');
    const sim = createCockroachSimulator();
    sim.state.seedCluster({ name: 'from-cjs' });
    server.use(...sim.handlers);
    const client = createCockroachCloudClient({ apiKey: KEY });
    const names: string[] = [];
    for await (const cluster of client.paginate('listClusters')) names.push(cluster.name);
    expect(names).toEqual(['from-cjs']);
    expect(API_VERSION).toBe('2024-09-16');
    await expect(client.getCluster({ cluster_id: 'missing' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('works through import(dist/index.mjs)', async () => {
    // Built at run time, so the paths stay out of the type-checker's sight (typecheck may run before the build).
    const load = (file: string) => import(pathToFileURL(path.resolve(__dirname, '../dist', file)).href);
    const { createCockroachCloudClient } = await load('index.mjs');
    const { createCockroachSimulator } = await load('testing/index.mjs');
    const sim = createCockroachSimulator();
    sim.state.seedCluster({ name: 'from-esm' });
    server.use(...sim.handlers);
    const client = createCockroachCloudClient({ apiKey: KEY });
    expect((await client.listClusters()).clusters.map((c: { name: string }) => c.name)).toEqual(['from-esm']);
  });
});
