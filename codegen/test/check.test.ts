// `pnpm codegen --check` on a temporary copy of the repository: it must notice a hand edit, a missing file and a
// stray file, and pass on a tree it generated itself.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCodegen } from '../lib/run-codegen.mjs';
import { captureIo, makeTempRoot, removeTempRoot } from './helpers';

let root: string;

beforeAll(async () => {
  root = makeTempRoot();
  expect(await runCodegen(['--root', root], captureIo().io)).toBe(0);
}, 60_000);

afterAll(() => removeTempRoot(root));

const supabaseOperations = 'packages/supabase-mgmt/src/generated/operations.ts';

describe('pnpm codegen --check', () => {
  it('exits 0 when the tree matches what codegen makes', async () => {
    const { io, out } = captureIo();
    expect(await runCodegen(['--check', '--root', root], io)).toBe(0);
    expect(out.join('\n')).toMatch(/6 generated files are up to date/);
  });

  it('exits 1 and names the file after a hand edit, leaving the edit in place', async () => {
    const file = path.join(root, supabaseOperations);
    const original = fs.readFileSync(file, 'utf8');
    const edited = original.replace("getProject: { path: '/v1/projects/{ref}'", "getProject: { path: '/v1/projects/{ref}/edited'");
    expect(edited).not.toBe(original);
    fs.writeFileSync(file, edited);
    try {
      const { io, err } = captureIo();
      expect(await runCodegen(['--check', '--root', root], io)).toBe(1);
      expect(err.join('\n')).toContain(`differs       ${supabaseOperations}`);
      expect(err.join('\n')).toContain('Run `pnpm codegen`');
      expect(fs.readFileSync(file, 'utf8')).not.toBe(original);
    } finally {
      fs.writeFileSync(file, original);
    }
  });

  it('lists every drifted file: missing ones and ones codegen no longer makes', async () => {
    const missing = path.join(root, 'packages/hasura-cloud/src/generated/graphql.ts');
    const stray = path.join(root, 'packages/prefect-cloud/src/generated/old.ts');
    const saved = fs.readFileSync(missing, 'utf8');
    fs.rmSync(missing);
    fs.writeFileSync(stray, 'export {};\n');
    try {
      const { io, err } = captureIo();
      expect(await runCodegen(['--check', '--root', root], io)).toBe(1);
      const report = err.join('\n');
      expect(report).toContain('missing       packages/hasura-cloud/src/generated/graphql.ts');
      expect(report).toContain('not generated packages/prefect-cloud/src/generated/old.ts');
      expect(report).toMatch(/2 generated file\(s\)/);
    } finally {
      fs.writeFileSync(missing, saved);
      fs.rmSync(stray);
    }
  });

  it('checks only the named targets', async () => {
    fs.appendFileSync(path.join(root, supabaseOperations), '// edit\n');
    try {
      expect(await runCodegen(['--check', '--root', root, 'cockroach', 'prefect'], captureIo().io)).toBe(0);
      expect(await runCodegen(['--check', '--root', root, 'supabase'], captureIo().io)).toBe(1);
    } finally {
      expect(await runCodegen(['--root', root, 'supabase-mgmt'], captureIo().io)).toBe(0);
    }
  });

  it('rejects an unknown target with usage and exit 2', async () => {
    const { io, err } = captureIo();
    expect(await runCodegen(['supabse'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Unknown codegen target "supabse".*supabase, cockroach, hasura, prefect/s);
  });
});
