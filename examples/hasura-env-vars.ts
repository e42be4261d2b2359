// Read and write a project's env vars. Writes are compare-and-set on the env-var hash: each call sends the hash it
// read, and a write based on an outdated hash fails with StaleHashError instead of overwriting someone's change.
import { StaleHashError } from '@x/hasura-cloud';
import { connect } from './hasura-client';

export async function main(): Promise<Record<string, string>> {
  const { client, projectName, close } = await connect();
  try {
    const project = await client.findProjectByName(projectName);
    if (!project?.tenantId) throw new Error(`No project named ${projectName} (or its tenant is not visible).`);
    const tenantId = project.tenantId;

    const before = await client.getEnvVars(tenantId);
    console.log(`hash ${before.hash}: ${Object.keys(before.vars).join(', ')}`);

    // Upserts only what changes; sends nothing at all when every value is already set.
    const updated = await client.setEnvVars(tenantId, { APP_DATABASE_URL: 'postgres://new-host/app', APP_FEATURE_X: 'on' }, { expectedHash: before.hash });
    // Chain the returned state into the next write: its hash is used, no re-read.
    const cleaned = await client.deleteEnvVars(tenantId, ['APP_LEGACY_FLAG'], { current: updated });
    console.log(`hash ${cleaned.hash}: ${Object.keys(cleaned.vars).join(', ')}`);

    try {
      // `before.hash` is outdated now: this write is refused rather than applied over the two above.
      await client.setEnvVars(tenantId, { APP_FEATURE_X: 'off' }, { expectedHash: before.hash });
    } catch (error) {
      if (!(error instanceof StaleHashError)) throw error;
      console.log(`Refused as expected: ${error.message}`);
      // Opt in to re-read and retry when an upsert on top of whatever is there now is what you want.
      await client.setEnvVars(tenantId, { APP_FEATURE_X: 'off' }, { retryOnStaleHash: true });
    }
    return (await client.getEnvVars(tenantId)).vars;
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
