// Errors are typed by status; `body` keeps the API's { code, message, details } and the message names the gRPC code.
import { cockroachErrorBody, grpcCodeName, NotFoundError, RateLimitError, ValidationError } from '@x/cockroach-cloud';
import { connect } from './cockroach-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    await client.getCluster({ cluster_id: '00000000-0000-0000-0000-000000000000' });
    return 'found';
  } catch (error) {
    if (error instanceof NotFoundError) {
      const status = cockroachErrorBody(error);
      // e.g. "CockroachDB Cloud answered 404 on getCluster: cluster ... not found (NOT_FOUND). Check the identifiers..."
      console.log(error.message);
      console.log(`gRPC code ${status?.code} (${grpcCodeName(status?.code)}), request ${error.requestId}, details:`, status?.details);
      return 'not found';
    }
    if (error instanceof RateLimitError) return `rate limited; retry in ${error.retryAfterMs} ms`;
    if (error instanceof ValidationError) return `nothing was sent: ${error.message}`;
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
