import { describe, expect, it } from 'vitest';
import { textDocumentClientOptions } from '../src/index';
import { operationNameOf } from '../src/graphql-text';

describe('textDocumentClientOptions', () => {
  const { jsonSerializer } = textDocumentClientOptions;

  it('turns off graphql-request\'s own reading of the document (which needs graphql\'s parser)', () => {
    expect(textDocumentClientOptions.excludeOperationName).toBe(true);
  });

  it('fills in operationName from the text of the document, as graphql-request would after parsing it', () => {
    const body = { query: 'query GetProject($id:uuid!){project(id:$id){id}}', variables: { id: 'p1' } };
    expect(JSON.parse(jsonSerializer.stringify(body))).toEqual({ ...body, operationName: 'GetProject' });
    expect(JSON.parse(jsonSerializer.stringify({ query: '\n  mutation Rename { rename { id } }' })).operationName).toBe('Rename');
  });

  it('leaves a given operationName alone and sends none for a document that does not start with a named operation', () => {
    expect(JSON.parse(jsonSerializer.stringify({ query: 'query A { a }', operationName: 'Chosen' })).operationName).toBe('Chosen');
    expect(JSON.parse(jsonSerializer.stringify({ query: '{ a }' }))).toEqual({ query: '{ a }' });
    expect(JSON.parse(jsonSerializer.stringify({ query: 'fragment F on T { a } query Q { ...F }' }))).toEqual({ query: 'fragment F on T { a } query Q { ...F }' });
  });

  it('parses answers as JSON', () => {
    expect(jsonSerializer.parse('{"data":{"a":1}}')).toEqual({ data: { a: 1 } });
  });
});

describe('operationNameOf', () => {
  it('reads the name of every document, however many distinct documents a long-lived client sends', () => {
    for (let i = 0; i < 2_000; i++) expect(operationNameOf(`query Q${i} { a }`)).toBe(`Q${i}`);
    expect(operationNameOf('query Q0 { a }')).toBe('Q0');
    expect(operationNameOf('subscription S { a }')).toBe('S');
    expect(operationNameOf('not a document')).toBeUndefined();
  });
});
