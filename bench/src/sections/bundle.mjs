// bundle: each package's entry bundled for the browser with esbuild (minified, ESM, every export kept), gzipped at
// level 9; the libraries underneath and the community SDK measured the same way.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { atMost, sectionResult } from '../lib/measure.mjs';

// `client` is what a user's bundle carries for one client (the factory and everything it pulls in), measured the
// way the baselines' clients are; `entry` keeps every export of the package's entry.
const ENTRIES = {
  core: { client: "export { createTransport } from '@x/core';", entry: "export * from '@x/core';", ours: '@x/core', bound: 6 },
  supabase_mgmt: { client: "export { createSupabaseMgmtClient } from '@x/supabase-mgmt';", entry: "export * from '@x/supabase-mgmt';", ours: '@x/supabase-mgmt', bound: 12, library: 'openapi_fetch' },
  hasura_cloud: { client: "export { createHasuraCloudClient } from '@x/hasura-cloud';", entry: "export * from '@x/hasura-cloud';", ours: '@x/hasura-cloud', bound: 24 },
  openapi_fetch: { client: "export { default } from 'openapi-fetch';", entry: "export * from 'openapi-fetch'; export { default } from 'openapi-fetch';" },
  graphql_request: { client: "export { GraphQLClient } from 'graphql-request';", entry: "export * from 'graphql-request';" },
  supabase_management_js: { client: "export { SupabaseManagementAPI } from 'supabase-management-js';", entry: "export * from 'supabase-management-js';" },
};

// What a client's bundle is made of: the package's own code (generated included) measured with @x/core and
// openapi-fetch left out, the generated operation table alone, and the core's share by difference.
const OWN_EXTERNAL = ['@x/core', 'openapi-fetch'];
const PARTS = {
  supabase_mgmt: { own: "export { createSupabaseMgmtClient } from '@x/supabase-mgmt';", operations: "export { operations } from '@x/supabase-mgmt';" },
  hasura_cloud: { own: "export { createHasuraCloudClient } from '@x/hasura-cloud';" },
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
      'supabase_mgmt includes @x/core and openapi-fetch; hasura_cloud includes @x/core, graphql-request and the parts of graphql it imports.',
      '*_own: the package alone (its generated code included), bundled with @x/core and openapi-fetch left out; hasura_cloud_own carries graphql-request, which its build bundles. supabase_mgmt_operations: the generated operation table behind the named methods. *_core_share: client - own - openapi-fetch, the part of @x/core the client pulls in (by difference, so approximate).',
    ],
  });
}

const round3 = (value) => Math.round(value * 1000) / 1000;

async function measure(code, resolveDir, external = []) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
}
