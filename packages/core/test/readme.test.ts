// README snippets are the files in examples/ (type-checked with the package), word for word.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as core from '../src/index';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = new URL('../examples/', import.meta.url);
const files = readdirSync(examples).filter((name) => name.endsWith('.ts'));

describe('README', () => {
  it('shows only snippets that are example files', () => {
    const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    const sources = files.map((name) => readFileSync(new URL(name, examples), 'utf8'));
    expect(snippets.length).toBeGreaterThan(0);
    for (const snippet of snippets) expect(sources).toContain(snippet);
    for (const source of sources) expect(snippets).toContain(source);
  });

  it('documents every error class the package exports', () => {
    const classes = Object.entries(core).filter(([, value]) => typeof value === 'function' && (value as { prototype?: unknown }).prototype instanceof Error);
    expect(classes.length).toBeGreaterThan(10);
    for (const [name] of classes) expect(readme).toContain(`| \`${name}\` |`);
  });

  it('documents every retry policy field with its default', () => {
    for (const [field, value] of Object.entries(core.DEFAULT_RETRY_POLICY)) {
      const shown = Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
      expect(readme).toContain(`| \`retry.${field}\` | \`${shown}\` |`);
    }
  });
});
