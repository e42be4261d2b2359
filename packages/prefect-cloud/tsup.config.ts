import { defineConfig } from 'tsup';
import { graphqlRequestTextOnly } from '../../scripts/build/graphql-request-text-only.mjs';

// graphql-request is bundled with graphql's parser and printer left out (the client hands it document text only);
// graphql itself stays external, for the simulator and for documents a caller passes to `request` (loaded lazily).
export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['cjs', 'esm'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  external: ['msw', 'msw/node'],
  noExternal: ['graphql-request', 'graphql'],
  esbuildPlugins: [graphqlRequestTextOnly],
});
