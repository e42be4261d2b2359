import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The READMEs show no TypeScript that is not compiled: every fenced TypeScript block in the root README and in each
// package's README appears verbatim in an example the suite type-checks: examples/*.ts, the tour's files and the ESM
// example (typecheck.test.ts, runners.test.ts), or a package's own examples/*.ts (type-checked below, against the
// built packages). Shell and other non-TypeScript blocks are exempt.
const examples = path.resolve(__dirname, '..');
const root = path.resolve(examples, '..');
const typescriptFence = new Set(['ts', 'typescript', 'tsx', 'mts', 'cts']);

const normalize = (text: string): string => text.replace(/\r\n/g, '\n');

const readmes = [
  'README.md',
  ...fs
    .readdirSync(path.join(root, 'packages'))
    .map((name) => `packages/${name}/README.md`)
    .filter((file) => fs.existsSync(path.join(root, file))),
];

const compiled = [
  ...fs.readdirSync(examples).filter((f) => f.endsWith('.ts')),
  ...['tour', 'esm'].flatMap((dir) =>
    fs.existsSync(path.join(examples, dir))
      ? fs.readdirSync(path.join(examples, dir)).filter((f) => /\.m?ts$/.test(f)).map((f) => `${dir}/${f}`)
      : [],
  ),
].map((file) => ({ file: `examples/${file}`, text: normalize(fs.readFileSync(path.join(examples, file), 'utf8')) }));

/** Example files a package keeps beside its README (packages/<name>/examples/*.ts). */
const packageExamples = fs
  .readdirSync(path.join(root, 'packages'))
  .flatMap((name) => {
    const dir = path.join(root, 'packages', name, 'examples');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => `packages/${name}/examples/${f}`) : [];
  });
compiled.push(...packageExamples.map((file) => ({ file, text: normalize(fs.readFileSync(path.join(root, file), 'utf8')) })));

interface Block {
  line: number;
  lang: string;
  code: string;
}

/** Fenced code blocks (``` or ~~~, any length) with their info string's language and starting line. */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = normalize(markdown).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (new RegExp(`^ {0,3}${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`).test(lines[j]!)) break;
      body.push(lines[j]!.startsWith(indent!) ? lines[j]!.slice(indent!.length) : lines[j]!);
    }
    blocks.push({ line: i + 1, lang: lang!.toLowerCase(), code: body.join('\n') });
    i = j;
  }
  return blocks;
}

describe('README snippets', () => {
  it('reads the root README and a README per package', () => {
    expect(readmes).toContain('README.md');
    expect(readmes.filter((f) => f.startsWith('packages/')).length).toBeGreaterThanOrEqual(5);
    expect(compiled.length).toBeGreaterThan(10);
  });

  it("a package's own example files type-check against the built packages", () => {
    if (packageExamples.length === 0) return;
    // Snippet-style modules (top-level await), resolved like a bundler resolves them: through the exports maps to dist.
    const options = ['--noEmit', '--target', 'ES2022', '--lib', 'ES2022,DOM,DOM.Iterable', '--module', 'preserve', '--moduleResolution', 'bundler', '--moduleDetection', 'force'];
    options.push('--strict', '--noUncheckedIndexedAccess', '--skipLibCheck', '--esModuleInterop', '--types', 'node', '--typeRoots', path.join(examples, 'node_modules/@types'));
    let output = '';
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), ...options, ...packageExamples], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });

  for (const readme of readmes) {
    it(`every TypeScript block in ${readme} is verbatim in a type-checked example`, () => {
      const blocks = fencedBlocks(fs.readFileSync(path.join(root, readme), 'utf8')).filter((b) => typescriptFence.has(b.lang));
      // A package README shows code; finding none would mean the fences were not recognised.
      if (readme.startsWith('packages/')) expect(blocks.length).toBeGreaterThan(0);
      const uncompiled = blocks
        .filter((block) => block.code.trim() !== '' && !compiled.some(({ text }) => text.includes(block.code)))
        .map((block) => `${readme}:${block.line}: ${block.code.split('\n').find((l) => l.trim()) ?? ''}`);
      expect(uncompiled, 'snippets not found verbatim in any examples file').toEqual([]);
    });
  }
});
