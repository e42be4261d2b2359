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
  type MethodParams,
  type MethodResult,
  type PaginateOptions,
  type Paginator,
  type RateLimitOptions,
  type RequestOptions,
  type TokenSource,
  type Transport,
  type TransportStats,
} from '@x/core';
import { operations, type NamedMethods } from './generated/operations';
import type { components, operations as Ops, paths } from './generated/schema';
import { SUPABASE_RATE_LIMITS } from './rate-limits';
import type { HelperContext } from './helper-context';
import { countActionRuns } from './count-action-runs';
import { deployFunction, type DeployedFunction, type DeployFunctionParams, type FunctionFile } from './deploy-function';
import { paginateActionRuns, type ActionRun, type ActionRunsParams } from './paginate-action-runs';
import { paginateOrganizationProjects, type OrganizationProject, type OrganizationProjectsParams } from './paginate-organization-projects';
import { paginateSnippets, type SnippetListItem, type SnippetsParams } from './paginate-snippets';
import { waitForBranchReady, type BranchDetail } from './wait-for-branch-ready';
import { waitForProjectHealthy, type Project } from './wait-for-project-healthy';
import { waitForRestore } from './wait-for-restore';
import { waitForUpgrade, type UpgradeStatus, type WaitForUpgradeOptions } from './wait-for-upgrade';
import type { WaitOptions } from './poll';

/** Options of `createSupabaseMgmtClient`; every core option (retry, timeoutMs, rateLimit, logger, fetch, hooks...) applies. */
export interface SupabaseMgmtClientOptions extends ClientOptions {
  /** A personal access token or OAuth access token (or a function returning one). Default: `SUPABASE_ACCESS_TOKEN`. */
  accessToken?: TokenSource;
  /** Default: `SUPABASE_API_URL`, else `https://api.supabase.com`. */
  baseUrl?: string;
}

/** Raw bytes for an operation that takes a binary body (an eszip bundle): sent as `application/vnd.denoland.eszip`. */
export type BinaryBody = Uint8Array | ArrayBuffer | Blob;

/** The multipart body of `deployAFunction`: the metadata and the source files (or a FormData you built). */
export type DeployAFunctionBody = { metadata: components['schemas']['FunctionDeployBody']['metadata']; file?: Array<FunctionFile | Blob | Uint8Array> } | FormData;

type WithBody<Op, Body> = Omit<MethodParams<Op>, 'body'> & { body: Body };

/** Named methods whose generated signature is widened or completed by hand. */
export interface SupabaseMethodOverrides {
  /** Counts a project's action runs (`HEAD`, read from `X-Total-Count`). `HEAD /v1/projects/{ref}/actions` */
  countActionRuns(params: { ref: string }, options?: RequestOptions): Promise<number>;
  /** Creates an edge function from JSON or from an eszip bundle (bytes). `POST /v1/projects/{ref}/functions` */
  createAFunction(params: WithBody<Ops['v1-create-a-function'], components['schemas']['V1CreateFunctionBody'] | BinaryBody>, options?: RequestOptions): Promise<MethodResult<Ops['v1-create-a-function']>>;
  /** Updates an edge function from JSON or from an eszip bundle (bytes). `PATCH /v1/projects/{ref}/functions/{function_slug}` */
  updateAFunction(params: WithBody<Ops['v1-update-a-function'], components['schemas']['V1UpdateFunctionBody'] | BinaryBody>, options?: RequestOptions): Promise<MethodResult<Ops['v1-update-a-function']>>;
  /** Uploads source files and deploys an edge function (multipart). `POST /v1/projects/{ref}/functions/deploy` */
  deployAFunction(params: WithBody<Ops['v1-deploy-a-function'], DeployAFunctionBody>, options?: RequestOptions): Promise<MethodResult<Ops['v1-deploy-a-function']>>;
}

/** Pagination, waiters and friendlier calls on top of the named methods. */
export interface SupabaseHelpers {
  /** Every project of an organization (offset pages): `for await`, `.pages()`, `.cursor`. */
  paginateOrganizationProjects(params: OrganizationProjectsParams, options?: PaginateOptions<number>): Paginator<OrganizationProject, number>;
  /** Every action run of a project (offset pages). */
  paginateActionRuns(params: ActionRunsParams, options?: PaginateOptions<number>): Paginator<ActionRun, number>;
  /** Every SQL snippet (cursor pages), optionally of one project. */
  paginateSnippets(params?: SnippetsParams, options?: PaginateOptions<string | null>): Paginator<SnippetListItem, string | null>;
  /** Resolves once the project is ACTIVE_HEALTHY; fails fast on a status it cannot recover from. */
  waitForProjectHealthy(ref: string, options?: WaitOptions<Project>): Promise<Project>;
  /** Resolves once a branch (by project ref or UUID) is ready: its preview project ACTIVE_HEALTHY. */
  waitForBranchReady(branchIdOrRef: string, options?: WaitOptions<BranchDetail>): Promise<BranchDetail>;
  /** Resolves once a restoring project is ACTIVE_HEALTHY again. */
  waitForRestore(ref: string, options?: WaitOptions<Project>): Promise<Project>;
  /** Resolves once a Postgres upgrade is done; fails fast when it failed. */
  waitForUpgrade(ref: string, options?: WaitForUpgradeOptions): Promise<UpgradeStatus>;
  /** Deploys an edge function from source files (multipart: metadata + one part per file). */
  deployFunction(params: DeployFunctionParams, options?: RequestOptions): Promise<DeployedFunction>;
}

/** A Supabase Management API client: a named method per operation, helpers, and the raw typed layer under `raw`. */
export type SupabaseMgmtClient = Omit<NamedMethods, keyof SupabaseMethodOverrides> &
  SupabaseMethodOverrides &
  SupabaseHelpers & {
    /** The raw typed layer (openapi-fetch): `raw.GET('/v1/projects/{ref}', { params })` returns `{ data, error, response }`. */
    readonly raw: Client<paths>;
    /** The transport every call goes through. */
    readonly transport: Transport;
    /** Requests, retries, 429s absorbed and time waited, since the client was made. */
    readonly stats: TransportStats;
    readonly baseUrl: string;
  };

/** Where the client sends requests when neither the option nor `SUPABASE_API_URL` says otherwise. */
export const DEFAULT_BASE_URL = 'https://api.supabase.com';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
// Supabase deduplicates these by Idempotency-Key, which is what makes retrying them safe.
const IDEMPOTENT_WITH_KEY = new Set(['applyAMigration', 'upsertAMigration']);

type Helpers = SupabaseHelpers & Pick<SupabaseMethodOverrides, 'countActionRuns'>;

// Every helper takes the client's context first; the client supplies it. The `satisfies` keeps each one's remaining
// parameters and result exactly those of its method.
const HELPERS = {
  countActionRuns,
  paginateOrganizationProjects,
  paginateActionRuns,
  paginateSnippets,
  waitForProjectHealthy,
  waitForBranchReady,
  waitForRestore,
  waitForUpgrade,
  deployFunction,
} satisfies { [K in keyof Helpers]: (context: HelperContext, ...args: Parameters<Helpers[K]>) => ReturnType<Helpers[K]> };

/** Makes a client. Throws a ValidationError at once when no access token can be found. */
export function createSupabaseMgmtClient(options: SupabaseMgmtClientOptions = {}): SupabaseMgmtClient {
  const token = options.accessToken ?? readEnv('SUPABASE_ACCESS_TOKEN');
  if (!token) {
    throw new ValidationError('No Supabase access token: pass `accessToken` or set SUPABASE_ACCESS_TOKEN (create one at https://supabase.com/dashboard/account/tokens).', { provider: 'supabase' });
  }
  const baseUrl = (options.baseUrl ?? readEnv('SUPABASE_API_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  try {
    new URL(baseUrl);
  } catch {
    throw new ValidationError(`The Supabase base URL ${JSON.stringify(baseUrl)} is not an absolute URL (option baseUrl or SUPABASE_API_URL).`, { provider: 'supabase' });
  }
  const rateLimit: RateLimitOptions | false = options.rateLimit === false ? false : { ...SUPABASE_RATE_LIMITS, ...options.rateLimit };
  const { accessToken: _token, baseUrl: _baseUrl, ...clientOptions } = options;
  const transport = createTransport({
    ...clientOptions,
    rateLimit,
    provider: { name: 'supabase', displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN', resetKind: 'seconds' },
    auth: { token, scheme: 'Bearer' },
  });
  // LateBoundRequest: a client made before msw (or another interceptor) starts still sends every header.
  const raw = createClient<paths>({ baseUrl, fetch: transport.fetch, Request: LateBoundRequest });
  const client: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(operations)) {
    client[name] = (params?: Record<string, unknown>, requestOptions?: RequestOptions) =>
      callOperation(baseUrl, transport, name, spec, IDEMPOTENT_WITH_KEY.has(name) ? withIdempotencyKey(params) : params, requestOptions);
  }
  const context: HelperContext = { methods: client as unknown as NamedMethods, raw, transport, baseUrl };
  for (const [name, helper] of Object.entries(HELPERS)) client[name] = (...args: unknown[]) => (helper as (context: HelperContext, ...rest: unknown[]) => unknown)(context, ...args);
  Object.defineProperties(client, {
    raw: { value: raw },
    transport: { value: transport },
    stats: { get: () => transport.stats },
    baseUrl: { value: baseUrl, enumerable: true },
    [inspectSymbol]: { value: () => `SupabaseMgmtClient { baseUrl: '${baseUrl}', operations: ${Object.keys(operations).length} }` },
    toJSON: { value: () => ({ client: 'SupabaseMgmtClient', baseUrl }) },
  });
  return client as unknown as SupabaseMgmtClient;
}

/** Adds a fresh Idempotency-Key unless the caller chose one, so every retry of this call carries the same key. */
function withIdempotencyKey(params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const headers = (params?.headers ?? {}) as Record<string, string>;
  if (Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key')) return params;
  return { ...params, headers: { ...headers, 'Idempotency-Key': globalThis.crypto.randomUUID() } };
}
