// Legacy API tokens. A USER token is exchanged (switch_tenant) for a short-lived access token and a rotating
// refresh token; the client refreshes 30 s before expiry, one refresh for all concurrent requests, and uses the
// USER token itself only to list or switch tenants. TENANT and RUNNER tokens are sent as they are.
import { connect } from './prefect-client';

export async function main(): Promise<string> {
  const { connect: connectWith, simulator, close } = await connect();
  try {
    const userToken = process.env.PREFECT__CLOUD__AUTH_TOKEN ?? simulator?.state.defaults.userToken;
    if (!userToken) throw new Error('Set PREFECT__CLOUD__AUTH_TOKEN to a USER-scoped API token.');
    const client = connectWith({ apiToken: userToken, tokenScope: 'USER', tenantSlug: process.env.PREFECT_TENANT_SLUG });

    console.log(`Tenants: ${(await client.listTenants()).map((t) => t.slug).join(', ')}`);
    const projects = await client.listProjects().toArray();
    console.log(`Projects in ${client.tenantId}: ${projects.map((p) => p.name).join(', ')}`);

    // A long-lived credential for an automation in this tenant: shown once, store it now.
    const { id, token } = await client.createApiToken({ name: 'nightly-automation', scope: 'TENANT' });
    const automation = connectWith({ apiToken: token, tokenScope: 'TENANT' });
    console.log(`TENANT token ${id} sees ${(await automation.listSecretNames()).length} secret(s).`);
    await client.revokeApiToken(id);
    return id;
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
