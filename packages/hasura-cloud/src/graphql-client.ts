// graphql-request set up to send the generated documents' text as it is (the core's textDocumentClientOptions). It
// neither parses a document nor prints one, so graphql's parser and printer are never needed: the build bundles
// graphql-request without them (tsup.config.ts), which keeps `graphql` out of a cold require and out of browser
// bundles.
import { textDocumentClientOptions } from '@x/core';
import { GraphQLClient } from 'graphql-request';

/** A graphql-request client posting to `endpoint` through `fetch` (the core transport). */
export function createGraphQLClient(endpoint: string, fetch: typeof globalThis.fetch): GraphQLClient {
  return new GraphQLClient(endpoint, { fetch, ...textDocumentClientOptions });
}
