import type { Paginator } from '@x/core';
import { listAgents, type Agent } from './agents';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKey, type CreateApiKeyInput, type CreatedApiKey } from './api-keys';
import { createApiToken, listApiTokens, revokeApiToken, type ApiToken, type CreatedApiToken } from './api-tokens';
import type { PrefectAuth } from './auth';
import type { ApiTokenScope } from './auth-token';
import { deleteFlowConcurrencyLimit, deleteTaskTagLimit, listFlowConcurrencyLimits, listTaskTagLimits, updateFlowConcurrencyLimit, updateTaskTagLimit, type FlowConcurrencyLimit, type TaskTagLimit } from './concurrency-limits';
import type { CallOptions, PrefectContext } from './context';
import { cancelFlowRun, setFlowRunState, type FlowRunStateInput, type SetFlowRunStateOptions, type SetFlowRunStateResult } from './flow-run-state';
import { createFlowRun, getFlowRun, getFlowRunState, listFlowRuns, type CreateFlowRunInput, type FlowRun, type FlowRunDetail, type FlowRunStatus, type GetFlowRunOptions, type ListFlowRunsOptions } from './flow-runs';
import { archiveFlow, deleteFlow, getFlow, listFlows, listFlowsByProject, type Flow, type FlowDetail, type ListFlowsOptions } from './flows';
import type { Agent_Bool_Exp, Agent_Order_By, Key_Value_Order_By } from './generated/graphql';
import { deleteKeyValue, getKeyValue, listKeyValues, setKeyValue, type KeyValue } from './key-value';
import type { ListOptions } from './list';
import { listFlowRunLogs, type ListLogsOptions, type LogEntry } from './logs';
import { createProject, deleteProject, listProjects, type ListProjectsOptions, type Project } from './projects';
import { deleteSecret, listSecretNames, setSecret } from './secrets';
import { listTenants, type Tenant, type TenantTarget } from './tenants';
import { typedFailure } from './unexpected-answer';
import { waitForFlowRun, type WaitForFlowRunOptions } from './wait-for-flow-run';

/** The task methods of a Prefect Cloud client. Lists return a Paginator: `for await`, `.pages()`, `.total`. */
export interface PrefectCloudMethods {
  /** The tenants this credential belongs to (a USER token itself is used for this, never its tenant session). */
  listTenants(options?: CallOptions): Promise<Tenant[]>;
  /** Acts in another tenant from now on: `{ slug: 'acme' }` or `{ id }`. Not possible with TENANT or RUNNER tokens. */
  switchTenant(target: TenantTarget, options?: CallOptions): Promise<Tenant>;
  /** The tenant id requests act in, looked up once (from `auth_info` or the token session) when not configured. */
  getTenantId(options?: CallOptions): Promise<string>;

  listFlows(options?: ListFlowsOptions): Paginator<Flow, number>;
  listFlowsByProject(projectId: string, options?: Omit<ListFlowsOptions, 'projectId'>): Paginator<Flow, number>;
  getFlow(id: string, options?: CallOptions): Promise<FlowDetail>;
  archiveFlow(id: string, options?: CallOptions): Promise<void>;
  deleteFlow(id: string, options?: CallOptions): Promise<void>;

  createFlowRun(input: CreateFlowRunInput, options?: CallOptions): Promise<{ id: string }>;
  getFlowRun(id: string, options?: GetFlowRunOptions): Promise<FlowRunDetail>;
  getFlowRunState(id: string, options?: CallOptions): Promise<FlowRunStatus>;
  listFlowRuns(options?: ListFlowRunsOptions): Paginator<FlowRun, number>;
  setFlowRunState(id: string, state: FlowRunStateInput, options?: SetFlowRunStateOptions): Promise<SetFlowRunStateResult>;
  cancelFlowRun(id: string, options?: CallOptions): Promise<{ state: string | null }>;
  /** Polls until the run reaches a terminal state and returns that state. */
  waitForFlowRun(id: string, options?: WaitForFlowRunOptions): Promise<FlowRunStatus>;
  listFlowRunLogs(flowRunId: string, options?: ListLogsOptions): Paginator<LogEntry, number>;

  listProjects(options?: ListProjectsOptions): Paginator<Project, number>;
  createProject(input: { name: string; description?: string }, options?: CallOptions): Promise<{ id: string }>;
  deleteProject(id: string, options?: CallOptions): Promise<void>;

  listAgents(options?: ListOptions<Agent_Bool_Exp, Agent_Order_By>): Paginator<Agent, number>;

  setSecret(name: string, value: unknown, options?: CallOptions): Promise<void>;
  deleteSecret(name: string, options?: CallOptions): Promise<void>;
  listSecretNames(options?: CallOptions): Promise<string[]>;

  createApiKey(input: CreateApiKeyInput, options?: CallOptions): Promise<CreatedApiKey>;
  listApiKeys(options?: CallOptions): Promise<ApiKey[]>;
  revokeApiKey(id: string, options?: CallOptions): Promise<void>;
  createApiToken(input: { name: string; scope: ApiTokenScope; expiresAt?: Date | string }, options?: CallOptions): Promise<CreatedApiToken>;
  listApiTokens(options?: CallOptions & { scope?: ApiTokenScope | ApiTokenScope[] }): Promise<ApiToken[]>;
  revokeApiToken(id: string, options?: CallOptions): Promise<void>;

  setKeyValue(key: string, value: unknown, options?: CallOptions): Promise<{ id: string }>;
  getKeyValue<T = unknown>(key: string, options?: CallOptions): Promise<T | undefined>;
  deleteKeyValue(key: string, options?: CallOptions): Promise<void>;
  listKeyValues(options?: Omit<ListOptions<never, Key_Value_Order_By>, 'where'>): Paginator<KeyValue, number>;

  updateTaskTagLimit(tag: string, limit: number, options?: CallOptions): Promise<{ id: string }>;
  deleteTaskTagLimit(id: string, options?: CallOptions): Promise<void>;
  listTaskTagLimits(options?: CallOptions): Promise<TaskTagLimit[]>;
  updateFlowConcurrencyLimit(label: string, limit: number, options?: CallOptions): Promise<{ id: string }>;
  deleteFlowConcurrencyLimit(id: string, options?: CallOptions): Promise<void>;
  listFlowConcurrencyLimits(options?: CallOptions): Promise<FlowConcurrencyLimit[]>;
}

/** Binds every task helper to one client's context; whatever a method rejects with is an XError. */
export function bindMethods(context: PrefectContext, auth: PrefectAuth): PrefectCloudMethods {
  const methods: PrefectCloudMethods = {
    listTenants: (options) => listTenants(context, options),
    switchTenant: (target, options) => auth.switchTenant(target, options),
    getTenantId: (options) => auth.resolveTenantId(options),
    listFlows: (options) => listFlows(context, options),
    listFlowsByProject: (projectId, options) => listFlowsByProject(context, projectId, options),
    getFlow: (id, options) => getFlow(context, id, options),
    archiveFlow: (id, options) => archiveFlow(context, id, options),
    deleteFlow: (id, options) => deleteFlow(context, id, options),
    createFlowRun: (input, options) => createFlowRun(context, input, options),
    getFlowRun: (id, options) => getFlowRun(context, id, options),
    getFlowRunState: (id, options) => getFlowRunState(context, id, options),
    listFlowRuns: (options) => listFlowRuns(context, options),
    setFlowRunState: (id, state, options) => setFlowRunState(context, id, state, options),
    cancelFlowRun: (id, options) => cancelFlowRun(context, id, options),
    waitForFlowRun: (id, options) => waitForFlowRun(context, id, options),
    listFlowRunLogs: (flowRunId, options) => listFlowRunLogs(context, flowRunId, options),
    listProjects: (options) => listProjects(context, options),
    createProject: (input, options) => createProject(context, input, options),
    deleteProject: (id, options) => deleteProject(context, id, options),
    listAgents: (options) => listAgents(context, options),
    setSecret: (name, value, options) => setSecret(context, name, value, options),
    deleteSecret: (name, options) => deleteSecret(context, name, options),
    listSecretNames: (options) => listSecretNames(context, options),
    createApiKey: (input, options) => createApiKey(context, input, options),
    listApiKeys: (options) => listApiKeys(context, options),
    revokeApiKey: (id, options) => revokeApiKey(context, id, options),
    createApiToken: (input, options) => createApiToken(context, input, options),
    listApiTokens: (options) => listApiTokens(context, options),
    revokeApiToken: (id, options) => revokeApiToken(context, id, options),
    setKeyValue: (key, value, options) => setKeyValue(context, key, value, options),
    getKeyValue: (key, options) => getKeyValue(context, key, options),
    deleteKeyValue: (key, options) => deleteKeyValue(context, key, options),
    listKeyValues: (options) => listKeyValues(context, options),
    updateTaskTagLimit: (tag, limit, options) => updateTaskTagLimit(context, tag, limit, options),
    deleteTaskTagLimit: (id, options) => deleteTaskTagLimit(context, id, options),
    listTaskTagLimits: (options) => listTaskTagLimits(context, options),
    updateFlowConcurrencyLimit: (label, limit, options) => updateFlowConcurrencyLimit(context, label, limit, options),
    deleteFlowConcurrencyLimit: (id, options) => deleteFlowConcurrencyLimit(context, id, options),
    listFlowConcurrencyLimits: (options) => listFlowConcurrencyLimits(context, options),
  };
  for (const [name, method] of Object.entries(methods) as Array<[string, (...args: unknown[]) => unknown]>) {
    (methods as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const result = method(...args);
      return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(typedFailure(error, name))) : result;
    };
  }
  return methods;
}
