// bundle: each package's entry bundled for the browser with esbuild (minified, ESM, every export kept), gzipped at
// level 9; the libraries underneath and the community SDK measured the same way.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { atMost, sectionResult } from '../lib/measure.mjs';

// `client` is what a user's bundle carries for one client (the factory and everything it pulls in), measured the
// way the baselines' clients are; `entry` keeps every export of the package's entry.
const ENTRIES = {
  core: { client: "export { createTransport } from '@x/core';", entry: "export * from '@x/core';", ours: '@x/core', bound: 6 },
  supabase_mgmt: { client: "export { createSupabaseMgmtClient } from '@x/supabase-mgmt';", entry: "export * from '@x/supabase-mgmt';", ours: '@x/supabase-mgmt', bound: 12 },
  hasura_cloud: { client: "export { createHasuraCloudClient } from '@x/hasura-cloud';", entry: "export * from '@x/hasura-cloud';", ours: '@x/hasura-cloud', bound: 24 },
  openapi_fetch: { client: "export { default } from 'openapi-fetch';", entry: "export * from 'openapi-fetch'; export { default } from 'openapi-fetch';" },
  graphql_request: { client: "export { GraphQLClient } from 'graphql-request';", entry: "export * from 'graphql-request';" },
  supabase_management_js: { client: "export { SupabaseManagementAPI } from 'supabase-management-js';", entry: "export * from 'supabase-management-js';" },
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
  return sectionResult({
    figures,
    targets,
    errors,
    notes: [
      'esbuild: bundle, minify, format esm, platform browser (browser/module/main fields); gzip level 9; 1 kB = 1000 bytes.',
      '*_client: only the client factory is imported (createTransport for the core); *_entry: every export of the entry. Targets apply to the client.',
      'supabase_mgmt includes @x/core and openapi-fetch; hasura_cloud includes @x/core, graphql-request and the parts of graphql it imports.',
    ],
  });
}

async function measure(code, resolveDir) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength };
}
