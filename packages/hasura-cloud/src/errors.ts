import { APIError, apiErrorInit, AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError, type APIErrorInit, type GraphQLCodeMap, type XError } from '@x/core';

/** Where the token comes from, for messages. */
export const TOKEN_ENV = 'HASURA_CLOUD_ACCESS_TOKEN';

/** Hasura's own error codes beyond the core's defaults, and the class each maps to. */
export const HASURA_GRAPHQL_CODES: GraphQLCodeMap = {
  'bad-request': 400,
  'invalid-headers': 400,
  'not-exists': 404,
  'already-exists': 409,
};

// Hasura hides what a role may not use: an unauthorized root field is reported as if it did not exist.
const FIELD_NOT_FOUND = /field ["']?([\w]+)["']? not found in type:? ["']?([\w]+)/i;
const AUTH_REJECTED = /authentication hook|unauthori[sz]ed|invalid (personal access )?token|jwt|malformed authorization/i;

/** Sharpens the core's mapping with what Hasura Cloud's answers mean (the wrapper's `refine`). */
export function refineHasuraError(error: XError): XError {
  if (!(error instanceof APIError) || !error.errors?.length) return error;
  const entries = error.errors;
  const notFound = entries.find((entry) => entry.extensions?.code === 'validation-failed' && FIELD_NOT_FOUND.test(entry.message));
  if (notFound) {
    const [, field, type] = FIELD_NOT_FOUND.exec(notFound.message)!;
    return recast(
      PermissionDeniedError,
      error,
      403,
      `Hasura Cloud refused ${error.operation ?? 'the request'}: this token may not see field "${field}" on ${type}. Hasura hides fields a token is not allowed to use, so this is an authorization problem, not a schema mismatch: check that the personal access token (option accessToken or ${TOKEN_ENV}) is valid and that its user can reach this project.`,
    );
  }
  const denied = entries.find((entry) => entry.extensions?.code === 'access-denied' && AUTH_REJECTED.test(entry.message));
  if (denied) {
    return recast(
      AuthenticationError,
      error,
      401,
      `Hasura Cloud rejected the personal access token on ${error.operation ?? 'the request'} (${denied.message}). Check the token (option accessToken or ${TOKEN_ENV}): it is missing, mistyped or was deleted under My Account in the Cloud dashboard.`,
    );
  }
  return error;
}

/** Re-creates an API error as another class, keeping every field the server sent. */
export function recast<T extends APIError>(Class: new (message: string, init: APIErrorInit) => T, error: APIError, status: number, message: string): T {
  return new Class(message, { ...apiErrorInit(error), status });
}

/** A lookup found nothing (Hasura answers `null` rather than an error). */
export function notFound(operation: string, message: string): NotFoundError {
  return new NotFoundError(message, { status: 404, provider: 'hasura', operation });
}

/** An env-var write was refused because another writer changed the env vars after `sentHash` was read. */
export class StaleHashError extends ConflictError {
  override name = 'StaleHashError';
  readonly tenantId: string;
  /** The hash the write was based on. */
  readonly sentHash: string;
  /** The hash the tenant has now. */
  readonly currentHash: string;

  constructor(init: { tenantId: string; sentHash: string; currentHash: string; operation: string; attempts: number; cause?: unknown }) {
    super(
      `The env vars of tenant ${init.tenantId} changed since hash ${init.sentHash} was read (now ${init.currentHash}): another writer got there first${init.attempts > 1 ? ` ${init.attempts} times` : ''}. Re-read them with getEnvVars and retry, or pass retryOnStaleHash to let the SDK re-read and retry.`,
      { status: 409, provider: 'hasura', operation: init.operation, attempts: init.attempts, cause: init.cause },
    );
    this.tenantId = init.tenantId;
    this.sentHash = init.sentHash;
    this.currentHash = init.currentHash;
  }
}
