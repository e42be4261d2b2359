// The one seam between the generated code and the handwritten SDK: graphql-request gets the core transport as its
// fetch, and the generated getSdk gets the core's wrapper (operation names, idempotency, errors[] to typed errors).
import { createOptionsHandOff, createSdkWrapper, createTransport, readEnv, realClock, ValidationError, type ClientOptions, type GraphQLWrapperOptions, type Paginator, type TokenSource, type Transport, type TransportStats } from '@x/core';
import { getConfigStatus, type ConfigStatus } from './config-status';
import type { CallOptions, HasuraContext } from './context';
import { createProject, type CreatedProject, type CreateProjectInput, type CreateProjectOptions } from './create-project';
import { addCustomDomain, getCustomDomain, listCustomDomains, type CustomDomain } from './custom-domains';
import { listEgressIps } from './egress-ips';
import { getEnvVars, type EnvVarsState } from './env-state';
import { deleteEnvVars, setEnvVars, type EnvVarsWriteOptions, type EnvVarsWriteResult } from './env-vars';
import { createGraphQLClient } from './graphql-client';
import { HASURA_GRAPHQL_CODES, refineHasuraError, TOKEN_ENV } from './errors';
import { getSdk, type Sdk, type Tenant_Bool_Exp, type Tenant_Order_By } from './generated/graphql';
import type { ProjectId, TenantId } from './ids';
import { getJob, type Job } from './jobs';
import { createPreviewApp, deletePreviewApp, type CreatePreviewAppInput } from './preview-apps';
import { deleteProject, findProjectByName, getProject, listProjects, renameProject, resolveTenantId, type ListProjectsOptions, type Project } from './projects';
import { syncEnvVars, type SyncEnvVarsOptions, type SyncEnvVarsResult } from './sync-env-vars';
import { TenantLocks } from './tenant-locks';
import { deleteTenant, findTenantByProjectName, findTenantBySlug, getTenant, getTenantHealth, listTenants, renameTenant, waitForTenantReady, type Tenant, type TenantHealth, type TenantSummary, type WaitForTenantOptions } from './tenants';
import { waitForPreviewApp, type PreviewAppResult, type WaitForPreviewAppOptions } from './wait-for-preview-app';

/** Options of `createHasuraCloudClient`; every core option (retry, timeoutMs, logger, fetch, hooks, clock...) applies. */
export interface HasuraCloudClientOptions extends ClientOptions {
  /** A Hasura Cloud personal access token (or a function returning one). Default: `HASURA_CLOUD_ACCESS_TOKEN`. */
  accessToken?: TokenSource;
  /** The control-plane GraphQL endpoint. Default `https://data.pro.hasura.io/v1/graphql`. */
  endpoint?: string;
}

/** A Hasura Cloud client. Every method throws the core's typed errors. */
export interface HasuraCloudClient {
  /** The generated SDK: one typed function per operation document, through the same transport. */
  readonly raw: Sdk;
  readonly transport: Transport;
  /** Requests, retries and time waited since the client was made. */
  readonly stats: TransportStats;
  readonly endpoint: string;

  listProjects(options?: ListProjectsOptions): Paginator<Project, number>;
  getProject(projectId: ProjectId, options?: CallOptions): Promise<Project>;
  findProjectByName(name: string, options?: CallOptions): Promise<Project | undefined>;
  resolveTenantId(projectId: ProjectId, options?: CallOptions): Promise<TenantId>;
  createProject(input: CreateProjectInput, options?: CreateProjectOptions): Promise<CreatedProject>;
  renameProject(projectId: ProjectId, name: string, options?: CallOptions): Promise<Project>;
  deleteProject(projectId: ProjectId, options?: CallOptions): Promise<{ status: string | null }>;

  getTenant(tenantId: TenantId, options?: CallOptions): Promise<Tenant>;
  listTenants(options?: CallOptions & { limit?: number; where?: Tenant_Bool_Exp; orderBy?: Tenant_Order_By[]; maxItems?: number }): Paginator<TenantSummary, number>;
  findTenantBySlug(slug: string, options?: CallOptions): Promise<Tenant | undefined>;
  findTenantByProjectName(name: string, options?: CallOptions): Promise<Tenant | undefined>;
  getTenantHealth(tenantId: TenantId, options?: CallOptions): Promise<TenantHealth>;
  waitForTenantReady(tenantId: TenantId, options?: WaitForTenantOptions): Promise<TenantHealth>;
  renameTenant(tenantId: TenantId, name: string, options?: CallOptions): Promise<{ tenantId: TenantId; projectName: string | null }>;
  deleteTenant(tenantId: TenantId, options?: CallOptions): Promise<{ status: string | null }>;

  getEnvVars(tenantId: TenantId, options?: CallOptions): Promise<EnvVarsState>;
  setEnvVars(tenantId: TenantId, vars: Record<string, string>, options?: EnvVarsWriteOptions): Promise<EnvVarsWriteResult>;
  deleteEnvVars(tenantId: TenantId, keys: readonly string[], options?: EnvVarsWriteOptions): Promise<EnvVarsWriteResult>;
  syncEnvVars(tenantId: TenantId, source: Record<string, string>, options: SyncEnvVarsOptions): Promise<SyncEnvVarsResult>;
  getConfigStatus(tenantId: TenantId, options?: CallOptions): Promise<ConfigStatus[]>;

  createPreviewApp(input: CreatePreviewAppInput, options?: CallOptions): Promise<string>;
  waitForPreviewApp(jobId: string, options?: WaitForPreviewAppOptions): Promise<PreviewAppResult>;
  getJob(jobId: string, options?: CallOptions): Promise<Job>;
  deletePreviewApp(name: string, options?: CallOptions): Promise<{ status: string | null }>;

  listCustomDomains(tenantId: TenantId, options?: CallOptions): Promise<CustomDomain[]>;
  getCustomDomain(id: string, options?: CallOptions): Promise<CustomDomain>;
  addCustomDomain(tenantId: TenantId, fqdn: string, options?: CallOptions): Promise<CustomDomain>;
  listEgressIps(options?: CallOptions): Promise<string[]>;
}

/** The endpoint every client uses unless told otherwise. */
export const DEFAULT_ENDPOINT = 'https://data.pro.hasura.io/v1/graphql';

// Env-var writes carry the hash they were based on, so a repeat after a lost answer is refused as stale (and then
// recognised as already applied) instead of applied twice: they alone among mutations are safe to resend.
const CAS_MUTATIONS = new Set(['UpdateTenantEnv', 'DeleteTenantEnv']);
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Makes a client. Throws a ValidationError at once when no token can be found. */
export function createHasuraCloudClient(options: HasuraCloudClientOptions = {}): HasuraCloudClient {
  const token = options.accessToken ?? readEnv(TOKEN_ENV);
  if (!token) {
    throw new ValidationError(`No Hasura Cloud personal access token: pass \`accessToken\` or set ${TOKEN_ENV} (create one in the Cloud dashboard under My Account).`, { provider: 'hasura' });
  }
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const { accessToken: _token, endpoint: _endpoint, ...clientOptions } = options;
  const transport = createTransport({
    ...clientOptions,
    provider: { name: 'hasura', displayName: 'Hasura Cloud', tokenEnv: TOKEN_ENV },
    auth: { token, scheme: 'pat' },
  });
  // graphql-request calls fetch synchronously from request(): each call's options reach the transport directly.
  const handOff = createOptionsHandOff(transport);
  const graphqlClient = createGraphQLClient(endpoint, handOff.fetch);
  const wrapperOptions: GraphQLWrapperOptions = {
    handOff,
    codes: HASURA_GRAPHQL_CODES,
    retryCodes: ['GenericServerError'],
    maxRetries: options.retry?.maxRetries ?? 2,
    refine: refineHasuraError,
    idempotentMutations: (operationName) => CAS_MUTATIONS.has(operationName),
  };
  const sdk = getSdk(graphqlClient, createSdkWrapper(transport, wrapperOptions));
  // A call with options gets its own wrapper: they reach every attempt, and an abort also ends a backoff between
  // GraphQL retries. Only the per-request options are taken (a list's own options, such as its page size, stay out).
  const sdkFor = (call: CallOptions = {}) => {
    const { signal, timeoutMs, deadlineMs, retry, headers } = call;
    if (signal === undefined && timeoutMs === undefined && deadlineMs === undefined && retry === undefined && headers === undefined) return sdk;
    const perCall = { signal, timeoutMs, deadlineMs, retry, headers };
    return getSdk(graphqlClient, createSdkWrapper(transport, wrapperOptions, () => perCall));
  };
  const context: HasuraContext = { sdk: sdkFor, transport, clock: options.clock ?? realClock, locks: new TenantLocks(), random: options.random ?? Math.random };
  const client: Omit<HasuraCloudClient, 'raw' | 'transport' | 'stats' | 'endpoint'> = {
    listProjects: (o) => listProjects(context, o),
    getProject: (id, o) => getProject(context, id, o),
    findProjectByName: (name, o) => findProjectByName(context, name, o),
    resolveTenantId: (id, o) => resolveTenantId(context, id, o),
    createProject: (input, o) => createProject(context, input, o),
    renameProject: (id, name, o) => renameProject(context, id, name, o),
    deleteProject: (id, o) => deleteProject(context, id, o),
    getTenant: (id, o) => getTenant(context, id, o),
    listTenants: (o) => listTenants(context, o),
    findTenantBySlug: (slug, o) => findTenantBySlug(context, slug, o),
    findTenantByProjectName: (name, o) => findTenantByProjectName(context, name, o),
    getTenantHealth: (id, o) => getTenantHealth(context, id, o),
    waitForTenantReady: (id, o) => waitForTenantReady(context, id, o),
    renameTenant: (id, name, o) => renameTenant(context, id, name, o),
    deleteTenant: (id, o) => deleteTenant(context, id, o),
    getEnvVars: (id, o) => getEnvVars(context, id, o),
    setEnvVars: (id, vars, o) => setEnvVars(context, id, vars, o),
    deleteEnvVars: (id, keys, o) => deleteEnvVars(context, id, keys, o),
    syncEnvVars: (id, source, o) => syncEnvVars(context, id, source, o),
    getConfigStatus: (id, o) => getConfigStatus(context, id, o),
    createPreviewApp: (input, o) => createPreviewApp(context, input, o),
    waitForPreviewApp: (jobId, o) => waitForPreviewApp(context, jobId, o),
    getJob: (jobId, o) => getJob(context, jobId, o),
    deletePreviewApp: (name, o) => deletePreviewApp(context, name, o),
    listCustomDomains: (id, o) => listCustomDomains(context, id, o),
    getCustomDomain: (id, o) => getCustomDomain(context, id, o),
    addCustomDomain: (id, fqdn, o) => addCustomDomain(context, id, fqdn, o),
    listEgressIps: (o) => listEgressIps(context, o),
  };
  Object.defineProperties(client, {
    raw: { value: sdk },
    transport: { value: transport },
    stats: { get: () => transport.stats },
    endpoint: { value: endpoint, enumerable: true },
    [inspectSymbol]: { value: () => `HasuraCloudClient { endpoint: '${endpoint}' }` },
    toJSON: { value: () => ({ client: 'HasuraCloudClient', endpoint }) },
  });
  return client as HasuraCloudClient;
}
