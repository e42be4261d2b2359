// What a graphql-request client needs to send generated documents as the text they are: graphql-request neither
// parses a document (for its operation name) nor prints one (from an AST), so graphql's parser and printer are
// never loaded or bundled, and `operationName` is still filled in from the text.

// The first operation's name: a generated document starts with its one operation (fragments follow it).
const OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;
// Names read so far, by document text: the generated documents are a fixed set; documents a caller writes are not,
// so the memory is bounded.
const names = new Map<string, string | undefined>();
const MAX_NAMES = 500;

/** The name of a document's leading operation, read from its text (undefined when it starts otherwise). */
export function operationNameOf(query: string): string | undefined {
  let name = names.get(query);
  if (name === undefined && !names.has(query)) {
    name = OPERATION_NAME.exec(query)?.[1];
    if (names.size >= MAX_NAMES) names.delete(names.keys().next().value!);
    names.set(query, name);
  }
  return name;
}

interface RequestBody {
  query?: unknown;
  operationName?: string;
}

/**
 * Options for a graphql-request `GraphQLClient` that is only ever handed document text:
 * `new GraphQLClient(endpoint, { fetch, ...textDocumentClientOptions })`. graphql-request hands its serializer a
 * fresh body object per request, so `operationName` is filled in there, as graphql-request would after parsing.
 */
export const textDocumentClientOptions = {
  excludeOperationName: true,
  jsonSerializer: {
    stringify(body: RequestBody): string {
      if (body && typeof body.query === 'string' && body.operationName === undefined) body.operationName = operationNameOf(body.query);
      return JSON.stringify(body);
    },
    parse: JSON.parse as (text: string) => any,
  },
} as const;
