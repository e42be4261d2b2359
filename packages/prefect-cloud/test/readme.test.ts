import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const examples = path.join(__dirname, '..', '..', '..', 'examples');

describe('README', () => {
  const snippets = [...readme.matchAll(/`examples\/(prefect-[\w-]+\.ts)`:\n\n```ts\n([\s\S]*?)\n```/g)];

  it('shows every code block verbatim from a file in examples/', () => {
    const blocks = [...readme.matchAll(/```/g)].length / 2;
    expect(snippets.length).toBe(blocks);
    for (const [, file, code] of snippets) expect({ file, code }).toEqual({ file, code: fs.readFileSync(path.join(examples, file!), 'utf8').trimEnd() });
  });

  it('shows every prefect example, "run a flow and wait for it" among them', () => {
    const files = fs.readdirSync(examples).filter((name) => /^prefect-.*\.ts$/.test(name)).sort();
    expect([...new Set(snippets.map(([, file]) => file))].sort()).toEqual(files);
    expect(readme).toMatch(/### 1\. Run a flow and wait for it[\s\S]*?`examples\/prefect-run-flow\.ts`/);
  });
});
