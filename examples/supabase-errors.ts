// Errors: every failed call throws a typed error with the status, Supabase's own message, the operation and what
// to do next. Retries (5xx and 429 on reads, with the server's X-RateLimit-Reset honoured) happen before you see one.
import { AuthenticationError, NotFoundError, RateLimitError, ValidationError, WaitFailedError } from '@x/supabase-mgmt';
import { connect } from './supabase-client';

export async function main(): Promise<string> {
  const { client, close } = connect();
  try {
    await client.getProject({ ref: 'nonexistentprojectre' });
    return 'found';
  } catch (error) {
    if (error instanceof NotFoundError) {
      console.log(`${error.name} ${error.status} on ${error.operation}: ${error.message}`);
      return error.name;
    }
    if (error instanceof AuthenticationError) console.log('Check SUPABASE_ACCESS_TOKEN.');
    else if (error instanceof RateLimitError) console.log(`Rate limited; retry in ${error.retryAfterMs} ms.`);
    else if (error instanceof ValidationError || error instanceof WaitFailedError) console.log(error.message);
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
