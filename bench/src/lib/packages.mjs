// Our packages, loaded from their built dist/ files. A package that is not built (or fails to load) is reported, not fatal:
// the sections that need it say so in their `errors`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const OUR_PACKAGES = ['@x/core', '@x/supabase-mgmt', '@x/cockroach-cloud', '@x/hasura-cloud', '@x/prefect-cloud'];

export async function loadPackages() {
  const loaded = {};
  const missing = {};
  for (const name of OUR_PACKAGES) {
    try {
      require.resolve(name);
      loaded[name] = await import(name);
    } catch (error) {
      missing[name] = `${name} could not be loaded from its dist/ (build it: \`pnpm --filter ${name} build\`): ${error instanceof Error ? error.message.split('\n')[0] : error}`;
    }
  }
  return { loaded, missing };
}

/** Throws the reason a package is missing; sections call it before using one. */
export function need(packages, missing, name) {
  if (!packages[name]) throw new Error(missing[name] ?? `${name} is not available`);
  return packages[name];
}
