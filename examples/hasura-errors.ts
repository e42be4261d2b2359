// Every failure is a typed error from one hierarchy. Hasura Cloud answers most failures with HTTP 200 and errors[];
// the client reads the body, so a refused token is an AuthenticationError, a field the token may not see is a
// PermissionDeniedError, and a lookup of something that is not there is a NotFoundError.
import { AuthenticationError, NotFoundError, PermissionDeniedError, StaleHashError, XError, asProjectId } from '@x/hasura-cloud';
import { connect } from './hasura-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    await client.getProject(asProjectId('00000000-0000-4000-8000-000000000000'));
    return 'found';
  } catch (error) {
    if (error instanceof NotFoundError) {
      console.log(`Not there: ${error.message}`);
      return error.name;
    }
    if (error instanceof AuthenticationError) console.error('Check HASURA_CLOUD_ACCESS_TOKEN:', error.message);
    else if (error instanceof PermissionDeniedError) console.error('This token may not do that:', error.message, error.errors);
    else if (error instanceof StaleHashError) console.error('Someone else changed the env vars first:', error.currentHash);
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
