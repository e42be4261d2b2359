// Shared by the root scripts: finds the pinned pnpm (or runs it through npx on a machine that has only Node and npm),
// and installs the workspace when it has not been installed yet.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.replace(/^pnpm@/, '').split('+')[0];

/** The command line that runs the pinned pnpm: `pnpm` itself when it is the right version, else `npx pnpm@X`. */
export function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim() === wanted) return ['pnpm'];
  return ['npx', '--yes', `pnpm@${wanted}`];
}

/** Runs pnpm with `args` in the root, inheriting the terminal; exits on failure unless `allowFailure`. */
export function pnpm(args, { allowFailure = false, quiet = false } = {}) {
  const [command, ...prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], {
    cwd: root,
    stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0 && !allowFailure) process.exit(result.status ?? 1);
  return result.status ?? 1;
}

/** Installs dependencies (frozen lockfile) unless node_modules is already there and newer than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.modules.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('Installing dependencies (first run only)...');
  pnpm(['install', '--frozen-lockfile']);
}
