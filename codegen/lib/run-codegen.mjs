// `pnpm codegen [--check] [target...]`: writes every target's src/generated/, or with --check reports drift.
import path from 'node:path';
import { describeError, renderTargets } from './render.mjs';
import { repositoryRoot, selectTargets, targets as allTargets } from './targets.mjs';
import { findDrift, writeFiles } from './tree.mjs';

const USAGE = `usage: pnpm codegen [--check] [target...]
  targets: ${allTargets.map((t) => t.name).join(', ')} (default: all)
  --check  regenerate in memory and exit 1 listing every file that differs from the tree
  --root   repository root to read and write (default: this checkout)`;

/**
 * @param {string[]} argv
 * @param {{ log?: (line: string) => void, error?: (line: string) => void }} [io]
 * @returns {Promise<number>} the exit code
 */
export async function runCodegen(argv, io = {}) {
  const log = io.log ?? ((line) => console.log(line));
  const error = io.error ?? ((line) => console.error(line));
  let check = false;
  let root = repositoryRoot;
  /** @type {string[]} */
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '--check') check = true;
    else if (arg === '--root') root = path.resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') return (log(USAGE), 0);
    else if (arg.startsWith('-')) return (error(`Unknown option ${arg}\n${USAGE}`), 2);
    else names.push(arg);
  }
  let targets;
  try {
    targets = selectTargets(names);
  } catch (problem) {
    return (error(`${describeError(problem)}\n${USAGE}`), 2);
  }
  let files;
  try {
    files = await renderTargets(targets, root);
  } catch (problem) {
    return (error(describeError(problem)), 1);
  }
  const drift = findDrift(files, targets, root);
  if (check) {
    if (drift.length === 0) return (log(`codegen --check: ${files.length} generated files are up to date.`), 0);
    error(`codegen --check: ${drift.length} generated file(s) do not match the schemas:`);
    for (const item of drift) error(`  ${item.problem.padEnd(13)} ${item.path}`);
    error('Run `pnpm codegen` and commit the result (never edit src/generated/ by hand).');
    return 1;
  }
  const written = writeFiles(files, root);
  for (const file of written) log(`  wrote ${file}`);
  log(`codegen: ${written.length} written, ${files.length - written.length} unchanged.`);
  const strays = drift.filter((item) => item.problem === 'not generated');
  for (const item of strays) error(`  warning: ${item.path} is in a generated folder but codegen no longer makes it; delete it.`);
  return 0;
}
