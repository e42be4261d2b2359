import { defineConfig } from 'tsup';
import { graphqlRequestTextOnly } from '../../scripts/build/graphql-request-text-only.mjs';

// graphql-request is bundled with graphql's parser and printer left out (the client sends document text only); the
// simulator gets the real graphql package, left external.
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
  // The simulator inlines the project's schema (schemas/hasura-cloud.graphql) as text.
  loader: { '.graphql': 'text' },
});
