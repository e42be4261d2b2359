// The tour behind `pnpm demo`: all four SDKs the way a platform engineer's script uses them. A provider whose token
// is set in its usual environment variable runs against the real API (read-only unless --write is given, and every
// create is then paired with a clean-up); the others run against the packages' built-in simulators, in this process,
// on a virtual clock (minutes of provisioning and backoff pass in moments).
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import type { TransportStats } from '@x/core';
import { faults, VirtualClock } from '@x/core/testing';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';
import { createPrefectSimulator } from '@x/prefect-cloud/testing';
import { createSupabaseSimulator } from '@x/supabase-mgmt/testing';
import { setupServer } from 'msw/node';
import { tourCockroach } from './tour/cockroach';
import { tourHasura } from './tour/hasura';
import { tourPrefect } from './tour/prefect';
import { printReport, type SectionContext, type SectionReport } from './tour/report';
import { tourSupabase } from './tour/supabase';

const TOKENS = {
  supabase: 'SUPABASE_ACCESS_TOKEN',
  cockroach: 'COCKROACH_API_KEY',
  hasura: 'HASURA_CLOUD_ACCESS_TOKEN',
  prefect: 'PREFECT__CLOUD__API_KEY',
} as const;

export async function main(argv = process.argv.slice(2)): Promise<SectionReport[]> {
  const write = argv.includes('--write');
  const live = Object.fromEntries(Object.entries(TOKENS).map(([name, variable]) => [name, !!process.env[variable]])) as Record<keyof typeof TOKENS, boolean>;
  const liveNames = Object.entries(live).filter(([, on]) => on).map(([name]) => name);
  console.log(
    liveNames.length === 0
      ? 'No provider tokens set: touring all four SDKs against their built-in simulators (in this process, on a virtual clock).'
      : `Live against ${liveNames.join(', ')} (${write ? 'with --write: creates are cleaned up' : 'read-only'}); simulators for the rest.`,
  );

  const clock = new VirtualClock({ auto: true });
  const supabase = createSupabaseSimulator({ clock });
  supabase.state.addProject({ name: 'storefront', organization_slug: 'acme', status: 'ACTIVE_HEALTHY' });
  supabase.state.addProject({ name: 'storefront-staging', organization_slug: 'acme', status: 'ACTIVE_HEALTHY' });
  supabase.state.addProject({ name: 'analytics', organization_slug: 'acme', status: 'INACTIVE' });
  const cockroach = createCockroachSimulator({ clock });
  for (const name of ['orders-prod', 'orders-staging', 'analytics']) cockroach.state.seedCluster({ name });
  cockroach.state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CREATE_CLUSTER', cluster_name: 'orders-prod' });
  const hasura = createHasuraSimulator({ clock });
  const prefect = createPrefectSimulator({ clock, accessTokenTtlMs: 60_000, runDurationMs: 4 * 60_000 });
  const server = setupServer(...supabase.handlers, ...cockroach.handlers, ...hasura.handlers, ...prefect.handlers);
  server.listen({ onUnhandledRequest: 'error' });

  const reports: SectionReport[] = [];
  async function section(provider: string, simulated: boolean, run: (context: SectionContext) => Promise<{ stats: TransportStats }>) {
    const steps: string[] = [];
    const started = clock.elapsed;
    const context: SectionContext = { simulated, write: simulated || write, step: (text) => void (steps[steps.length - 1] !== text && steps.push(text)) };
    try {
      const client = await run(context);
      const waited = simulated ? clock.elapsed - started : client.stats.waitedMs;
      reports.push({ provider, mode: simulated ? 'simulator' : write ? 'live (--write)' : 'live (read-only)', steps, stats: client.stats, waitedMs: waited });
    } catch (error) {
      steps.push(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
      reports.push({ provider, mode: simulated ? 'simulator' : 'live (read-only)', steps, stats: { requests: 0, attempts: 0, retries: 0, rateLimited: 0, waitedMs: 0 }, waitedMs: 0 });
      process.exitCode = 1;
    }
    printReport(reports[reports.length - 1]!);
  }

  try {
    await section('Supabase Management API', !live.supabase, (context) =>
      tourSupabase(context, {
        clock,
        // Five 429s in a row, each saying the window resets in 2 s: the client waits them out.
        burst: live.supabase ? undefined : () => supabase.faults.inject(faults.rateLimitReset(2), { count: 5, match: /^GET \/v1\/projects\/[^/]+$/ }),
      }),
    );
    await section('CockroachDB Cloud API', !live.cockroach, (context) => tourCockroach(context, clock));
    await section('Hasura Cloud API', !live.hasura, (context) => tourHasura(context, { clock, token: hasura.token }));
    await section('Prefect Cloud API', !live.prefect, (context) => tourPrefect(context, { clock, simulator: prefect }));
  } finally {
    server.close();
    clock.stop();
  }
  return reports;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
