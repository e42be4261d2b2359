import type { Plugin } from 'esbuild';

/** Bundles graphql-request with graphql's parser and printer left out (see graphql-request-text-only.mjs). */
export declare const graphqlRequestTextOnly: Plugin;
