#!/usr/bin/env node
// `pnpm bench [--quick] [--only a,b] [--out file] [--no-build]`: builds the packages measured (turbo, cached), runs
// each section, writes bench/results.json and prints a table.
// Run with `node --expose-gc` (the package script does) so the heap figures come from settled heaps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackages } from './lib/packages.mjs';
import { printTable } from './lib/table.mjs';
import { restOverhead } from './sections/rest-overhead.mjs';
import { graphqlOverhead } from './sections/graphql-overhead.mjs';
import { pagination } from './sections/pagination.mjs';
import { rateLimit } from './sections/rate-limit.mjs';
import { bundle } from './sections/bundle.mjs';
import { importTime } from './sections/import.mjs';
import { typecheck } from './sections/typecheck.mjs';

const SECTIONS = {
  rest_overhead: restOverhead,
  graphql_overhead: graphqlOverhead,
  pagination,
  rate_limit: rateLimit,
  bundle,
  import: importTime,
  typecheck,
};

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { quick: false, build: true, only: Object.keys(SECTIONS), out: path.join(benchDir, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--quick') args.quick = true;
    else if (flag === '--no-build') args.build = false;
    else if (flag === '--only') args.only = value().split(',').map((name) => name.trim()).filter(Boolean);
    else if (flag === '--out') args.out = path.resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(`Usage: pnpm bench [--quick] [--only ${Object.keys(SECTIONS).join(',')}] [--out file] [--no-build]`);
      process.exit(0);
    } else throw new Error(`Unknown argument ${argv[i]} (try --help)`);
  }
  const unknown = args.only.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`Unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  return args;
}

// A fresh clone has no dist/: build what the sections load. A package that fails to build is reported by the
// sections that need it rather than stopping the others.
function buildPackages() {
  const run = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@x/bench^...', '--output-logs=errors-only'], {
    cwd: path.resolve(benchDir, '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) process.stderr.write('Some packages did not build; the sections that need them report it.\n');
}

async function main() {
  if (typeof globalThis.gc !== 'function') {
    // The heap figures need forced GCs: start again with them allowed.
    const again = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
    process.exit(again.status ?? 1);
  }
  const args = parseArgs(process.argv.slice(2));
  if (args.build) buildPackages();
  const packages = await loadPackages();
  const results = {};
  for (const name of args.only) {
    const started = performance.now();
    process.stderr.write(`${name}${args.quick ? ' (quick)' : ''}... `);
    try {
      results[name] = await SECTIONS[name]({ quick: args.quick, packages: packages.loaded, missing: packages.missing, benchDir });
    } catch (error) {
      results[name] = { figures: {}, targets: {}, met: false, errors: [error instanceof Error ? error.message : String(error)] };
    }
    process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const report = { generated: new Date().toISOString(), quick: args.quick, node: process.version, platform: `${process.platform}-${process.arch}`, ...results };
  fs.writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  printTable(results);
  console.log(`\nwrote ${path.relative(process.cwd(), args.out) || args.out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
