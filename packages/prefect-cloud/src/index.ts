/** @x/prefect-cloud: the Prefect Cloud 1.x GraphQL API. The public API is exactly what this file exports. */
export { createPrefectCloudClient, DEFAULT_ENDPOINT, PREFECT_PROVIDER, PREFECT_RETRY_DEFAULTS, isIdempotentMutation } from './client';
export type { PrefectCloudClient, PrefectCloudClientOptions } from './client';
export type { GraphQLDocumentNode, TypedGraphQLDocumentNode } from './document';
export type { PrefectCloudMethods } from './methods';
export type { PrefectAuthMode } from './auth';
export type { ApiTokenScope } from './auth-token';
export { TENANT_HEADER } from './auth-api-key';
export type { CallOptions } from './context';
export { DEFAULT_PAGE_SIZE } from './list';
export type { ListOptions, PageOptions } from './list';
export { VersionLockingError, PREFECT_GRAPHQL_CODES, PREFECT_RETRY_CODES } from './errors';
export { TERMINAL_STATES, SUCCESSFUL_STATES, FAILED_STATES, isTerminalState, isSuccessfulState, isFailedState } from './states';
export type { PrefectStateName } from './states';
export type { Tenant, TenantTarget } from './tenants';
export type { Flow, FlowDetail, ListFlowsOptions } from './flows';
export type { FlowRun, FlowRunDetail, FlowRunStatus, CreateFlowRunInput, GetFlowRunOptions, ListFlowRunsOptions } from './flow-runs';
export type { FlowRunStateInput, SetFlowRunStateOptions, SetFlowRunStateResult } from './flow-run-state';
export type { WaitForFlowRunOptions } from './wait-for-flow-run';
export type { Project, ListProjectsOptions } from './projects';
export type { Agent } from './agents';
export type { LogEntry, ListLogsOptions } from './logs';
export type { ApiKey, CreateApiKeyInput, CreatedApiKey } from './api-keys';
export type { ApiToken, CreatedApiToken } from './api-tokens';
export type { KeyValue } from './key-value';
export type { TaskTagLimit, FlowConcurrencyLimit } from './concurrency-limits';
export { getSdk } from './generated/graphql';
export type * from './generated/graphql';
export { Paginator } from '@x/core';
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
export type { RequestOptions, RetryPolicy, GraphQLErrorEntry } from '@x/core';
