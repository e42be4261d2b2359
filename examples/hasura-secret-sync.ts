// A secret manager's sync to Hasura Cloud: the source's secrets become the project's env vars under a key schema
// (here APP_<name>), and only keys of that shape are ever updated or deleted; HASURA_ keys never are. The first run
// imports what Hasura already has so nothing is lost; later runs pass isInitialSync: false.
import type { SyncEnvVarsResult } from '@x/hasura-cloud';
import { connect } from './hasura-client';

// In a real tool these come from your secret store.
const secrets: Record<string, string> = {
  DATABASE_URL: 'postgres://new-host/app',
  STRIPE_KEY: 'sk_live_example',
};

export async function main(firstRun = true): Promise<SyncEnvVarsResult> {
  const { client, projectName, close } = await connect();
  try {
    const project = await client.findProjectByName(projectName);
    if (!project) throw new Error(`No project named ${projectName}.`);
    const tenantId = await client.resolveTenantId(project.id);
    const options = {
      initialSyncBehavior: 'import-prioritize-source',
      isInitialSync: firstRun,
      keySchema: 'APP_{{secretKey}}',
      disableDeletion: false,
    } as const;

    // Look before writing: the plan lists Hasura keys to create, update and delete, and what to import.
    const plan = await client.syncEnvVars(tenantId, secrets, { ...options, dryRun: true });
    console.log('plan:', { create: plan.create, update: plan.update, delete: plan.delete, import: Object.keys(plan.import) });

    // Apply it. Concurrent syncs of this tenant queue up; a change made meanwhile by another process is re-read.
    const result = await client.syncEnvVars(tenantId, secrets, options);
    for (const [key, value] of Object.entries(result.import)) secrets[key] = value; // store these in your secret store
    console.log(`synced: ${result.applied ? 'written' : 'already in sync'}, hash ${result.hash}`);
    return result;
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
