import type { DocumentNode } from 'graphql';
import { ValidationError } from '@x/core';
import type { DocumentTypeDecoration } from './generated/graphql';

/**
 * A parsed GraphQL document (graphql's `DocumentNode`), by the fields this client reads: declared here so the
 * package's types do not load graphql's declarations.
 */
export interface GraphQLDocumentNode {
  readonly kind: string;
  readonly definitions: ReadonlyArray<unknown>;
}

/** A parsed document typed with its result and variables: the shape of a `TypedDocumentNode` from graphql-codegen. */
export interface TypedGraphQLDocumentNode<TResult, TVariables> extends GraphQLDocumentNode, DocumentTypeDecoration<TResult, TVariables> {}

/** A document of the caller's own, as graphql-request is given it (text) and as the wrapper goes by it. */
export interface DescribedDocument {
  /** The document's text: a string as given, an AST printed. */
  text: string;
  /** The name of its (first) operation: what errors, logs and the retry decision go by. */
  operation: string;
  operationType: 'query' | 'mutation';
}

/**
 * Reads a caller's document with graphql's parser, loaded on the first such call: the SDK's own documents never need
 * it, so `require('@x/prefect-cloud')` does not load graphql at all.
 */
export async function describeDocument(document: string | GraphQLDocumentNode): Promise<DescribedDocument> {
  const { Kind, parse, print } = await import('./graphql-parse');
  let node: DocumentNode;
  try {
    node = typeof document === 'string' ? parse(document) : (document as DocumentNode);
  } catch (error) {
    throw new ValidationError(`The GraphQL document does not parse: ${error instanceof Error ? error.message : String(error)}`, { provider: 'prefect' });
  }
  const definition = node.definitions?.find?.((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!definition || definition.kind !== Kind.OPERATION_DEFINITION) throw new ValidationError('The GraphQL document has no operation.', { provider: 'prefect' });
  if (definition.operation === 'subscription') throw new ValidationError('Subscriptions are not supported over this client.', { provider: 'prefect' });
  return { text: typeof document === 'string' ? document : print(node), operation: definition.name?.value ?? 'anonymous', operationType: definition.operation };
}
