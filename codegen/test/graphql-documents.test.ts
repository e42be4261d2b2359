// The GraphQL modules carry each document as its text, never as an AST: nothing is imported from graphql at run
// time, and a client sends the text as it is. Each operation's text starts with the operation itself (its
// fragments follow), which is where a client reads the operation name from.
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, stripIgnoredCharacters, type DefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFiles, generateGraphQLModule } from '../lib/graphql-sdk.mjs';
import { targets } from '../lib/targets.mjs';
import { repositoryRoot } from './helpers';

const modules = new Map<string, string>();
/** The definitions of each package's .graphql sources, by name. */
const sources = new Map<string, Map<string, DefinitionNode>>();

beforeAll(async () => {
  for (const target of targets) {
    if (target.kind !== 'graphql') continue;
    const source = `${target.schema} and ${target.documents}/*.graphql`;
    const documentsDir = path.join(repositoryRoot, target.packageDir, target.documents);
    modules.set(target.name, await generateGraphQLModule({ schemaFile: path.join(repositoryRoot, target.schema), documentsDir, source }));
    const definitions = new Map<string, DefinitionNode>();
    for (const file of documentFiles(documentsDir)) {
      for (const definition of parse(fs.readFileSync(file, 'utf8')).definitions) {
        if ('name' in definition && definition.name) definitions.set(definition.name.value, definition);
      }
    }
    sources.set(target.name, definitions);
  }
}, 60_000);

/** Every `export const <Name>Document = new TypedDocumentString("...")` of a module, by name. */
function documents(content: string): Map<string, string> {
  return new Map([...content.matchAll(/^export const (\w+)Document = new TypedDocumentString\(("(?:[^"\\]|\\.)*")\)/gm)].map((match) => [match[1]!, JSON.parse(match[2]!) as string]));
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

  it('are written as short as GraphQL allows and mean exactly what the .graphql sources say', () => {
    for (const [name, content] of modules) {
      const definitions = sources.get(name)!;
      for (const [operation, text] of documents(content)) {
        // Nothing left to strip: no indentation, commas or comments travel with each request.
        expect(stripIgnoredCharacters(text), `${name} ${operation}`).toBe(text);
        expect(text, `${name} ${operation}`).not.toMatch(/\n/);
        // Every definition in the text (the operation and the fragments it spreads) prints as its source does.
        for (const definition of parse(text).definitions) {
          expect(definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION).toBe(true);
          const definitionName = 'name' in definition && definition.name ? definition.name.value : '';
          expect(definitions.has(definitionName), `${name} ${operation}: ${definitionName}`).toBe(true);
          expect(print(definition), `${name} ${operation}: ${definitionName}`).toBe(print(definitions.get(definitionName)!));
        }
      }
    }
  });
});
