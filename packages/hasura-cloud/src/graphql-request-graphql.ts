// What the bundled graphql-request gets for `import ... from 'graphql'` (see tsup.config.ts). The client hands it
// document text only, with `excludeOperationName` (src/graphql-client.ts), so it never parses or prints a document;
// these stand-ins fail loudly if that ever changes, instead of shipping graphql's parser and printer to every user.
export const Kind = { OPERATION_DEFINITION: 'OperationDefinition' } as const;

function unavailable(what: string): never {
  throw new Error(`@x/hasura-cloud sends GraphQL documents as text: graphql's ${what} is not part of its build.`);
}

export function parse(): never {
  return unavailable('parser');
}

export function print(): never {
  return unavailable('printer');
}
