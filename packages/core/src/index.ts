/**
 * @x/core: what every @x client stands on. The public API is exactly what this file exports.
 */
export { createTransport, getResponseInfo } from './transport';
export type { ClientOptions, FetchLike, ProviderProfile, ResponseInfo, Transport, TransportOptions, TransportStats } from './transport';
export type { TransportEvent, TransportHooks } from './hooks';
export { Authenticator } from './auth';
export type { AuthOptions, TokenContext, TokenSource } from './auth';
export { DEFAULT_RETRY_POLICY, isIdempotentMethod, shouldRetry } from './retry-policy';
export type { AttemptOutcome, RetryPolicy } from './retry-policy';
export { backoffMs } from './backoff';
export { retryAfterMs, resetInMs } from './retry-after';
export type { RateLimitResetKind } from './retry-after';
export { RateLimiter } from './rate-limiter';
export type { RateLimitLease, RateLimitOptions, RateLimitRoute, RateLimitRule, RateLimitState } from './rate-limiter';
export { Semaphore } from './semaphore';
export { realClock } from './clock';
export type { Clock } from './clock';
export { sleep } from './sleep';
export { linkedController, untilAborted } from './abort';
export {
  XError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  GraphQLError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  WaitFailedError,
  apiErrorInit,
} from './errors';
export type { APIErrorInit, ErrorContext, GraphQLErrorEntry } from './errors';
export { makeAPIError, describe as describeAPIError, serverMessage } from './error-factory';
export type { ErrorHints } from './error-factory';
export { graphQLErrorFrom, DEFAULT_GRAPHQL_CODES } from './graphql-errors';
export type { GraphQLCodeMap } from './graphql-errors';
export { Paginator, paginateOffset, paginateToken } from './paginate';
export type { FetchPage, Page, PaginateOptions } from './paginate';
export { waitFor } from './wait-for';
export type { WaitForOptions } from './wait-for';
export { createLogger, LOG_LEVEL_ENV } from './logger';
export type { LogLevel, Logger } from './logger';
export { REDACTED, redactBody, redactHeaders, redactUrl, isSecretHeader, SecretScrubber } from './redact';
export { OPTIONS_HEADER, requestOptionsHeaders, encodeRequestOptions, decodeRequestOptions } from './request-options';
export type { RequestOptions } from './request-options';
export { encodePathParam, checkPathParams } from './path';
export { readEnv } from './env';
export { callOperation, toFormData } from './rest-operation';
export type { OperationSpec } from './rest-operation';
export type { MethodArgs, MethodParams, MethodResult, ResponseKind } from './openapi-types';
export { createOptionsHandOff, createSdkWrapper } from './graphql-wrapper';
export { textDocumentClientOptions } from './graphql-text';
export type { GraphQLWrapperOptions, OptionsHandOff, SdkWrapper } from './graphql-wrapper';
export { LateBoundRequest } from './late-bound-request';
