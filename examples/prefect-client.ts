// Authenticate: a Prefect Cloud API key from PREFECT__CLOUD__API_KEY (or the `apiKey` option), sent as
// `Authorization: Bearer <key>` with `X-PREFECT-TENANT-ID` (PREFECT__CLOUD__TENANT_ID, or the key's default tenant,
// read once). Without a key, this file starts the package's simulator on a virtual clock instead, so every
// prefect-*.ts example runs anywhere.
import { VirtualClock } from '@x/core/testing';
import { createPrefectCloudClient, type PrefectCloudClient, type PrefectCloudClientOptions } from '@x/prefect-cloud';
import { createPrefectSimulator, type PrefectSimulator } from '@x/prefect-cloud/testing';
import { setupServer } from 'msw/node';

export interface Connection {
  client: PrefectCloudClient;
  /** Another client on the same Prefect Cloud (live, or the same simulator and clock). */
  connect(options: PrefectCloudClientOptions): PrefectCloudClient;
  /** The simulator, when no key was set. */
  simulator: PrefectSimulator | undefined;
  close(): void;
}

export async function connect(): Promise<Connection> {
  if (process.env.PREFECT__CLOUD__API_KEY) {
    return { client: createPrefectCloudClient(), connect: (options) => createPrefectCloudClient(options), simulator: undefined, close: () => undefined };
  }
  const clock = new VirtualClock({ auto: true });
  const simulator = createPrefectSimulator({ clock });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    client: createPrefectCloudClient({ apiKey: simulator.state.defaults.apiKey, clock }),
    connect: (options) => createPrefectCloudClient({ clock, ...options }),
    simulator,
    close: () => {
      server.close();
      clock.stop();
    },
  };
}

export async function main(): Promise<string> {
  const { client, simulator, close } = await connect();
  try {
    const tenantId = await client.getTenantId();
    console.log(`${simulator ? 'Simulated' : 'Live'} Prefect Cloud at ${client.endpoint}, acting in tenant ${tenantId}.`);
    return tenantId;
  } finally {
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
