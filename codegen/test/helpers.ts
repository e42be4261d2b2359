// Shared test plumbing: a throwaway copy of the repository's codegen inputs, and captured CLI output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot, targets } from '../lib/targets.mjs';

export { repositoryRoot };
/** This package's folder. */
export const codegenDir = path.join(repositoryRoot, 'codegen');
/** The folder of the test fixtures. */
export const fixturesDir = path.join(codegenDir, 'test', 'fixtures');

/**
 * A temporary root holding copies of everything codegen reads (schemas and operation documents), and the
 * generated folders too when `withGenerated` is set. Tests edit the copy, never the checkout.
 */
export function makeTempRoot(options: { withGenerated?: boolean } = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'x-codegen-'));
  const copy = (relative: string) => {
    const from = path.join(repositoryRoot, relative);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(root, relative), { recursive: true });
  };
  for (const target of targets) {
    copy(target.schema);
    if (target.kind === 'graphql') copy(`${target.packageDir}/${target.documents}`);
    if (options.withGenerated) copy(`${target.packageDir}/src/generated`);
  }
  return root;
}

/** Removes a temporary root made by makeTempRoot. */
export function removeTempRoot(root: string): void {
  fs.rmSync(root, { recursive: true, force: true });
}

/** Collects what a CLI function prints, instead of writing to the console. */
export function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { log: (line: string) => out.push(line), error: (line: string) => err.push(line) } };
}
