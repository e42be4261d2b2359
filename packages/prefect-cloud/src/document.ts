import { Kind, parse, type DocumentNode } from 'graphql';
import { ValidationError } from '@x/core';

/** The name and type of a document's (first) operation: what errors, logs and the retry decision go by. */
export function describeDocument(document: string | DocumentNode): { operation: string; operationType: 'query' | 'mutation' } {
  let node: DocumentNode;
  try {
    node = typeof document === 'string' ? parse(document) : document;
  } catch (error) {
    throw new ValidationError(`The GraphQL document does not parse: ${error instanceof Error ? error.message : String(error)}`, { provider: 'prefect' });
  }
  const definition = node.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!definition || definition.kind !== Kind.OPERATION_DEFINITION) throw new ValidationError('The GraphQL document has no operation.', { provider: 'prefect' });
  if (definition.operation === 'subscription') throw new ValidationError('Subscriptions are not supported over this client.', { provider: 'prefect' });
  return { operation: definition.name?.value ?? 'anonymous', operationType: definition.operation };
}
