/** @x/hasura-cloud: the Hasura Cloud API. The public API is exactly what this file exports. */
export { createHasuraCloudClient, DEFAULT_ENDPOINT } from './client';
export type { HasuraCloudClient, HasuraCloudClientOptions } from './client';
export type { CallOptions, SignalOptions } from './context';
export { asProjectId, asTenantId } from './ids';
export type { ProjectId, TenantId } from './ids';
export type { Project, ListProjectsOptions } from './projects';
export type { CreateProjectInput, CreateProjectOptions, CreatedProject } from './create-project';
export type { Tenant, TenantHealth, TenantSummary, WaitForTenantOptions } from './tenants';
export { flattenEnvironment } from './env-state';
export type { EnvVarsState } from './env-state';
export type { EnvVarsWriteOptions, EnvVarsWriteResult } from './env-vars';
export type { CasOptions } from './env-write';
export { compileKeySchema } from './key-schema';
export type { KeySchema } from './key-schema';
export { planSync, PROTECTED_PREFIX } from './sync-plan';
export type { InitialSyncBehavior, PlanInput, SyncPlan } from './sync-plan';
export type { SyncEnvVarsOptions, SyncEnvVarsResult } from './sync-env-vars';
export type { ConfigStatus } from './config-status';
export type { CreatePreviewAppInput } from './preview-apps';
export type { PreviewAppProgress, PreviewAppResult, WaitForPreviewAppOptions } from './wait-for-preview-app';
export { TERMINAL_JOB_STATUSES } from './jobs';
export type { Job, JobEvent, JobTask } from './jobs';
export type { CustomDomain } from './custom-domains';
export { StaleHashError, HASURA_GRAPHQL_CODES } from './errors';
export type { Sdk } from './generated/graphql';
export type * as GraphQLTypes from './generated/graphql';
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
} from '@x/core';
export type { ClientOptions, Logger, LogLevel, Paginator, RequestOptions, RetryPolicy, TokenSource, TransportEvent, TransportHooks, TransportStats } from '@x/core';
