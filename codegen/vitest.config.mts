import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Several tests run the whole pipeline (openapi-typescript on 300 kB schemas, graphql-codegen) in a child
    // process: seconds each on a busy 2-core machine.
    testTimeout: 60_000,
  },
});
