// typecheck: `tsc --noEmit` of a script that calls one operation through one package, against the same script
// for supabase-management-js alone. Each run is a fresh tsc process over one file with the settings of
// typecheck/tsconfig.json (strict, skipLibCheck, Node16 resolution), so the time is what an editor or CI pays for
// the package's types. The process's own CPU time (user + system, V8's helper threads included) is reported beside.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { atMost, median, sectionResult } from '../lib/measure.mjs';

const SCRIPTS = {
  empty: { file: 'empty.ts' },
  supabase_management_js: { file: 'supabase-management-js.ts' },
  core: { file: 'core.ts', ours: '@x/core' },
  supabase_mgmt: { file: 'supabase-mgmt.ts', ours: '@x/supabase-mgmt' },
  cockroach_cloud: { file: 'cockroach-cloud.ts', ours: '@x/cockroach-cloud' },
  hasura_cloud: { file: 'hasura-cloud.ts', ours: '@x/hasura-cloud' },
  prefect_cloud: { file: 'prefect-cloud.ts', ours: '@x/prefect-cloud' },
};

export async function typecheck({ quick, packages, missing, benchDir }) {
  const rounds = quick ? 3 : 7;
  const tsc = createRequire(path.join(benchDir, 'package.json')).resolve('typescript/lib/tsc.js');
  const dir = path.join(benchDir, 'typecheck');
  const config = JSON.parse(fs.readFileSync(path.join(dir, 'tsconfig.json'), 'utf8')).compilerOptions;
  const flags = Object.entries(config).flatMap(([name, value]) => [`--${name}`, Array.isArray(value) ? value.join(',') : String(value)]);
  const errors = [];
  const names = Object.keys(SCRIPTS).filter((name) => {
    const ours = SCRIPTS[name].ours;
    if (ours && !packages[ours]) errors.push(missing[ours]);
    return !ours || packages[ours];
  });
  const cpuReport = fileURLToPath(new URL('../lib/cpu-report.cjs', import.meta.url));
  const run = (name) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['--require', cpuReport, tsc, ...flags, SCRIPTS[name].file], { cwd: dir, encoding: 'utf8' });
    const wallMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`tsc ${SCRIPTS[name].file} failed: ${(result.stdout + result.stderr).split('\n').slice(0, 4).join(' ')}`);
    const cpuMs = Number(/__cpu_ms=([\d.]+)/.exec(result.stderr)?.[1]);
    return { wallMs, cpuMs };
  };
  for (const name of names) run(name);
  const wall = Object.fromEntries(names.map((name) => [name, []]));
  const cpu = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [i] of names.entries()) {
      const name = names[(i + round) % names.length];
      const { wallMs, cpuMs } = run(name);
      wall[name].push(wallMs);
      cpu[name].push(cpuMs);
    }
  }
  const figures = {};
  const targets = {};
  for (const name of names) {
    figures[`${name}_ms`] = median(wall[name]);
    figures[`${name}_cpu_ms`] = median(cpu[name]);
  }
  for (const name of names.filter((n) => SCRIPTS[n].ours)) {
    figures[`${name}_vs_supabase_management_js`] = figures[`${name}_ms`] / figures.supabase_management_js_ms;
    figures[`${name}_cpu_vs_supabase_management_js`] = figures[`${name}_cpu_ms`] / figures.supabase_management_js_cpu_ms;
  }
  for (const name of Object.keys(SCRIPTS).filter((n) => SCRIPTS[n].ours)) targets[`${name}_vs_supabase_management_js`] = atMost(1);
  return sectionResult({
    figures,
    targets,
    errors,
    notes: [`tsc --noEmit of one file in a fresh process (bench/typecheck/*.ts), ${rounds} rounds interleaved, median; *_ms is wall time (the target is read on it), *_cpu_ms the tsc process's CPU time; empty is the same with no import (tsc start and the default libs).`],
  });
}
