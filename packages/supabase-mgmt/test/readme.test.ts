import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const examples = path.resolve(__dirname, '../../../examples');
const readme = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const shown = [...readme.matchAll(/`examples\/(supabase-[a-z-]+\.ts)`:\n\n```ts\n([\s\S]*?)```/g)].map((match) => ({ file: match[1]!, code: match[2]! }));

describe('the README', () => {
  it('shows every Supabase example file', () => {
    const files = fs.readdirSync(examples).filter((file) => /^supabase-.*\.ts$/.test(file));
    expect(shown.map((snippet) => snippet.file).sort()).toEqual(files.sort());
  });

  it.each(shown)('shows $file verbatim', ({ file, code }) => {
    expect(code).toBe(fs.readFileSync(path.join(examples, file), 'utf8'));
  });
});
