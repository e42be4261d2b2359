// The one seam between the generated code and the handwritten SDK: the core transport is handed to openapi-fetch
// as its `fetch`, and every named method is the generated operation table run through the core's operation runner.
import createClient, { type Client } from 'openapi-fetch';
import {
  callOperation,
  createTransport,
  LateBoundRequest,
  readEnv,
  ValidationError,
  type ClientOptions,
  type Paginator,
  type ProviderProfile,
  type RateLimitOptions,
  type RequestOptions,
  type TokenSource,
  type Transport,
  type TransportStats,
} from '@x/core';
import { operations, type NamedMethods } from './generated/operations';
import type { paths } from './generated/schema';
import { explainStatus } from './errors';
import { COCKROACH_RATE_LIMITS } from './rate-limits';
import { paginateList, type KeysetPaginateOptions, type KeysetPaginator, type PaginateArgs, type PaginatedOperationName } from './paginate';
import { paginateAuditLogs, type AuditLogEntry, type AuditLogQuery } from './paginate-audit-logs';
import { waitForClusterReady } from './wait-for-cluster-ready';
import { waitForClusterOperation, type WaitForClusterOperationOptions } from './wait-for-cluster-operation';
import { waitForVersionUpgrade, type WaitForVersionUpgradeOptions } from './wait-for-version-upgrade';
import { waitForPrivateEndpoint } from './wait-for-private-endpoint';
import { createServerlessClusterAndWait, type CreateServerlessClusterOptions } from './create-serverless-cluster-and-wait';
import { createSqlUserWithConnectionString, type CreateSqlUserOptions, type SqlUserCredentials } from './create-sql-user-with-connection-string';
import { rotateSqlUserPassword, type RotateSqlUserPasswordOptions } from './rotate-sql-user-password';
import { setUsageLimits } from './set-usage-limits';
import type { UsageLimitsInput } from './usage-limits';
import type { Cluster, PrivateEndpointConnection, SQLUser, WaitOptions } from './types';

/** The API version this SDK is written against, sent as `Cc-Version` on every request. */
export const API_VERSION = '2024-09-16';
/** The API's address when neither the `baseUrl` option nor `COCKROACH_SERVER` says otherwise. */
export const DEFAULT_BASE_URL = 'https://cockroachlabs.cloud';

/** Options of `createCockroachCloudClient`; every core option (retry, timeoutMs, rateLimit, logger, fetch, hooks...) applies. */
export interface CockroachCloudClientOptions extends ClientOptions {
  /** A service account API key (or a function returning one). Default: `COCKROACH_API_KEY`. */
  apiKey?: TokenSource;
  /** Default: `COCKROACH_SERVER`, else `https://cockroachlabs.cloud`. */
  baseUrl?: string;
  /** The `Cc-Version` header (YYYY-MM-DD). Default `API_VERSION` (2024-09-16), the version the types describe. */
  apiVersion?: string;
}

/** The named methods, the raw layer and pagination: what the waiters and helpers are built on. */
export type CockroachCloudApi = NamedMethods & {
  /** The raw typed layer (openapi-fetch): `raw.GET('/api/v1/clusters/{cluster_id}', { params })` returns `{ data, error, response }`. */
  readonly raw: Client<paths>;
  /** The transport every call goes through. */
  readonly transport: Transport;
  /** Requests, retries, rate-limited answers absorbed and time waited, since the client was made. */
  readonly stats: TransportStats;
  readonly baseUrl: string;
  /** The `Cc-Version` this client sends. */
  readonly apiVersion: string;
  /** Iterates every item of one of the 19 keyset-paginated lists: `for await (const c of client.paginate('listClusters'))`. */
  paginate<K extends PaginatedOperationName>(name: K, ...args: PaginateArgs<K>): KeysetPaginator<K>;
  /** Iterates the organization audit log, following `next_starting_from`. */
  paginateAuditLogs(query?: AuditLogQuery, options?: KeysetPaginateOptions): Paginator<AuditLogEntry, string | null>;
};

/** A CockroachDB Cloud API client: a named method per operation, pagination, waiters and everyday helpers. */
export type CockroachCloudClient = CockroachCloudApi & {
  /** Polls until the cluster is `CREATED`; fails fast on `CREATION_FAILED`. */
  waitForClusterReady(clusterId: string, options?: WaitOptions<Cluster>): Promise<Cluster>;
  /** Polls until the cluster's running operation is over; fails fast on a `*_FAILED` status. */
  waitForClusterOperation(clusterId: string, options?: WaitForClusterOperationOptions): Promise<Cluster>;
  /** Polls until the cluster runs `version` with no upgrade in progress; fails fast on a rollback or failure. */
  waitForVersionUpgrade(clusterId: string, version: string, options?: WaitForVersionUpgradeOptions): Promise<Cluster>;
  /** Polls until a private endpoint connection is `STATUS_AVAILABLE`; fails fast when rejected or failed. */
  waitForPrivateEndpoint(clusterId: string, endpointId: string, options?: WaitOptions<PrivateEndpointConnection | undefined>): Promise<PrivateEndpointConnection>;
  /** Creates a serverless cluster and waits until it is `CREATED`. */
  createServerlessClusterAndWait(options: CreateServerlessClusterOptions): Promise<Cluster>;
  /** Creates a SQL user (generating a strong password when none is given) and returns a ready connection string. */
  createSqlUserWithConnectionString(options: CreateSqlUserOptions): Promise<SqlUserCredentials>;
  /** Sets a new (generated unless given) password on a SQL user. */
  rotateSqlUserPassword(options: RotateSqlUserPasswordOptions): Promise<{ user: SQLUser; password: string }>;
  /** Sets a serverless cluster's usage limits (PATCH cluster, `serverless.usage_limits`). */
  setUsageLimits(clusterId: string, limits: UsageLimitsInput, options?: RequestOptions): Promise<Cluster>;
};

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Makes a client. Throws a ValidationError at once when no API key can be found or `apiVersion` is malformed. */
export function createCockroachCloudClient(options: CockroachCloudClientOptions = {}): CockroachCloudClient {
  const apiKey = options.apiKey ?? readEnv('COCKROACH_API_KEY');
  if (!apiKey) {
    throw new ValidationError(
      'No CockroachDB Cloud API key: pass `apiKey` or set COCKROACH_API_KEY. Create one in the CockroachDB Cloud Console (https://cockroachlabs.cloud) under Organization > Access Management > Service Accounts, then "Create API key".',
      { provider: 'cockroach' },
    );
  }
  const apiVersion = options.apiVersion ?? API_VERSION;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(apiVersion)) {
    throw new ValidationError(`apiVersion must be a date such as ${API_VERSION} (YYYY-MM-DD), got ${JSON.stringify(apiVersion)}.`, { provider: 'cockroach' });
  }
  const baseUrl = (options.baseUrl ?? readEnv('COCKROACH_SERVER') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const rateLimit: RateLimitOptions | false = options.rateLimit === false ? false : { ...COCKROACH_RATE_LIMITS, ...options.rateLimit };
  const profile: ProviderProfile = {
    name: 'cockroach',
    displayName: 'CockroachDB Cloud',
    tokenEnv: 'COCKROACH_API_KEY',
    // The docs warn an over-limit answer may come with a status other than 429: Retry-After is the signal.
    retryAfterSignalsRateLimit: true,
  };
  const userHeaders = options.headers;
  const transport = createTransport({
    ...options,
    rateLimit,
    provider: profile,
    auth: { token: apiKey, scheme: 'Bearer' },
    headers: () => ({ 'Cc-Version': apiVersion, ...(typeof userHeaders === 'function' ? userHeaders() : userHeaders) }),
  });
  const parseError = transport.errorFromResponse.bind(transport);
  transport.errorFromResponse = async (response, context) => explainStatus(await parseError(response, context), profile, apiVersion);

  // LateBoundRequest: a client made before msw (or another interceptor) starts still sends every header.
  const raw = createClient<paths>({ baseUrl, fetch: transport.fetch, Request: LateBoundRequest });
  const client: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(operations)) {
    client[name] = (params?: Record<string, unknown>, requestOptions?: object) => callOperation(baseUrl, transport, name, spec, params, requestOptions);
  }
  const api = client as unknown as CockroachCloudClient;
  const methods: Record<string, unknown> = {
    paginate: (name: PaginatedOperationName, params?: Record<string, unknown>, paginateOptions?: KeysetPaginateOptions) => paginateList(api, name, params, paginateOptions),
    paginateAuditLogs: (query?: AuditLogQuery, paginateOptions?: KeysetPaginateOptions) => paginateAuditLogs(api, query, paginateOptions),
    waitForClusterReady: (clusterId: string, waitOptions?: WaitOptions<Cluster>) => waitForClusterReady(api, clusterId, waitOptions),
    waitForClusterOperation: (clusterId: string, waitOptions?: WaitForClusterOperationOptions) => waitForClusterOperation(api, clusterId, waitOptions),
    waitForVersionUpgrade: (clusterId: string, version: string, waitOptions?: WaitForVersionUpgradeOptions) => waitForVersionUpgrade(api, clusterId, version, waitOptions),
    waitForPrivateEndpoint: (clusterId: string, endpointId: string, waitOptions?: WaitOptions<PrivateEndpointConnection | undefined>) => waitForPrivateEndpoint(api, clusterId, endpointId, waitOptions),
    createServerlessClusterAndWait: (createOptions: CreateServerlessClusterOptions) => createServerlessClusterAndWait(api, createOptions),
    createSqlUserWithConnectionString: (userOptions: CreateSqlUserOptions) => createSqlUserWithConnectionString(api, userOptions),
    rotateSqlUserPassword: (rotateOptions: RotateSqlUserPasswordOptions) => rotateSqlUserPassword(api, rotateOptions),
    setUsageLimits: (clusterId: string, limits: UsageLimitsInput, requestOptions?: RequestOptions) => setUsageLimits(api, clusterId, limits, requestOptions),
  };
  for (const [name, method] of Object.entries(methods)) Object.defineProperty(client, name, { value: method });
  Object.defineProperties(client, {
    raw: { value: raw },
    transport: { value: transport },
    stats: { get: () => transport.stats },
    baseUrl: { value: baseUrl, enumerable: true },
    apiVersion: { value: apiVersion, enumerable: true },
    [inspectSymbol]: { value: () => `CockroachCloudClient { baseUrl: '${baseUrl}', apiVersion: '${apiVersion}', operations: ${Object.keys(operations).length} }` },
    toJSON: { value: () => ({ client: 'CockroachCloudClient', baseUrl, apiVersion }) },
  });
  return api;
}
