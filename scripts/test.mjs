#!/usr/bin/env node
// The README's test command: builds every package, runs every package's tests through turbo, then prints one
// closing line summed over all packages — `N passed, N failed` — and exits non-zero on a failure or when no test ran.
import fs from 'node:fs';
import path from 'node:path';
import { ensureInstalled, pnpm, root } from './bootstrap.mjs';

ensureInstalled();
// Every workspace pnpm knows (the `packages:` list of pnpm-workspace.yaml: `dir` or `dir/*`).
const patterns = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8').split(/\r?\n/).map((line) => /^\s+-\s+['"]?([^'"#\s]+)/.exec(line)?.[1]).filter(Boolean);
const workspaces = patterns.flatMap((pattern) => {
  const dir = path.join(root, pattern.replace(/\/\*$/, ''));
  if (!fs.existsSync(dir)) return [];
  if (!pattern.endsWith('/*')) return fs.existsSync(path.join(dir, 'package.json')) ? [dir] : [];
  return fs.readdirSync(dir).map((name) => path.join(dir, name)).filter((p) => fs.existsSync(path.join(p, 'package.json')));
});
const reports = workspaces.map((dir) => path.join(dir, '.vitest-report.json'));
for (const file of reports) fs.rmSync(file, { force: true });

const status = pnpm(['exec', 'turbo', 'run', 'test', '--continue', '--concurrency=2', ...process.argv.slice(2)], { allowFailure: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const rows = [];
for (const file of reports) {
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const name = path.relative(root, path.dirname(file));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites && !report.numFailedTests ? report.numFailedTestSuites : 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  rows.push(`${name.padEnd(28)} ${String(report.numPassedTests ?? 0).padStart(5)} passed ${String(report.numFailedTests ?? 0).padStart(4)} failed`);
}
if (rows.length) console.log(`\n${rows.join('\n')}`);
if (status !== 0 && failed === 0) failed = 1; // a package crashed before its report was written
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 || status !== 0 ? 1 : 0);
