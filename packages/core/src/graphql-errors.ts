import { makeAPIError, type ErrorHints } from './error-factory';
import type { APIError, ErrorContext, GraphQLErrorEntry } from './errors';

/** Maps a GraphQL code to the HTTP-like status whose error class fits it. */
export type GraphQLCodeMap = Record<string, number>;

/** Codes most GraphQL servers use, and the error class each maps to. */
export const DEFAULT_GRAPHQL_CODES: GraphQLCodeMap = {
  UNAUTHENTICATED: 401,
  'invalid-jwt': 401,
  'access-denied': 403,
  FORBIDDEN: 403,
  'permission-error': 403,
  NOT_FOUND: 404,
  'not-found': 404,
  'constraint-violation': 409,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  'validation-failed': 400,
  'parse-failed': 400,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
  GenericServerError: 500,
  'unexpected': 500,
};

/** Turns a GraphQL `errors[]` answer (HTTP 200 or 4xx) into the typed error of its first known code. */
export function graphQLErrorFrom(
  errors: GraphQLErrorEntry[],
  init: ErrorContext & { httpStatus: number; data?: unknown; headers?: Record<string, string>; codes?: GraphQLCodeMap; hints?: ErrorHints },
): APIError {
  const map = { ...DEFAULT_GRAPHQL_CODES, ...init.codes };
  const mapped = errors.map((e) => (typeof e?.extensions?.code === 'string' ? map[e.extensions.code] : undefined)).find((s) => s !== undefined);
  const status = mapped ?? (init.httpStatus >= 400 ? init.httpStatus : 200);
  const { httpStatus: _h, codes: _c, hints, ...context } = init;
  return makeAPIError({ ...context, status, errors, data: init.data, body: { errors, data: init.data } }, hints);
}
