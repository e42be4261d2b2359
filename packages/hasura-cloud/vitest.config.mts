import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  plugins: [
    {
      // The simulator imports the schema as text; the build does the same with esbuild's text loader.
      name: 'graphql-as-text',
      transform(code, id) {
        if (id.endsWith('.graphql')) return { code: `export default ${JSON.stringify(code)};`, map: null };
        return undefined;
      },
    },
  ],
  resolve: {
    // One graphql instance for everyone (graphql-request loads it through require, the simulator through import):
    // otherwise "Cannot use GraphQLSchema from another module or realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql/index.js') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
