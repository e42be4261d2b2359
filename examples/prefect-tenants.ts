// Tenants: list the ones the credential belongs to, and switch (by slug or id). After a switch every request acts
// in the new tenant; a tenant the key is not valid for is refused and the client stays where it was.
import { NotFoundError } from '@x/prefect-cloud';
import { connect } from './prefect-client';

export async function main(): Promise<string[]> {
  const { client, close } = await connect();
  try {
    const tenants = await client.listTenants();
    for (const tenant of tenants) console.log(`${tenant.slug}  ${tenant.name}  ${tenant.id}`);
    console.log(`Acting in ${await client.getTenantId()} (the key's default tenant unless PREFECT__CLOUD__TENANT_ID is set).`);

    const target = process.env.PREFECT_TENANT_SLUG ?? tenants.at(-1)?.slug;
    if (target) {
      try {
        const tenant = await client.switchTenant({ slug: target });
        const projects = await client.listProjects().toArray();
        console.log(`Switched to ${tenant.name}: projects ${projects.map((p) => p.name).join(', ') || '(none)'}.`);
      } catch (error) {
        if (error instanceof NotFoundError) console.error(error.message);
        else throw error;
      }
    }
    return tenants.map((t) => t.slug ?? t.id);
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
