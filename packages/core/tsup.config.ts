import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['cjs', 'esm'],
  // One shared chunk for both entries in CJS too, so classes from the testing subpath are the main entry's classes.
  splitting: true,
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'es2022',
  treeshake: true,
  external: ['msw', 'msw/node'],
});
