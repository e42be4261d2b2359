// graphql.ts: operation result/variable types and `getSdk(client, withWrapper)` from @graphql-codegen, run
// programmatically so no codegen config file exists to drift from this one.
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { stripIgnoredCharacters } from 'graphql';
import { banner } from './banner.mjs';

const SCRIPT = 'codegen/lib/graphql-sdk.mjs';

/** Plugin options. Exported so the tests can assert the contract the packages rely on. */
export const graphqlConfig = {
  // Documents as their text (a TypedDocumentString, defined by TYPED_DOCUMENT_STRING below): a GraphQL AST weighs
  // several times its text in a bundle, and graphql-request would print it back to text on every call.
  documentMode: 'string',
  enumsAsTypes: true,
  avoidOptionals: false,
  useTypeImports: true,
  scalars: {
    uuid: 'string',
    UUID: 'string',
    timestamptz: 'string',
    DateTime: 'string',
    // Postgres interval and uuid[] travel as their text forms ("1 day", "{id1,id2}").
    interval: 'string',
    _uuid: 'string',
    jsonb: 'unknown',
    json: 'unknown',
    JSON: 'unknown',
  },
  // A scalar added to a schema later must be mapped on purpose, not silently become `any`.
  defaultScalarType: 'unknown',
};

/**
 * The class 'string' mode instantiates without defining it (@graphql-codegen's typed-document-node plugin defines it
 * the same way): the document's text, carrying its result and variables types for clients that read them.
 */
export const TYPED_DOCUMENT_STRING = `/** How a GraphQL client reads a document's result and variables types (the shape @graphql-typed-document-node/core declares). */
export interface DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: (variables: TVariables) => TResult;
}
/** A document's text, typed with its result and variables. */
export class TypedDocumentString<TResult, TVariables> extends String implements DocumentTypeDecoration<TResult, TVariables> {
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, unknown>;
  constructor(value: string, __meta__?: Record<string, unknown>) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }
  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
`;

// typescript-graphql-request imports its client's types from graphql-request, whose own types import graphql's: a
// package's types would then load a hundred declaration files of a library it does not otherwise expose. getSdk
// needs only the one method it calls, so the import is replaced by that method's shape, which a graphql-request
// GraphQLClient has.
const CLIENT_IMPORT = `import { type GraphQLClient, type RequestOptions } from 'graphql-request';
type GraphQLClientRequestHeaders = RequestOptions['requestHeaders'];
`;
const CLIENT_TYPES = `/** Request headers as graphql-request takes them. */
type GraphQLClientRequestHeaders = Headers | string[][] | Record<string, string>;
/** What getSdk calls on its client: graphql-request's GraphQLClient has this method. */
export interface GraphQLClient {
  request<T>(options: { document: any; variables?: any; requestHeaders?: GraphQLClientRequestHeaders; signal?: RequestInit['signal'] }): Promise<T>;
}
`;

/**
 * The operation documents of a package, sorted so generation does not depend on directory order.
 * @param {string} dir absolute path of the documents folder
 */
export function documentFiles(dir) {
  if (!fs.existsSync(dir)) throw new Error(`No operation documents folder at ${dir}.`);
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.graphql')).sort();
  if (files.length === 0) throw new Error(`No .graphql operation documents in ${dir}.`);
  return files.map((name) => path.join(dir, name));
}

/**
 * @param {{ schemaFile: string, documentsDir: string, source: string }} options absolute paths; `source` for the banner
 */
export async function generateGraphQLModule({ schemaFile, documentsDir, source }) {
  const output = 'graphql.ts';
  const files = await generate(
    {
      schema: schemaFile,
      documents: documentFiles(documentsDir),
      silent: true,
      errorsOnly: true,
      // Plugins are codegen's devDependencies: resolve them from here, not from the directory pnpm runs in.
      pluginLoader: (/** @type {string} */ name) => import(name),
      generates: { [output]: { plugins: ['typescript-operations', 'typescript-graphql-request'], config: graphqlConfig } },
    },
    false,
  );
  const file = files.find((/** @type {{ filename: string }} */ f) => f.filename === output);
  if (!file) throw new Error(`graphql-codegen produced no ${output} for ${source}.`);
  if (!file.content.includes(CLIENT_IMPORT)) throw new Error(`graphql-codegen's getSdk no longer imports its client types as expected (${source}): update CLIENT_IMPORT.`);
  const content = compactDocuments(file.content.replace(CLIENT_IMPORT, CLIENT_TYPES), source);
  return `${banner(SCRIPT, source)}\n${TYPED_DOCUMENT_STRING}\n${content.endsWith('\n') ? content : `${content}\n`}`;
}

const DOCUMENT = /new TypedDocumentString\(`([^`]*)`(, \{[^}]*\})?\)/g;

/**
 * Each document as its shortest equivalent text (graphql's stripIgnoredCharacters: no indentation, no commas or
 * comments, a space only where two names would run together). The text is what every request carries as `query`,
 * and what every bundle carries.
 * @param {string} content
 * @param {string} source
 */
function compactDocuments(content, source) {
  const expected = content.split('new TypedDocumentString(').length - 1;
  let compacted = 0;
  const result = content.replace(DOCUMENT, (_match, /** @type {string} */ text, /** @type {string | undefined} */ meta) => {
    compacted += 1;
    return `new TypedDocumentString(${JSON.stringify(stripIgnoredCharacters(text))}${meta ?? ''})`;
  });
  if (compacted !== expected) throw new Error(`graphql-codegen wrote ${expected} documents for ${source} but ${compacted} have the expected shape: update DOCUMENT.`);
  return result;
}

