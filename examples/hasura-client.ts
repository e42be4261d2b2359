// Authenticate: a Hasura Cloud personal access token from HASURA_CLOUD_ACCESS_TOKEN (or the `accessToken` option),
// sent as `Authorization: pat <token>`. Without one, this file starts the package's simulator on a virtual clock
// instead, so every hasura-*.ts example runs anywhere.
import { VirtualClock } from '@x/core/testing';
import { createHasuraCloudClient, type HasuraCloudClient } from '@x/hasura-cloud';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';
import { setupServer } from 'msw/node';

export interface Connection {
  client: HasuraCloudClient;
  simulated: boolean;
  /** The project the examples work on: HASURA_PROJECT_NAME, or `my-app` in the simulator. */
  projectName: string;
  close(): void;
}

export async function connect(): Promise<Connection> {
  if (process.env.HASURA_CLOUD_ACCESS_TOKEN) {
    return { client: createHasuraCloudClient(), simulated: false, projectName: process.env.HASURA_PROJECT_NAME ?? 'my-app', close: () => undefined };
  }
  const clock = new VirtualClock({ auto: true });
  const simulator = createHasuraSimulator({ clock });
  simulator.state.addProject({ name: 'my-app', envVars: { APP_DATABASE_URL: 'postgres://old-host/app', APP_LEGACY_FLAG: 'on', HASURA_GRAPHQL_CORS_DOMAIN: '*' } });
  simulator.state.addProject({ name: 'my-app-staging', region: 'eu-central-1' });
  const server = setupServer(...simulator.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  const client = createHasuraCloudClient({ accessToken: simulator.token, clock });
  return {
    client,
    simulated: true,
    projectName: 'my-app',
    close: () => {
      server.close();
      clock.stop();
    },
  };
}

export async function main(): Promise<number> {
  const { client, simulated, close } = await connect();
  try {
    const ips = await client.listEgressIps();
    console.log(`${simulated ? 'Simulated' : 'Live'} Hasura Cloud at ${client.endpoint}: allow-list ${ips.join(', ')} in your database.`);
    return ips.length;
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
