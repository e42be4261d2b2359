// typecheck: `tsc --noEmit` of a script that calls one operation through one package, against the same script
// for supabase-management-js alone. Each run is a fresh tsc process over one file with the settings of
// typecheck/tsconfig.json (strict, skipLibCheck, Node16 resolution), so the time is what an editor or CI pays for
// the package's types.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { atMost, median, sectionResult } from '../lib/measure.mjs';

const SCRIPTS = {
  empty: { file: 'empty.ts' },
  supabase_management_js: { file: 'supabase-management-js.ts' },
  core: { file: 'core.ts', ours: '@x/core' },
  supabase_mgmt: { file: 'supabase-mgmt.ts', ours: '@x/supabase-mgmt' },
  hasura_cloud: { file: 'hasura-cloud.ts', ours: '@x/hasura-cloud' },
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
  const run = (name) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [tsc, ...flags, SCRIPTS[name].file], { cwd: dir, encoding: 'utf8' });
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`tsc ${SCRIPTS[name].file} failed: ${(result.stdout + result.stderr).split('\n').slice(0, 4).join(' ')}`);
    return ms;
  };
  for (const name of names) run(name);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [i] of names.entries()) {
      const name = names[(i + round) % names.length];
      times[name].push(run(name));
    }
  }
  const figures = {};
  const targets = {};
  for (const name of names) figures[`${name}_ms`] = median(times[name]);
  for (const name of names.filter((n) => SCRIPTS[n].ours)) figures[`${name}_vs_supabase_management_js`] = figures[`${name}_ms`] / figures.supabase_management_js_ms;
  for (const name of Object.keys(SCRIPTS).filter((n) => SCRIPTS[n].ours)) targets[`${name}_vs_supabase_management_js`] = atMost(1);
  return sectionResult({
    figures,
    targets,
    errors,
    notes: [`tsc --noEmit of one file in a fresh process (bench/typecheck/*.ts), ${rounds} rounds interleaved, median; empty_ms is the same with no import (tsc start and the default libs).`],
  });
}
