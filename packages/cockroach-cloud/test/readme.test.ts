import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const examples = path.resolve(__dirname, '../../../examples');

describe('README', () => {
  it('shows every code snippet verbatim from the example file it names', () => {
    const blocks = [...readme.matchAll(/`examples\/(cockroach-[a-z-]+\.ts)`:\n\n```ts\n([\s\S]*?)\n```/g)];
    expect(blocks.length).toBe([...readme.matchAll(/```ts/g)].length);
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const [, file, code] of blocks) expect(code, file).toBe(readFileSync(path.join(examples, file!), 'utf8').trimEnd());
  });

  it('has the sections a user looks for', () => {
    for (const heading of ['## Install', '## Authenticate', '## Everyday tasks', '## Pagination', '## Errors', '## Testing with the simulator', '## Where the older docs differ']) expect(readme).toContain(heading);
  });
});
