// import: a cold `require` of each package in a fresh node process, against openapi-fetch and
// supabase-management-js. The figure is the whole process (start, require, exit) measured from outside, as a
// script or a CLI pays it; the require alone, timed inside the process, is reported beside it.
import { spawnSync } from 'node:child_process';
import { atMost, median, sectionResult } from '../lib/measure.mjs';

const MODULES = {
  node_alone: null,
  openapi_fetch: 'openapi-fetch',
  supabase_management_js: 'supabase-management-js',
  graphql_request: 'graphql-request',
  core: '@x/core',
  supabase_mgmt: '@x/supabase-mgmt',
  cockroach_cloud: '@x/cockroach-cloud',
  hasura_cloud: '@x/hasura-cloud',
  prefect_cloud: '@x/prefect-cloud',
};
const OURS = { core: '@x/core', supabase_mgmt: '@x/supabase-mgmt', cockroach_cloud: '@x/cockroach-cloud', hasura_cloud: '@x/hasura-cloud', prefect_cloud: '@x/prefect-cloud' };

export async function importTime({ quick, packages, missing, benchDir }) {
  const rounds = quick ? 5 : 21;
  const errors = [];
  const names = Object.keys(MODULES).filter((name) => {
    const ours = OURS[name];
    if (ours && !packages[ours]) errors.push(missing[ours]);
    return !ours || packages[ours];
  });
  const wall = Object.fromEntries(names.map((name) => [name, []]));
  const inside = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) coldRequire(MODULES[name], benchDir); // warm the file system cache
  for (let round = 0; round < rounds; round++) {
    for (const [i] of names.entries()) {
      const name = names[(i + round) % names.length];
      const run = coldRequire(MODULES[name], benchDir);
      wall[name].push(run.wallMs);
      inside[name].push(run.requireMs);
    }
  }
  const figures = {};
  const targets = {};
  for (const name of names) {
    figures[`${name}_process_ms`] = median(wall[name]);
    if (MODULES[name]) figures[`${name}_require_ms`] = median(inside[name]);
  }
  const base = figures.openapi_fetch_process_ms;
  for (const name of names.filter((n) => MODULES[n] && n !== 'openapi_fetch')) figures[`${name}_vs_openapi_fetch`] = figures[`${name}_process_ms`] / base;
  for (const name of Object.keys(OURS)) targets[`${name}_vs_openapi_fetch`] = atMost(1.15);
  return sectionResult({
    figures,
    targets,
    errors,
    notes: [`node -e "require(name)" in a fresh process, ${rounds} rounds interleaved, median; *_process_ms is measured by the parent around the whole process, *_require_ms inside it around require().`],
  });
}

// Another build replacing a dist/ under the bench makes one run fail now and then: try again before giving up.
function coldRequire(specifier, cwd) {
  for (let attempt = 1; ; attempt++) {
    try {
      return coldRequireOnce(specifier, cwd);
    } catch (error) {
      if (attempt >= 3) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
    }
  }
}

function coldRequireOnce(specifier, cwd) {
  const script = specifier
    ? `const t=performance.now();require(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`
    : 'process.stdout.write("0")';
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const wallMs = performance.now() - started;
  if (run.status !== 0) throw new Error(`require(${specifier}) failed: ${run.stderr.split('\n').slice(0, 3).join(' ')}`);
  return { wallMs, requireMs: Number(run.stdout) };
}
