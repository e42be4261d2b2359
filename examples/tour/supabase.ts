// Supabase: list organizations and page through an organization's projects; create a project and wait until it
// is healthy, with progress; set and list secrets; absorb a burst of 429s. Live without --write: only the reads.
import { randomBytes } from 'node:crypto';
import type { Clock } from '@x/core';
import { createSupabaseMgmtClient, type SupabaseMgmtClient } from '@x/supabase-mgmt';
import type { SectionContext } from './report';

export async function tourSupabase(context: SectionContext, options: { clock?: Clock; burst?: () => void }): Promise<SupabaseMgmtClient> {
  const client = context.simulated ? createSupabaseMgmtClient({ accessToken: 'tour-simulated-token', clock: options.clock, retry: { maxRetries: 5 } }) : createSupabaseMgmtClient({ retry: { maxRetries: 5 } });
  const organizations = await client.listAllOrganizations();
  context.step(`${organizations.length} organization(s): ${organizations.map((o) => o.name).join(', ')}`);
  const slug = organizations[0]?.slug;
  if (!slug) return client;
  let projects = 0;
  for await (const page of client.paginateOrganizationProjects({ slug, limit: 2 }).pages()) {
    projects += page.items.length;
    context.step(`page of ${page.items.length}: ${page.items.map((p) => `${p.name} (${p.status})`).join(', ') || '-'}`);
  }
  context.step(`paged through ${projects} project(s) of ${slug}, 2 per page`);
  if (!context.write) return client;

  const created = await client.createAProject({
    body: {
      name: `tour-${Date.now().toString(36)}`,
      organization_slug: slug,
      db_pass: randomBytes(18).toString('base64url'),
      region_selection: { type: 'specific', code: 'eu-central-1' },
    },
  });
  try {
    let last = '';
    const project = await client.waitForProjectHealthy(created.ref, {
      onProgress: (current, { elapsedMs }) => {
        if (current.status !== last) context.step(`project ${created.ref}: ${current.status} after ${Math.round(elapsedMs / 1000)} s`);
        last = current.status;
      },
    });
    context.step(`project ${project.name} is ${project.status}`);
    await client.bulkCreateSecrets({ ref: project.ref, body: [{ name: 'STRIPE_KEY', value: 'sk_test_tour' }, { name: 'APP_ENV', value: 'preview' }] });
    const secrets = await client.listAllSecrets({ ref: project.ref });
    context.step(`secrets set; the project now lists ${secrets.map((s) => s.name).join(', ')} (values never printed)`);
    if (options.burst) {
      options.burst();
      const again = await client.getProject({ ref: project.ref });
      context.step(`a burst of 429s on getProject was absorbed; ${again.name} read after the server's reset`);
    }
  } finally {
    if (!context.simulated) {
      await client.deleteAProject({ ref: created.ref });
      context.step('clean-up: deleted the tour project');
    }
  }
  return client;
}
