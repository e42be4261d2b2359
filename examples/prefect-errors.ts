// Every failure is a typed error. A state change based on a stale run version is a VersionLockingError carrying
// both versions: re-read and decide again. AuthenticationError, PermissionDeniedError, RateLimitError (after the
// client's own waits) and InternalServerError (an API_ERROR that outlived its retries) cover the rest.
import { AuthenticationError, PermissionDeniedError, RateLimitError, VersionLockingError, XError, isTerminalState } from '@x/prefect-cloud';
import { connect } from './prefect-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    const [flow] = await client.listFlows({ maxItems: 1 }).toArray();
    if (!flow) throw new Error('No flow to run.');
    const { id } = await client.createFlowRun({ flowId: flow.id });
    const seen = await client.getFlowRunState(id);
    await client.setFlowRunState(id, 'Running', { version: seen.version! });

    try {
      // Based on the version read before the change above: refused.
      await client.setFlowRunState(id, { type: 'Cancelled', message: 'stopped by the operator' }, { version: seen.version! });
    } catch (error) {
      if (!(error instanceof VersionLockingError)) throw error;
      console.log(`Stale: expected v${error.expectedVersion}, the run is at v${error.actualVersion}.`);
      const now = await client.getFlowRunState(id);
      if (!isTerminalState(now.state)) await client.setFlowRunState(id, 'Cancelled', { version: now.version! });
    }
    return (await client.getFlowRunState(id)).state!;
  } catch (error) {
    if (error instanceof AuthenticationError) console.error('Check PREFECT__CLOUD__API_KEY (or the token):', error.message);
    else if (error instanceof PermissionDeniedError) console.error('This credential may not do that:', error.message);
    else if (error instanceof RateLimitError) console.error(`Rate limited; retry in ${error.retryAfterMs ?? 'a few'} ms.`);
    else if (error instanceof XError) console.error(`${error.name} on ${error.operation} after ${error.attempts ?? 1} attempt(s): ${error.message}`);
    throw error;
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
