import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Releasing, rehearsed in a temporary copy of the workspace (the work tree is never touched): `changeset version`
// turns the pending changesets into versions and changelogs, then `pnpm pack` packs each publishable package from
// its already-built dist.
const root = path.resolve(__dirname, '../..');
const changesetBin = path.join(root, 'node_modules/@changesets/cli/bin.js');

interface Workspace {
  dir: string;
  manifest: { name: string; version?: string; private?: boolean; dependencies?: Record<string, string> };
}

/** Every workspace package directory (relative to the root), read from pnpm-workspace.yaml's `packages:` list. */
function workspaceDirs(): string[] {
  const text = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inPackages = /^packages:\s*$/.test(line);
    else if (inPackages && /^\s+-\s+/.test(line)) patterns.push(line.replace(/^\s+-\s+/, '').replace(/['"]/g, '').trim());
  }
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return fs.readdirSync(path.join(root, parent)).map((name) => `${parent}/${name}`);
  }).filter((dir) => fs.existsSync(path.join(root, dir, 'package.json')));
}

const workspaces: Workspace[] = workspaceDirs().map((dir) => ({ dir, manifest: JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8')) }));
const publishable = workspaces.filter((w) => !w.manifest.private);

/** The pinned pnpm: the one running this script when there is one, else `pnpm` on the PATH. */
function pnpmCommand(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath)) && /\.[cm]?js$/.test(execPath)) return [process.execPath, [execPath]];
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status !== 0) throw new Error('pnpm is not on the PATH: run this suite through `pnpm test` (the root command installs the pinned pnpm)');
  return ['pnpm', []];
}

function exec(command: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, CI: '1', npm_config_update_notifier: 'false' };
    execFile(command, args, { cwd, env, timeout: 60_000, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' && command === 'pnpm' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error }));
      else resolve({ stdout, stderr });
    });
  });
}

/** The packages each pending changeset names, from their front matter. */
function pendingReleases(changesetDir: string): Map<string, string> {
  const releases = new Map<string, string>();
  for (const file of fs.readdirSync(changesetDir).filter((f) => f.endsWith('.md') && f !== 'README.md')) {
    const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(path.join(changesetDir, file), 'utf8'))?.[1] ?? '';
    for (const match of front.matchAll(/^\s*['"]?([^'":]+)['"]?\s*:\s*(major|minor|patch)\s*$/gm)) releases.set(match[1]!, match[2]!);
  }
  return releases;
}

let tmp: string;
let pending: Map<string, string>;
const tarballs = new Map<string, string>();
const versionedManifests = new Map<string, Workspace['manifest']>();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'x-packaging-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml']) fs.copyFileSync(path.join(root, file), path.join(tmp, file));
  fs.cpSync(path.join(root, '.changeset'), path.join(tmp, '.changeset'), { recursive: true });
  pending = pendingReleases(path.join(tmp, '.changeset'));
  for (const { dir, manifest } of workspaces) {
    const target = path.join(tmp, dir);
    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(path.join(root, dir, 'package.json'), path.join(target, 'package.json'));
    if (manifest.private) continue;
    for (const file of ['README.md', 'LICENSE']) fs.copyFileSync(path.join(root, dir, file), path.join(target, file));
    fs.cpSync(path.join(root, dir, 'dist'), path.join(target, 'dist'), { recursive: true });
  }
  // What `pnpm install` would link: each package's workspace dependencies, so `pnpm pack` can resolve `workspace:`.
  for (const { dir, manifest } of publishable) {
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      if (!range.startsWith('workspace:')) continue;
      const dependency = workspaces.find((w) => w.manifest.name === name)!;
      const link = path.join(tmp, dir, 'node_modules', name);
      fs.mkdirSync(path.dirname(link), { recursive: true });
      fs.symlinkSync(path.relative(path.dirname(link), path.join(tmp, dependency.dir)), link, 'junction');
    }
  }

  await exec(process.execPath, [changesetBin, 'version'], tmp);
  for (const { dir, manifest } of workspaces) versionedManifests.set(manifest.name, JSON.parse(fs.readFileSync(path.join(tmp, dir, 'package.json'), 'utf8')));

  const [pnpm, prefix] = pnpmCommand();
  const out = path.join(tmp, 'tarballs');
  fs.mkdirSync(out);
  await Promise.all(
    publishable.map(async ({ dir, manifest }) => {
      const { stdout } = await exec(pnpm, [...prefix, 'pack', '--pack-destination', out, '--json'], path.join(tmp, dir));
      tarballs.set(manifest.name, (JSON.parse(stdout) as { filename: string }).filename);
    }),
  );
}, 120_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

function tarList(tarball: string): string[] {
  return spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

function packedManifest(tarball: string): string {
  return spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout;
}

describe('releasing the packages', () => {
  it('finds the five publishable packages in the workspace', () => {
    expect(publishable.map((w) => w.manifest.name).sort()).toEqual(['@x/cockroach-cloud', '@x/core', '@x/hasura-cloud', '@x/prefect-cloud', '@x/supabase-mgmt']);
  });

  it('has a pending changeset for every package that was never released', () => {
    const unreleased = publishable.filter((w) => w.manifest.version === '0.0.0').map((w) => w.manifest.name);
    for (const name of unreleased) expect(pending.get(name), `${name} has no changeset for its first release`).toBeDefined();
  });

  it('changeset version bumps each package a changeset names, writes its changelog and consumes the changesets', () => {
    for (const { dir, manifest } of publishable) {
      const bump = pending.get(manifest.name);
      if (!bump) continue;
      const [major, minor, patch] = (manifest.version ?? '0.0.0').split('.').map(Number) as [number, number, number];
      const expected = bump === 'major' ? `${major + 1}.0.0` : bump === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
      expect(versionedManifests.get(manifest.name)!.version, manifest.name).toBe(expected);
      const changelog = fs.readFileSync(path.join(tmp, dir, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(`## ${expected}`);
    }
    expect(fs.readdirSync(path.join(tmp, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
    // Private workspace packages are neither versioned nor given a changelog.
    for (const { dir, manifest } of workspaces.filter((w) => w.manifest.private)) {
      expect(versionedManifests.get(manifest.name)!.version, manifest.name).toBe(manifest.version);
      expect(fs.existsSync(path.join(tmp, dir, 'CHANGELOG.md')), manifest.name).toBe(false);
    }
  });

  it('packs each package with only dist, README.md, LICENSE and package.json', () => {
    for (const { manifest } of publishable) {
      const files = tarList(tarballs.get(manifest.name)!);
      const stray = files.filter((f) => !f.startsWith('package/dist/') && !['package/README.md', 'package/LICENSE', 'package/package.json'].includes(f));
      expect(stray, manifest.name).toEqual([]);
      for (const required of ['package/README.md', 'package/LICENSE', 'package/package.json', 'package/dist/index.js', 'package/dist/index.mjs', 'package/dist/index.d.ts', 'package/dist/index.d.mts']) {
        expect(files, `${manifest.name} tarball lacks ${required}`).toContain(required);
      }
    }
  });

  it('packs every file the exports maps point at', () => {
    const targets = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(targets) : []);
    for (const { manifest } of publishable) {
      const files = new Set(tarList(tarballs.get(manifest.name)!));
      const packed = JSON.parse(packedManifest(tarballs.get(manifest.name)!)) as Record<string, unknown>;
      const pointed = [...targets(packed.exports), ...['main', 'module', 'types'].flatMap((field) => targets(packed[field]))];
      expect(pointed.length, manifest.name).toBeGreaterThan(4);
      for (const target of pointed) expect(files, `${manifest.name}: ${target} is not in the tarball`).toContain(`package/${target.replace(/^\.\//, '')}`);
    }
  });

  it('replaces every workspace: range with the released version in the packed package.json', () => {
    for (const { manifest } of publishable) {
      const text = packedManifest(tarballs.get(manifest.name)!);
      expect(text, manifest.name).not.toContain('workspace:');
      const packed = JSON.parse(text) as Workspace['manifest'];
      expect(packed.version).toBe(versionedManifests.get(manifest.name)!.version);
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        if (range.startsWith('workspace:')) expect(packed.dependencies![name], `${manifest.name} -> ${name}`).toBe(versionedManifests.get(name)!.version);
      }
    }
  });
});
