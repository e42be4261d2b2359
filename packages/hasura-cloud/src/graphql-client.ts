// graphql-request set up to send the generated documents' text as it is. It neither parses a document (for its
// operation name) nor prints one (from an AST), so graphql's parser and printer are never needed: the build bundles
// graphql-request without them (tsup.config.ts), which keeps `graphql` out of a cold require and out of browser
// bundles.
import { GraphQLClient } from 'graphql-request';

// The first operation's name: every generated document starts with its one operation (fragments follow it).
const OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
const names = new Map<string, string | undefined>();

/** The name of a document's operation, read from its text once (the documents are a fixed set). */
export function operationNameOf(query: string): string | undefined {
  let name = names.get(query);
  if (name === undefined && !names.has(query)) {
    name = OPERATION_NAME.exec(query)?.[1];
    names.set(query, name);
  }
  return name;
}

interface RequestBody {
  query?: unknown;
  operationName?: string;
}

// graphql-request hands its serializer a fresh body object per request; `operationName` is filled in from the text
// so the server still sees which operation is sent (as when graphql-request parses the document itself).
const jsonSerializer = {
  stringify(body: RequestBody): string {
    if (body && typeof body.query === 'string' && body.operationName === undefined) body.operationName = operationNameOf(body.query);
    return JSON.stringify(body);
  },
  parse: JSON.parse,
};

/** A graphql-request client posting to `endpoint` through `fetch` (the core transport). */
export function createGraphQLClient(endpoint: string, fetch: typeof globalThis.fetch): GraphQLClient {
  return new GraphQLClient(endpoint, { fetch, excludeOperationName: true, jsonSerializer });
}
