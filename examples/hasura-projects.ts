// List projects page by page, find one by name, and resolve its tenant id (env-var calls need the tenant id,
// which differs from the project id).
import { NotFoundError } from '@x/hasura-cloud';
import { connect } from './hasura-client';

export async function main(): Promise<string[]> {
  const { client, projectName, close } = await connect();
  try {
    const names: string[] = [];
    // Fetched 50 at a time as the loop goes; `.pages()` gives whole pages, `.toArray()` everything.
    for await (const project of client.listProjects({ limit: 50 })) {
      names.push(project.name);
      console.log(`${project.name.padEnd(24)} ${project.id}  ${project.endpoint ?? ''}`);
    }

    const project = await client.findProjectByName(projectName);
    if (!project) throw new NotFoundError(`No project named ${projectName}.`, { status: 404 });
    const tenantId = await client.resolveTenantId(project.id);
    const tenant = await client.getTenant(tenantId);
    console.log(`${project.name}: tenant ${tenantId} in ${tenant.cloud}/${tenant.region}, ${tenant.ready ? 'answering' : 'not answering yet'}`);
    return names;
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
