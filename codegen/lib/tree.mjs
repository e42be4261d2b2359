// Compares rendered files with the files on disk, and writes them. Only `src/generated/` is codegen's to judge.
import fs from 'node:fs';
import path from 'node:path';
import { generatedDir } from './render.mjs';

/** @typedef {{ path: string, problem: 'differs' | 'missing' | 'not generated' }} Drift */

const read = (/** @type {string} */ file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

/**
 * Every file that a write would change, plus files in a target's generated folder that codegen no longer makes
 * (left behind by a rename, they would still compile and mislead).
 * @param {import('./render.mjs').RenderedFile[]} files
 * @param {import('./targets.mjs').Target[]} targets the targets the files were rendered for
 * @param {string} root
 * @returns {Drift[]}
 */
export function findDrift(files, targets, root) {
  /** @type {Drift[]} */
  const drift = [];
  for (const file of files) {
    const current = read(path.join(root, file.path));
    if (current === undefined) drift.push({ path: file.path, problem: 'missing' });
    else if (current !== file.content) drift.push({ path: file.path, problem: 'differs' });
  }
  const expected = new Set(files.map((f) => f.path));
  for (const target of targets) {
    const dir = generatedDir(target);
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const name of fs.readdirSync(path.join(root, dir)).sort()) {
      if (!expected.has(`${dir}/${name}`)) drift.push({ path: `${dir}/${name}`, problem: 'not generated' });
    }
  }
  return drift;
}

/**
 * Writes the files that changed, leaving identical ones untouched so build caches keyed on mtimes stay warm.
 * @param {import('./render.mjs').RenderedFile[]} files
 * @param {string} root
 * @returns {string[]} the paths written
 */
export function writeFiles(files, root) {
  const written = [];
  for (const file of files) {
    const target = path.join(root, file.path);
    if (read(target) === file.content) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
    written.push(file.path);
  }
  return written;
}
