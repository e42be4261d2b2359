import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // The suite is CPU-bound (thousands of in-process requests): two workers match a two-core CI runner.
    maxWorkers: 2,
  },
});
