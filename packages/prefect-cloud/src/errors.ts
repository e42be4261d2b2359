import { APIError, apiErrorInit, GraphQLError, type APIErrorInit, type GraphQLErrorEntry, type XError } from '@x/core';

/**
 * Prefect's `extensions.code` values and the error class each maps to (by the status of that class). API_ERROR is
 * Prefect's "an internal API error occurred": an InternalServerError, retried for queries.
 */
export const PREFECT_GRAPHQL_CODES: Readonly<Record<string, number>> = Object.freeze({
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  VERSION_LOCKING_ERROR: 409,
  API_ERROR: 500,
});

/** Codes retried (queries and idempotent mutations only): Prefect's transient internal error. */
export const PREFECT_RETRY_CODES: readonly string[] = Object.freeze(['API_ERROR']);

/**
 * A state change was rejected because the run's version moved on since the caller read it (another writer, an
 * agent, a retry that already landed). Read the run again and retry with its current `version`.
 */
export class VersionLockingError extends GraphQLError {
  override name = 'VersionLockingError';
  /** The version the rejected update said it was changing, when the server said so. */
  expectedVersion: number | undefined;
  /** The version the run has on the server, when the server said so. */
  actualVersion: number | undefined;

  constructor(message: string, init: APIErrorInit & { expectedVersion?: number; actualVersion?: number }) {
    super(message, init);
    this.expectedVersion = init.expectedVersion;
    this.actualVersion = init.actualVersion;
  }
}

/** Pulls the two versions out of a VERSION_LOCKING_ERROR entry: extensions first, then the message's words. */
export function lockVersions(entry: GraphQLErrorEntry | undefined): { expectedVersion?: number; actualVersion?: number } {
  if (!entry) return {};
  const ext = entry.extensions && typeof entry.extensions === 'object' ? entry.extensions : {};
  const num = (...keys: string[]) => {
    for (const key of keys) {
      const value = Number(ext[key]);
      if (ext[key] !== undefined && ext[key] !== null && Number.isInteger(value)) return value;
    }
    return undefined;
  };
  let expectedVersion = num('expected_version', 'expectedVersion', 'version');
  let actualVersion = num('actual_version', 'actualVersion', 'current_version', 'currentVersion');
  const text = typeof entry.message === 'string' ? entry.message : '';
  if (expectedVersion === undefined) expectedVersion = matchNumber(text, /expected(?: version)?\D{0,12}(\d+)/i);
  if (actualVersion === undefined) actualVersion = matchNumber(text, /(?:actual|current|found|is at|now)(?: version)?\D{0,12}(\d+)/i);
  return { expectedVersion, actualVersion };
}

function matchNumber(text: string, pattern: RegExp): number | undefined {
  const found = pattern.exec(text);
  return found ? Number(found[1]) : undefined;
}

/** The client's last look at each error: a VERSION_LOCKING_ERROR becomes a VersionLockingError that says what to do. */
export function refinePrefectError(error: XError): XError {
  if (!(error instanceof APIError) || !Array.isArray(error.errors)) return error;
  // A malformed answer may hold anything in errors[]: only well-formed entries count.
  const entry = error.errors.find((e) => !!e && typeof e === 'object' && e.extensions?.code === 'VERSION_LOCKING_ERROR');
  if (!entry) return error;
  const versions = lockVersions(entry);
  const saw = versions.expectedVersion !== undefined ? ` version ${versions.expectedVersion}` : ' the version it was given';
  const now = versions.actualVersion !== undefined ? ` (the run is at version ${versions.actualVersion} now)` : '';
  const message =
    `Prefect Cloud rejected ${error.operation ?? 'the state change'}: it expected${saw} but the run changed since${now}. ` +
    `Read the run again (getFlowRun) and retry with its current version, or drop the change if the new state already covers it.` +
    (error.requestId ? ` [request ${error.requestId}]` : '');
  const refined = new VersionLockingError(message, { ...apiErrorInit(error), ...versions });
  return refined;
}
