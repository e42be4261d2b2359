/** @x/supabase-mgmt: the Supabase Management API. The public API is exactly what this file exports. */
export { createSupabaseMgmtClient, DEFAULT_BASE_URL } from './client';
export type { BinaryBody, DeployAFunctionBody, SupabaseHelpers, SupabaseMethodOverrides, SupabaseMgmtClient, SupabaseMgmtClientOptions } from './client';
export { SUPABASE_RATE_LIMITS } from './rate-limits';
export { matchOperationRoute, rateLimitKey } from './route-match';
export type { RouteMatch } from './route-match';
export { PROJECT_FAILURE_STATUSES, RESTORE_FAILURE_STATUSES, describeProjectStatus } from './project-status';
export type { ProjectStatus } from './project-status';
export { UPGRADE_STATUS } from './wait-for-upgrade';
export type { UpgradeStatus, WaitForUpgradeOptions } from './wait-for-upgrade';
export type { Project } from './wait-for-project-healthy';
export type { BranchDetail } from './wait-for-branch-ready';
export type { WaitOptions } from './poll';
export type { OrganizationProject, OrganizationProjectsParams } from './paginate-organization-projects';
export type { ActionRun, ActionRunsParams } from './paginate-action-runs';
export type { SnippetListItem, SnippetsParams } from './paginate-snippets';
export type { DeployedFunction, DeployFunctionParams, FunctionDeployMetadata, FunctionFile } from './deploy-function';
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
  Paginator,
} from '@x/core';
export type { Page, PaginateOptions, RequestOptions, RetryPolicy, TransportStats, TransportHooks, TransportEvent, Logger, LogLevel } from '@x/core';
