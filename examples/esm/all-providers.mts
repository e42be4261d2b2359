// The four SDKs from an ES module: `import` picks each package's ESM build (dist/*.mjs) through its exports map.
// One call per provider against the packages' simulators on one virtual clock; prints one line per provider.
//   node --loader ts-node/esm esm/all-providers.mts   (with TS_NODE_PROJECT=esm/tsconfig.json)
//   tsx esm/all-providers.mts
import { createCockroachCloudClient } from '@x/cockroach-cloud';
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { VirtualClock } from '@x/core/testing';
import { createHasuraCloudClient } from '@x/hasura-cloud';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';
import { createPrefectCloudClient } from '@x/prefect-cloud';
import { createPrefectSimulator } from '@x/prefect-cloud/testing';
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';
import { createSupabaseSimulator } from '@x/supabase-mgmt/testing';
import { setupServer } from 'msw/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a package name resolves from this module: the file an `import` of it loads (relative to the working directory). */
const loadedFrom = (name: string): string => path.relative(process.cwd(), fileURLToPath(import.meta.resolve(name)));

export async function main(): Promise<string[]> {
  const clock = new VirtualClock({ auto: true });
  const supabase = createSupabaseSimulator({ clock });
  const cockroach = createCockroachSimulator({ clock });
  cockroach.state.seedCluster({ name: 'esm-orders' });
  const hasura = createHasuraSimulator({ clock });
  const prefect = createPrefectSimulator({ clock });
  const server = setupServer(...cockroach.handlers, ...hasura.handlers, ...prefect.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const profile = await createSupabaseMgmtClient({ accessToken: 'sbp_simulated', fetch: supabase.fetch, clock }).getProfile();
    const { clusters } = await createCockroachCloudClient({ apiKey: 'simulated-key', clock }).listClusters();
    const ips = await createHasuraCloudClient({ accessToken: hasura.token, clock }).listEgressIps();
    const tenantId = await createPrefectCloudClient({ apiKey: prefect.state.defaults.apiKey, clock }).getTenantId();
    const lines = [
      ['@x/supabase-mgmt', `profile ${profile.username}`],
      ['@x/cockroach-cloud', `${clusters.length} cluster(s): ${clusters.map((c) => c.name).join(', ')}`],
      ['@x/hasura-cloud', `${ips.length} egress IP(s)`],
      ['@x/prefect-cloud', `tenant ${tenantId}`],
    ].map(([name, result]) => `${name!.padEnd(19)} ${result!.padEnd(44)} ${loadedFrom(name!)}`);
    for (const line of lines) console.log(line);
    return lines;
  } finally {
    server.close();
    clock.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
