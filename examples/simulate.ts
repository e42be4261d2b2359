// `pnpm simulate`: serves the four provider simulators over HTTP on localhost so tools in any language (or curl)
// can be pointed at them. Ports: --port-base N (default 54320: Supabase N, CockroachDB N+1, Hasura N+2,
// Prefect N+3) or one per provider with SIM_SUPABASE_PORT, SIM_COCKROACH_PORT, SIM_HASURA_PORT, SIM_PREFECT_PORT.
// Ctrl-C stops them cleanly.
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';
import { createPrefectSimulator } from '@x/prefect-cloud/testing';
import { createSupabaseSimulator } from '@x/supabase-mgmt/testing';

interface Served {
  url: string;
  close(): Promise<void>;
}

export async function main(argv = process.argv.slice(2)): Promise<Served[]> {
  const flag = argv.indexOf('--port-base');
  const base = flag >= 0 ? Number(argv[flag + 1]) : Number(process.env.SIM_PORT_BASE ?? 54320);
  const port = (name: string, offset: number) => Number(process.env[`SIM_${name}_PORT`] ?? base + offset);
  const servers: Array<[string, string, Served]> = [
    ['Supabase Management', 'SUPABASE_API_URL', await createSupabaseSimulator().serve({ port: port('SUPABASE', 0) })],
    ['CockroachDB Cloud', 'COCKROACH_SERVER', await createCockroachSimulator().serve({ port: port('COCKROACH', 1) })],
    ['Hasura Cloud', 'the endpoint option (+ /v1/graphql)', await createHasuraSimulator().serve({ port: port('HASURA', 2) })],
    ['Prefect Cloud', 'PREFECT__CLOUD__API', await createPrefectSimulator().serve({ port: port('PREFECT', 3) })],
  ];
  console.log('Simulators listening (credentials: see each package README, "Testing with the simulator"):');
  for (const [name, variable, served] of servers) console.log(`  ${name.padEnd(20)} ${served.url}   (point ${variable} here)`);
  return servers.map(([, , served]) => served);
}

if (require.main === module) {
  main()
    .then((servers) => {
      console.log('Press Ctrl-C to stop.');
      const stop = async () => {
        await Promise.all(servers.map((s) => s.close()));
        console.log('\nSimulators stopped.');
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
