// A preview app per pull request: Hasura Cloud creates a project from a GitHub branch, then applies its metadata
// and migrations. The GitHub token is redacted from every error and log of the client.
import { WaitFailedError, type Job } from '@x/hasura-cloud';
import { connect } from './hasura-client';

export async function main(): Promise<string | null> {
  const { client, close } = await connect();
  const name = `my-app-pr-${process.env.PR_NUMBER ?? '42'}`;
  try {
    const jobId = await client.createPreviewApp({
      githubPersonalAccessToken: process.env.GITHUB_TOKEN ?? 'ghp_example_token_for_the_simulator',
      owner: 'my-org',
      repo: 'my-repo',
      branch: 'feature-x',
      directory: 'backend/hasura',
      cloud: 'aws',
      region: 'us-east-2',
      plan: 'cloud_free',
      name,
      envVars: { HASURA_GRAPHQL_AUTH_HOOK: 'https://auth.example.com/hook' },
    });

    const result = await client.waitForPreviewApp(jobId, {
      name,
      timeoutMs: 5 * 60_000,
      onProgress: ({ phase, job }) => console.log(`${phase}: ${job.tasks.map((task) => `${task.name}=${task.status}`).join(' ')}`),
    });
    console.log(`${result.status}: ${result.graphqlEndpoint} (console: ${result.consoleUrl})`);
    return result.graphqlEndpoint;
  } catch (error) {
    if (error instanceof WaitFailedError) {
      // Which step failed and why, e.g. "apply-migration: relation "users" already exists".
      const job = error.last as Job;
      for (const task of job.tasks.filter((t) => t.errors.length > 0)) console.error(`${task.name}: ${task.errors.join('; ')}`);
    }
    throw error;
  } finally {
    await client.deletePreviewApp(name).catch(() => undefined); // clean up the example's preview app
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
