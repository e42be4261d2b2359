import { NotFoundError } from '@x/core';

/** The NotFoundError for an id or name Prefect Cloud answered `null` or `[]` for. */
export function notFound(operation: string, what: string, advice: string): NotFoundError {
  return new NotFoundError(`Prefect Cloud has no ${what} visible to this credential (${operation}). ${advice}`, { status: 404, provider: 'prefect', operation });
}

/**
 * Throws when a `success_payload` says the mutation did not happen. Prefect answers `success: false` when the
 * target does not exist in the caller's tenant, hence NotFoundError (the server's reason is in the message).
 */
export function assertSuccess(payload: { success: boolean | null; error: string | null } | null | undefined, operation: string, what: string): void {
  if (payload?.success) return;
  const reason = payload?.error ?? 'the server gave no reason';
  throw new NotFoundError(`Prefect Cloud did not ${what} (${operation}): ${reason}. Check the id, and that this credential's tenant owns it.`, {
    status: 404,
    provider: 'prefect',
    operation,
    errors: [{ message: reason }],
  });
}
