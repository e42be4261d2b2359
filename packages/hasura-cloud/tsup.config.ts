import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['cjs', 'esm'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  external: ['msw', 'msw/node'],
  // The simulator inlines the project's schema (schemas/hasura-cloud.graphql) as text.
  loader: { '.graphql': 'text' },
});
