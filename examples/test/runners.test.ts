import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The examples as a user runs them, each in its own Node process: ts-node (CommonJS, and ESM through its loader)
// and tsx (both module kinds). Each run must load the packages' BUILT output through their exports maps.
const here = path.resolve(__dirname, '..');
const tsNodeBin = path.join(here, 'node_modules/ts-node/dist/bin.js');
const tsxBin = path.join(here, 'node_modules/tsx/dist/cli.mjs');
const cjsExample = 'supabase-list-projects.ts';
const esmExample = 'esm/all-providers.mts';
const packages = ['@x/supabase-mgmt', '@x/cockroach-cloud', '@x/hasura-cloud', '@x/prefect-cloud'];

let traceDir: string;
let tracePreload: string;

beforeAll(() => {
  // A preload that reports, at exit, where a CommonJS require of the package resolves and which package files
  // the run actually loaded.
  traceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-runners-'));
  tracePreload = path.join(traceDir, 'trace-loaded.cjs');
  fs.writeFileSync(
    tracePreload,
    `process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((file) => /[\\\\/]packages[\\\\/]/.test(file));
  process.stderr.write('RESOLVED ' + require.resolve('@x/supabase-mgmt', { paths: [process.cwd()] }) + '\\n');
  process.stderr.write('LOADED ' + JSON.stringify(loaded) + '\\n');
});
`,
  );
});

afterAll(() => {
  fs.rmSync(traceDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  // The examples fall back to the simulators only when no provider credentials are set.
  for (const name of ['SUPABASE_ACCESS_TOKEN', 'COCKROACH_API_KEY', 'HASURA_CLOUD_ACCESS_TOKEN', 'PREFECT__CLOUD__API_KEY']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('TS_NODE_') && !(name in extraEnv)) delete env[name];
  if (!('NODE_OPTIONS' in extraEnv)) delete env.NODE_OPTIONS;
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: here, env, timeout: 90_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The trace lines with a prefix, from every process of the run (tsx's CLI starts the script in a child process). */
function traced(stderr: string, prefix: string): string[] {
  const lines = stderr.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.slice(prefix.length));
  expect(lines.length, `no ${prefix.trim()} trace in stderr:\n${stderr}`).toBeGreaterThan(0);
  return lines;
}

function loadedPackageFiles(stderr: string): string[] {
  return traced(stderr, 'LOADED ').flatMap((line) => JSON.parse(line) as string[]).map((file) => file.split(path.sep).join('/'));
}

function expectCjsRunOnDist(result: Run): void {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('organization acme: Acme Inc');
  expect(result.stdout).toMatch(/storefront-staging\s+us-east-1\s+ACTIVE_HEALTHY/);
  expect(result.stdout).toContain('a page of 1 (of 3 healthy projects)');
  for (const resolved of traced(result.stderr, 'RESOLVED ')) {
    expect(resolved.split(path.sep).join('/')).toMatch(/\/packages\/supabase-mgmt\/dist\/index\.js$/);
  }
  const loaded = loadedPackageFiles(result.stderr);
  expect(loaded).toContainEqual(expect.stringMatching(/\/packages\/supabase-mgmt\/dist\/index\.js$/));
  expect(loaded).toContainEqual(expect.stringMatching(/\/packages\/supabase-mgmt\/dist\/testing\/index\.js$/));
  expect(loaded).toContainEqual(expect.stringMatching(/\/packages\/core\/dist\/index\.js$/));
  expect(loaded.filter((file) => !/\/packages\/[^/]+\/(dist|node_modules)\//.test(file))).toEqual([]);
}

function expectEsmRunOnDist(result: Run): void {
  expect(result.code, result.stderr).toBe(0);
  const lines = result.stdout.trim().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^@x\/supabase-mgmt\s+profile simulated-user\s/);
  expect(lines[1]).toMatch(/^@x\/cockroach-cloud\s+1 cluster\(s\): esm-orders\s/);
  expect(lines[2]).toMatch(/^@x\/hasura-cloud\s+[1-9]\d* egress IP\(s\)\s/);
  expect(lines[3]).toMatch(/^@x\/prefect-cloud\s+tenant [0-9a-f-]{36}\s/);
  lines.forEach((line, index) => {
    const dir = packages[index]!.slice('@x/'.length);
    // Each line ends with the file an ESM `import` of the package loads: its ESM build.
    expect(line.split(path.sep).join('/')).toMatch(new RegExp(`packages/${dir}/dist/index\\.mjs$`));
  });
}

describe.concurrent('the examples under each TypeScript runner, on the built packages', () => {
  it('ts-node runs a CommonJS example, which requires the packages from dist/index.js', async () => {
    expectCjsRunOnDist(await run([tsNodeBin, cjsExample], { NODE_OPTIONS: `--require=${tracePreload}` }));
  });

  it('ts-node runs the ESM example through its loader (node --loader ts-node/esm), importing dist/index.mjs', async () => {
    const result = await run(['--no-warnings', '--loader', 'ts-node/esm', esmExample], { TS_NODE_PROJECT: 'esm/tsconfig.json' });
    expectEsmRunOnDist(result);
  });

  it('tsx runs a CommonJS example, which requires the packages from dist/index.js', async () => {
    expectCjsRunOnDist(await run([tsxBin, cjsExample], { NODE_OPTIONS: `--require=${tracePreload}` }));
  });

  it('tsx runs the ESM example, importing dist/index.mjs', async () => {
    expectEsmRunOnDist(await run([tsxBin, esmExample]));
  });

  it('the ESM example type-checks against the packages\' ESM declarations (NodeNext)', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'esm/tsconfig.json'], { cwd: here, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  });
});
