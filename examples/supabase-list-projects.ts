// List your organizations, then page through one organization's projects with `for await` (100 per request);
// `.pages()` gives whole pages with the total, and `.cursor` resumes a walk later.
import { connect } from './supabase-client';

export async function main(): Promise<string[]> {
  const { client, organizationSlug, close } = connect();
  try {
    for (const organization of await client.listAllOrganizations()) console.log(`organization ${organization.slug}: ${organization.name}`);

    const slug = await organizationSlug();
    const names: string[] = [];
    for await (const project of client.paginateOrganizationProjects({ slug, sort: 'name_asc' })) {
      names.push(project.name);
      console.log(`  ${project.ref}  ${project.name.padEnd(24)} ${project.region.padEnd(14)} ${project.status}`);
    }

    // Only the healthy ones, two per page, page by page:
    for await (const page of client.paginateOrganizationProjects({ slug, limit: 2, statuses: ['ACTIVE_HEALTHY'] }).pages()) {
      console.log(`  a page of ${page.items.length} (of ${page.total} healthy projects)`);
    }
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
