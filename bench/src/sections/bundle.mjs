// bundle: each package's entry bundled for the browser with esbuild (minified, ESM, every export kept), gzipped at
// level 9; the libraries underneath and the community SDK measured the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { atMost, sectionResult } from '../lib/measure.mjs';

// `client` is what a user's bundle carries for one client (the factory and everything it pulls in), measured the
// way the baselines' clients are; `entry` keeps every export of the package's entry.
const ENTRIES = {
  core: { client: "export { createTransport } from '@x/core';", entry: "export * from '@x/core';", ours: '@x/core', bound: 6 },
  supabase_mgmt: { client: "export { createSupabaseMgmtClient } from '@x/supabase-mgmt';", entry: "export * from '@x/supabase-mgmt';", ours: '@x/supabase-mgmt', bound: 12, library: 'openapi_fetch' },
  cockroach_cloud: { client: "export { createCockroachCloudClient } from '@x/cockroach-cloud';", entry: "export * from '@x/cockroach-cloud';", ours: '@x/cockroach-cloud', bound: 12, library: 'openapi_fetch' },
  hasura_cloud: { client: "export { createHasuraCloudClient } from '@x/hasura-cloud';", entry: "export * from '@x/hasura-cloud';", ours: '@x/hasura-cloud', bound: 24 },
  prefect_cloud: { client: "export { createPrefectCloudClient } from '@x/prefect-cloud';", entry: "export * from '@x/prefect-cloud';", ours: '@x/prefect-cloud', bound: 24 },
  openapi_fetch: { client: "export { default } from 'openapi-fetch';", entry: "export * from 'openapi-fetch'; export { default } from 'openapi-fetch';" },
  graphql_request: { client: "export { GraphQLClient } from 'graphql-request';", entry: "export * from 'graphql-request';" },
  supabase_management_js: { client: "export { SupabaseManagementAPI } from 'supabase-management-js';", entry: "export * from 'supabase-management-js';" },
};

// What a client's bundle is made of: the package's own code (generated included) measured with @x/core and
// openapi-fetch left out, the generated operation table alone, and the core's share by difference.
const OWN_EXTERNAL = ['@x/core', 'openapi-fetch'];
const PARTS = {
  supabase_mgmt: { own: "export { createSupabaseMgmtClient } from '@x/supabase-mgmt';", operations: "export { operations } from '@x/supabase-mgmt';" },
  cockroach_cloud: { own: "export { createCockroachCloudClient } from '@x/cockroach-cloud';", operations: "export { operations } from '@x/cockroach-cloud';" },
  hasura_cloud: { own: "export { createHasuraCloudClient } from '@x/hasura-cloud';" },
  prefect_cloud: { own: "export { createPrefectCloudClient } from '@x/prefect-cloud';" },
};

export async function bundle({ packages, missing, benchDir }) {
  const figures = {};
  const targets = {};
  const errors = [];
  for (const [name, entry] of Object.entries(ENTRIES)) {
    if (entry.ours) targets[`${name}_client_gzip_kb`] = atMost(entry.bound);
    if (entry.ours && !packages[entry.ours]) {
      errors.push(missing[entry.ours]);
      continue;
    }
    for (const kind of ['client', 'entry']) {
      const { minified, gzipped } = await measure(entry[kind], benchDir);
      figures[`${name}_${kind}_min_kb`] = minified / 1000;
      figures[`${name}_${kind}_gzip_kb`] = gzipped / 1000;
    }
    if (entry.ours) figures[`${name}_client_initial_gzip_kb`] = (await measureInitial(entry.client, benchDir)).gzipped / 1000;
  }
  for (const [name, parts] of Object.entries(PARTS)) {
    if (!packages[ENTRIES[name].ours]) continue;
    for (const [part, code] of Object.entries(parts)) figures[`${name}_${part}_gzip_kb`] = (await measure(code, benchDir, OWN_EXTERNAL)).gzipped / 1000;
    const library = ENTRIES[name].library ? figures[`${ENTRIES[name].library}_client_gzip_kb`] : 0;
    figures[`${name}_core_share_gzip_kb`] = round3(figures[`${name}_client_gzip_kb`] - figures[`${name}_own_gzip_kb`] - library);
  }
  return sectionResult({
    figures,
    targets,
    errors,
    notes: [
      'esbuild: bundle, minify, format esm, platform browser (browser/module/main fields); gzip level 9; 1 kB = 1000 bytes.',
      '*_client: only the client factory is imported (createTransport for the core); *_entry: every export of the entry. Targets apply to the client.',
      'The REST clients (supabase_mgmt, cockroach_cloud) include @x/core and openapi-fetch; the GraphQL clients (hasura_cloud, prefect_cloud) include @x/core and graphql-request, built in without graphql\'s parser and printer. prefect_cloud also carries graphql\'s parser and printer, which its `request` imports on first use to read a document of the caller\'s own (a bundler that splits code moves them to a chunk loaded then; this bundle does not split).',
      '*_client_initial: the chunk a code-splitting bundler loads first (esbuild with splitting), without what the client imports only on first use; no target.',
      '*_own: the package alone (its generated code included), bundled with @x/core and openapi-fetch left out; the GraphQL packages\' own carry graphql-request, which their builds bundle. *_operations: the generated operation table behind the named methods. *_core_share: client - own - openapi-fetch, the part of @x/core the client pulls in (by difference, so approximate).',
    ],
  });
}

const round3 = (value) => Math.round(value * 1000) / 1000;

// How every figure is bundled: minified ESM for the browser, as a production build.
const BUILD = { bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } };

async function measure(code, resolveDir, external = []) {
  const result = await build({ ...BUILD, stdin: { contents: code, resolveDir, loader: 'js' }, external });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
}

/** The chunk a code-splitting bundler loads first: the client without what it imports only on first use. */
async function measureInitial(code, benchDir) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bundle-'));
  try {
    const entry = path.join(dir, 'entry.js');
    fs.writeFileSync(entry, code);
    const result = await build({ ...BUILD, entryPoints: [entry], outdir: path.join(dir, 'out'), nodePaths: [path.join(benchDir, 'node_modules')], splitting: true });
    const first = result.outputFiles.find((file) => path.basename(file.path) === 'entry.js');
    if (!first) throw new Error('esbuild wrote no entry chunk');
    return { gzipped: gzipSync(first.contents, { level: 9 }).byteLength };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

