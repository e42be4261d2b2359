import { XError } from '@x/core';

/**
 * Every failure leaves the client as an XError: an answer missing the fields the client reads (a proxy's JSON, a
 * truncated or changed API) would otherwise surface as a bare TypeError from the code reading it.
 */
export function typedFailure(error: unknown, operation: string): Error {
  if (error instanceof XError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new XError(
    `Prefect Cloud sent an answer to ${operation} without the fields the client reads (${reason.slice(0, 200)}). Retry; if it persists, the endpoint may not be the Prefect Cloud 1.x API (check endpoint / PREFECT__CLOUD__API).`,
    { provider: 'prefect', operation, cause: error },
  );
}
