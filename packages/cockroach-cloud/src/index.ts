/** @x/cockroach-cloud: the CockroachDB Cloud API. The public API is exactly what this file exports. */
export { createCockroachCloudClient, API_VERSION, DEFAULT_BASE_URL } from './client';
export type { CockroachCloudClient, CockroachCloudClientOptions, CockroachCloudApi } from './client';
export { COCKROACH_RATE_LIMITS } from './rate-limits';
export { GRPC_CODE_NAMES, grpcCodeName, cockroachErrorBody } from './errors';
export type { CockroachErrorBody } from './errors';
export { LIST_FIELDS, PAGINATED_OPERATIONS } from './paginate';
export type { PaginatedOperationName, PageItem, PaginateParams, PaginateArgs, KeysetPaginateOptions, KeysetPaginator } from './paginate';
export type { AuditLogEntry, AuditLogQuery } from './paginate-audit-logs';
export { generatePassword } from './generate-password';
export { toUsageLimits, toInt64String } from './usage-limits';
export type { Int64, UsageLimitsInput } from './usage-limits';
export { isRunning as isOperationRunning } from './wait-for-cluster-operation';
export type { WaitForClusterOperationOptions } from './wait-for-cluster-operation';
export type { WaitForVersionUpgradeOptions } from './wait-for-version-upgrade';
export type { CreateServerlessClusterOptions } from './create-serverless-cluster-and-wait';
export type { CreateSqlUserOptions, SqlUserCredentials } from './create-sql-user-with-connection-string';
export type { RotateSqlUserPasswordOptions } from './rotate-sql-user-password';
export type {
  Cluster,
  ClusterState,
  ClusterOperationStatus,
  ClusterUpgradeStatus,
  CloudProvider,
  ClusterPlan,
  SQLUser,
  PrivateEndpointConnection,
  UsageLimits,
  ConnectionStringResponse,
  WaitOptions,
} from './types';
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
export type { RequestOptions, RetryPolicy, Paginator, Page } from '@x/core';
