// Hasura Cloud: create a project, sync env vars from a local map under a key schema (a dry run first, then the real
// one), create a preview app and wait for its job. Live without --write: list projects and plan a sync, no writes.
import type { Clock } from '@x/core';
import { createHasuraCloudClient, type HasuraCloudClient } from '@x/hasura-cloud';
import type { SectionContext } from './report';

const secrets = { DATABASE_URL: 'postgres://db.internal/app', STRIPE_KEY: 'sk_test_tour' };

export async function tourHasura(context: SectionContext, options: { clock?: Clock; token?: string }): Promise<HasuraCloudClient> {
  const client = context.simulated ? createHasuraCloudClient({ accessToken: options.token, clock: options.clock }) : createHasuraCloudClient();
  if (!context.write) {
    let count = 0;
    for await (const project of client.listProjects({ limit: 10, maxItems: 5 })) {
      count += 1;
      context.step(`project ${project.name}`);
    }
    context.step(`listed ${count} project(s) (read-only: pass --write to create, sync and preview)`);
    return client;
  }
  const name = `tour-${Date.now().toString(36)}`;
  const created = await client.createProject({ cloud: 'aws', region: 'us-east-2', plan: 'cloud_free', name }, {
    onProgress: (_health, { attempt }) => void (attempt === 1 && context.step(`project ${name} created; waiting until it answers`)),
  });
  context.step(`project ${created.project.name} is up (tenant ${created.tenantId})`);
  const preview = `${name}-pr-1`;
  try {
    const syncOptions = { initialSyncBehavior: 'overwrite-destination', keySchema: 'APP_{{secretKey}}' } as const;
    const plan = await client.syncEnvVars(created.tenantId, secrets, { ...syncOptions, dryRun: true });
    context.step(`sync plan (dry run): create ${plan.create.join(', ') || '-'}; update ${plan.update.join(', ') || '-'}; delete ${plan.delete.join(', ') || '-'}`);
    const result = await client.syncEnvVars(created.tenantId, secrets, syncOptions);
    context.step(`sync applied: ${result.applied ? 'written' : 'already in sync'} (hash ${result.hash.slice(0, 8)}…)`);
    const jobId = await client.createPreviewApp({
      githubPersonalAccessToken: process.env.GITHUB_TOKEN ?? 'ghp_tour_token_for_the_simulator',
      owner: 'acme',
      repo: 'shop',
      branch: 'feature-checkout',
      directory: 'hasura',
      cloud: 'aws',
      region: 'us-east-2',
      plan: 'cloud_free',
      name: preview,
      envVars: {},
    });
    const job = await client.waitForPreviewApp(jobId, { name: preview, onProgress: ({ phase }) => context.step(`preview app: ${phase}`) });
    context.step(`preview app ${job.status}: ${job.graphqlEndpoint}`);
  } finally {
    await client.deletePreviewApp(preview).catch(() => undefined);
    await client.deleteProject(created.project.id);
    context.step('clean-up: deleted the preview app and the project');
  }
  return client;
}
