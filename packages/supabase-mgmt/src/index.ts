/** @x/supabase-mgmt: the Supabase Management API. The public API is exactly what this file exports. */
export { createSupabaseMgmtClient, DEFAULT_BASE_URL } from './client';
export type { SupabaseMgmtClient, SupabaseMgmtClientOptions } from './client';
export { SUPABASE_RATE_LIMITS } from './rate-limits';
export { operations } from './generated/operations';
export type { NamedMethods, OperationName } from './generated/operations';
export type { components, operations as OperationTypes, paths } from './generated/schema';
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
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  WaitFailedError,
} from '@x/core';
export type { RequestOptions, RetryPolicy } from '@x/core';
