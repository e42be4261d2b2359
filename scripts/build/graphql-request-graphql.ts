// What a bundled graphql-request gets for `import ... from 'graphql'` (see graphql-request-text-only.mjs). The GraphQL
// clients hand it document text only, with `excludeOperationName` (@x/core's textDocumentClientOptions), so it never
// parses or prints a document; these stand-ins fail loudly if that ever changes, instead of shipping graphql's parser
// and printer to every user.
export const Kind = { OPERATION_DEFINITION: 'OperationDefinition' } as const;

function unavailable(what: string): never {
  throw new Error(`This client sends GraphQL documents to graphql-request as text: graphql's ${what} is not part of its build.`);
}

export function parse(): never {
  return unavailable('parser');
}

export function print(): never {
  return unavailable('printer');
}
