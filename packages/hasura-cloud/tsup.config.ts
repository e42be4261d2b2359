import path from 'node:path';
import { defineConfig } from 'tsup';
import type { Plugin } from 'esbuild';

// graphql-request is bundled, and its `graphql` import resolves to src/graphql-request-graphql.ts: the client sends
// document text only, so graphql's parser and printer (most of a browser bundle, most of a cold require) stay out.
// Everything else that imports `graphql` (the simulator) gets the real package, left external.
const graphqlRequestWithoutGraphql: Plugin = {
  name: 'graphql-request-without-graphql',
  setup(build) {
    build.onResolve({ filter: /^graphql$/ }, (args) =>
      /[\\/]node_modules[\\/]graphql-request[\\/]/.test(args.importer) ? { path: path.resolve('src/graphql-request-graphql.ts') } : { path: args.path, external: true },
    );
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['cjs', 'esm'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  external: ['msw', 'msw/node'],
  noExternal: ['graphql-request', 'graphql'],
  esbuildPlugins: [graphqlRequestWithoutGraphql],
  // The simulator inlines the project's schema (schemas/hasura-cloud.graphql) as text.
  loader: { '.graphql': 'text' },
});
