// Authenticate: a personal access token (or OAuth access token) from SUPABASE_ACCESS_TOKEN, or the `accessToken`
// option. Without one, this file starts the package's simulator on a virtual clock instead, so every supabase-*.ts
// example runs anywhere, in a fraction of a second.
import { createSupabaseMgmtClient, type SupabaseMgmtClient } from '@x/supabase-mgmt';
import { createSupabaseSimulator, VirtualClock } from '@x/supabase-mgmt/testing';

export interface Connection {
  client: SupabaseMgmtClient;
  simulated: boolean;
  /** The organization the examples work in: SUPABASE_ORG_SLUG, else the first one the token can see. */
  organizationSlug(): Promise<string>;
  /** The project the examples work on: SUPABASE_PROJECT_REF, else the first one the token can see. */
  projectRef(): Promise<string>;
  close(): void;
}

export function connect(): Connection {
  let client: SupabaseMgmtClient;
  let close: () => void = () => undefined;
  const simulated = !process.env.SUPABASE_ACCESS_TOKEN;
  if (!simulated) {
    // Reads SUPABASE_ACCESS_TOKEN, and SUPABASE_API_URL when set (default https://api.supabase.com).
    client = createSupabaseMgmtClient();
  } else {
    const clock = new VirtualClock({ auto: true });
    const simulator = createSupabaseSimulator({ clock });
    for (const name of ['storefront', 'storefront-staging', 'analytics']) simulator.state.addProject({ name, organization_slug: 'acme' });
    client = createSupabaseMgmtClient({ accessToken: 'sbp_simulated', fetch: simulator.fetch, clock });
    close = () => clock.stop();
  }
  return {
    client,
    simulated,
    close,
    organizationSlug: async () => process.env.SUPABASE_ORG_SLUG ?? (await client.listAllOrganizations())[0]!.slug,
    projectRef: async () => process.env.SUPABASE_PROJECT_REF ?? (await client.listAllProjects())[0]!.ref,
  };
}

export async function main(): Promise<string> {
  const { client, simulated, close } = connect();
  try {
    const profile = await client.getProfile();
    console.log(`${simulated ? 'Simulated' : 'Live'} Supabase account: ${profile.username} <${profile.primary_email}>`);
    return profile.username;
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
