// The GraphQL modules carry each document as its text, never as an AST: nothing is imported from graphql at run
// time, and a client sends the text as it is. Each operation's text starts with the operation itself (its
// fragments follow), which is where a client reads the operation name from.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateGraphQLModule } from '../lib/graphql-sdk.mjs';
import { targets } from '../lib/targets.mjs';
import { repositoryRoot } from './helpers';

const modules = new Map<string, string>();

beforeAll(async () => {
  for (const target of targets) {
    if (target.kind !== 'graphql') continue;
    const source = `${target.schema} and ${target.documents}/*.graphql`;
    modules.set(target.name, await generateGraphQLModule({ schemaFile: path.join(repositoryRoot, target.schema), documentsDir: path.join(repositoryRoot, target.packageDir, target.documents), source }));
  }
}, 60_000);

/** Every `export const <Name>Document = new TypedDocumentString(`...`)` of a module, by name. */
function documents(content: string): Map<string, string> {
  return new Map([...content.matchAll(/^export const (\w+)Document = new TypedDocumentString\(`([^`]*)`/gm)].map((match) => [match[1]!, match[2]!]));
}

describe('GraphQL documents', () => {
  it('are text in both packages, with no value imported from graphql', () => {
    expect([...modules.keys()]).toEqual(['hasura', 'prefect']);
    for (const [name, content] of modules) {
      expect(content, name).toMatch(/^export class TypedDocumentString<TResult, TVariables> extends String/m);
      expect(content, name).not.toMatch(/^import (?!type )[^;]*from 'graphql';/m);
      expect(content, name).not.toContain('"kind":"Document"');
      expect(documents(content).size, name).toBeGreaterThan(10);
    }
  });

  it('import nothing, not even types: getSdk types its client by the one method it calls', () => {
    for (const [name, content] of modules) {
      expect(content.match(/^import .*$/gm), name).toBeNull();
      expect(content, name).toMatch(/^export interface GraphQLClient \{\n {2}request<T>\(/m);
    }
  });

  it('start with their operation, named as the SDK method that sends them', () => {
    for (const [name, content] of modules) {
      for (const [operation, text] of documents(content)) {
        expect(text, `${name} ${operation}`).toMatch(new RegExp(`^\\s*(query|mutation) ${operation}\\b`));
        expect(content, `${name} ${operation}`).toContain(`document: ${operation}Document,`);
      }
    }
  });
});
