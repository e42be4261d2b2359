// An esbuild plugin for the GraphQL packages' tsup builds: graphql-request is bundled, and its `graphql` import
// resolves to graphql-request-graphql.ts, since the clients send document text only; graphql's parser and printer
// (most of a browser bundle, most of a cold require) stay out. Every other `graphql` import (a simulator, a lazy
// import for documents a caller passes as an AST) gets the real package, left external.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const stub = path.join(path.dirname(fileURLToPath(import.meta.url)), 'graphql-request-graphql.ts');

/** @type {import('esbuild').Plugin} */
export const graphqlRequestTextOnly = {
  name: 'graphql-request-text-only',
  setup(build) {
    build.onResolve({ filter: /^graphql$/ }, (args) => (/[\\/]node_modules[\\/]graphql-request[\\/]/.test(args.importer) ? { path: stub } : { path: args.path, external: true }));
  },
};
