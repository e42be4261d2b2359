// The one seam between the generated code and the handwritten SDK: graphql-request gets the core transport as its
// `fetch`, and the generated `getSdk` gets the core's wrapper, so every operation is retried, mapped to typed errors
// and authenticated the same way. The task helpers only ever see the PrefectContext made here. graphql-request is
// handed document text only (the build bundles it without graphql's parser and printer, see tsup.config.ts).
import { GraphQLClient } from 'graphql-request';
import { describeDocument, type GraphQLDocumentNode, type TypedGraphQLDocumentNode } from './document';
import { AuthenticationError, createOptionsHandOff, createSdkWrapper, createTransport, readEnv, textDocumentClientOptions, ValidationError, type ClientOptions, type GraphQLWrapperOptions, type ProviderProfile, type SdkWrapper, type Transport, type TransportStats } from '@x/core';
import { ApiKeyAuth } from './auth-api-key';
import type { PrefectAuth, PrefectAuthMode } from './auth';
import { TokenAuth, type ApiTokenScope } from './auth-token';
import type { CallOptions, PrefectContext } from './context';
import { PREFECT_GRAPHQL_CODES, PREFECT_RETRY_CODES, refinePrefectError } from './errors';
import { getSdk, type Sdk } from './generated/graphql';
import { bindMethods, type PrefectCloudMethods } from './methods';

/** Options of `createPrefectCloudClient`; every core option (retry, timeoutMs, rateLimit, logger, fetch, hooks, clock...) applies. */
export interface PrefectCloudClientOptions extends ClientOptions {
  /** An API key (`pcu_...`). Default: `PREFECT__CLOUD__API_KEY`. */
  apiKey?: string;
  /** A legacy API token instead of a key; see `tokenScope`. */
  apiToken?: string;
  /** The scope `apiToken` was created with. Default `USER` (exchanged for tenant sessions and refreshed). */
  tokenScope?: ApiTokenScope;
  /** The tenant to act in. Default: `PREFECT__CLOUD__TENANT_ID`, else the credential's default tenant. */
  tenantId?: string;
  /** The tenant to act in, by slug (looked up once). */
  tenantSlug?: string;
  /** The GraphQL endpoint. Default: `PREFECT__CLOUD__API`, else `https://api.prefect.io`. */
  endpoint?: string;
  /** USER-token mode: refresh the access token this long before it expires. Default 30 s. */
  refreshBeforeMs?: number;
  /** Retries of a query answered with API_ERROR (250 ms, doubling). Default 3. */
  apiErrorRetries?: number;
}

/** A Prefect Cloud client: the task methods, plus the generated SDK under `sdk` for every operation document. */
export type PrefectCloudClient = PrefectCloudMethods & {
  /** Every operation document as a typed method (`sdk.ListFlows({ where })`), with the same auth, retries and errors. */
  readonly sdk: Sdk;
  /**
   * Sends a document of your own with the same auth, tenant, retries (queries only) and typed errors as the task
   * methods: `await client.request<{ flow: Array<{ id: string }> }>('query Ids { flow { id } }')`.
   */
  request<TResult = unknown, TVariables extends Record<string, unknown> = Record<string, unknown>>(document: string | GraphQLDocumentNode | TypedGraphQLDocumentNode<TResult, TVariables>, variables?: TVariables, options?: CallOptions): Promise<TResult>;
  /** The transport every request goes through. */
  readonly transport: Transport;
  /** Requests, retries, 429s absorbed and time waited, since the client was made. */
  readonly stats: TransportStats;
  readonly endpoint: string;
  /** `api-key`, or the scope of the API token. */
  readonly authMode: PrefectAuthMode;
  /** The tenant in effect, once known (see `getTenantId`). */
  readonly tenantId: string | undefined;
};

/** Where Prefect Cloud 1.x answers GraphQL (API keys post to the root). */
export const DEFAULT_ENDPOINT = 'https://api.prefect.io';

/** Who the transport and errors say they talk to. */
export const PREFECT_PROVIDER: ProviderProfile = { name: 'prefect', displayName: 'Prefect Cloud', tokenEnv: 'PREFECT__CLOUD__API_KEY' };

/**
 * Retry defaults on top of the core's: a 429 without Retry-After waits 15 s, then 30 s (Prefect asks clients to
 * back off for minutes; a Retry-After, when sent, wins up to the 60 s cap, beyond which RateLimitError is thrown).
 */
export const PREFECT_RETRY_DEFAULTS = Object.freeze({ rateLimitDelayMs: 15_000 });

// Mutations whose repetition changes nothing, so an ambiguous failure may be retried.
const IDEMPOTENT_MUTATIONS = new Set(['SetSecret', 'SetKeyValue', 'UpdateTaskTagLimit', 'UpdateFlowConcurrencyLimit', 'ArchiveFlow', 'CancelFlowRun']);

/** Whether a mutation may be sent again after an ambiguous failure. */
export function isIdempotentMutation(operation: string, variables: unknown): boolean {
  if (operation === 'CreateFlowRun') {
    const key = (variables as { idempotencyKey?: unknown } | undefined)?.idempotencyKey;
    return typeof key === 'string' && key.length > 0;
  }
  return IDEMPOTENT_MUTATIONS.has(operation);
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const SCOPES: readonly ApiTokenScope[] = ['USER', 'TENANT', 'RUNNER'];

/** Makes a client. Throws a ValidationError at once when no credential can be found or the options conflict. */
export function createPrefectCloudClient(options: PrefectCloudClientOptions = {}): PrefectCloudClient {
  const { apiKey, apiToken, scope } = credentials(options);
  const tenant = { tenantId: options.tenantId ?? (options.tenantSlug ? undefined : readEnv('PREFECT__CLOUD__TENANT_ID')), tenantSlug: options.tenantSlug };
  const endpoint = (options.endpoint ?? readEnv('PREFECT__CLOUD__API') ?? DEFAULT_ENDPOINT).replace(/\/+$/, '');
  const context = (): PrefectContext => ctx;
  const auth: PrefectAuth = apiKey
    ? new ApiKeyAuth(apiKey, context, tenant)
    : new TokenAuth(apiToken!, scope, context, { refreshBeforeMs: options.refreshBeforeMs ?? 30_000 }, tenant);
  const userHeaders = options.headers;
  const transport = createTransport({
    ...options,
    retry: { ...PREFECT_RETRY_DEFAULTS, ...options.retry },
    provider: PREFECT_PROVIDER,
    auth: { token: (tokenContext) => auth.token(tokenContext), scheme: 'Bearer' },
    headers: () => ({ ...(typeof userHeaders === 'function' ? userHeaders() : userHeaders), ...auth.headers() }),
  });
  // graphql-request calls fetch synchronously from request(): each call's options reach the transport directly.
  const handOff = createOptionsHandOff(transport);
  const graphqlOptions: GraphQLWrapperOptions = {
    handOff,
    codes: { ...PREFECT_GRAPHQL_CODES },
    retryCodes: [...PREFECT_RETRY_CODES],
    maxRetries: options.apiErrorRetries ?? 3,
    refine: refinePrefectError,
    idempotentMutations: isIdempotentMutation,
  };

  // Per-call options travel from `context.call` to the wrapper synchronously (the generated method calls the
  // wrapper before its first await), so concurrent calls never see each other's options.
  let pending: CallOptions | undefined;
  const wrapper: SdkWrapper = async (action, operation, operationType, variables) => {
    const call = pending ?? {};
    pending = undefined;
    const run = createSdkWrapper(transport, graphqlOptions, () => call);
    await auth.prepare(operation, call.signal);
    const generation = auth.generation;
    try {
      return await run(action, operation, operationType, variables);
    } catch (error) {
      if (error instanceof AuthenticationError && (await auth.recover(operation, generation, call.signal))) return run(action, operation, operationType, variables);
      throw error;
    }
  };
  const graphql = new GraphQLClient(endpoint, { fetch: handOff.fetch, ...textDocumentClientOptions });
  const sdk = getSdk(graphql, wrapper);
  const ctx: PrefectContext = {
    transport,
    call(callOptions, run) {
      pending = callOptions ?? {};
      try {
        return run(sdk, callOptions?.signal);
      } finally {
        pending = undefined;
      }
    },
    tenantId: (callOptions) => auth.resolveTenantId(callOptions),
  };

  const client = bindMethods(ctx, auth) as PrefectCloudClient;
  const request = async (document: string | GraphQLDocumentNode, variables?: Record<string, unknown>, callOptions?: CallOptions) => {
    const { text, operation, operationType } = await describeDocument(document);
    return ctx.call(callOptions, (_sdk, signal) => wrapper((headers) => graphql.request({ document: text, variables, requestHeaders: headers, signal }), operation, operationType, variables));
  };
  Object.defineProperties(client, {
    sdk: { value: sdk },
    request: { value: request },
    transport: { value: transport },
    stats: { get: () => transport.stats },
    endpoint: { value: endpoint, enumerable: true },
    authMode: { value: auth.mode, enumerable: true },
    tenantId: { get: () => auth.tenantId, enumerable: true },
    [inspectSymbol]: { value: () => `PrefectCloudClient { endpoint: '${endpoint}', authMode: '${auth.mode}', tenantId: ${auth.tenantId ? `'${auth.tenantId}'` : 'undefined'} }` },
    toJSON: { value: () => ({ client: 'PrefectCloudClient', endpoint, authMode: auth.mode, tenantId: auth.tenantId }) },
  });
  return client;
}

function credentials(options: PrefectCloudClientOptions): { apiKey?: string; apiToken?: string; scope: ApiTokenScope } {
  const fail = (message: string) => new ValidationError(message, { provider: 'prefect' });
  if (options.apiKey !== undefined && options.apiToken !== undefined) throw fail('Pass apiKey or apiToken, not both.');
  for (const name of ['apiKey', 'apiToken'] as const) {
    const value = options[name];
    if (value !== undefined && (typeof value !== 'string' || !value.trim())) throw fail(`${name} must be a non-empty string.`);
  }
  if (options.tokenScope !== undefined && options.apiToken === undefined) throw fail('tokenScope applies to apiToken only; an API key needs no scope.');
  const scope = options.tokenScope ?? 'USER';
  if (!SCOPES.includes(scope)) throw fail(`tokenScope must be one of ${SCOPES.join(', ')}, got ${String(scope)}.`);
  if (options.apiToken) return { apiToken: options.apiToken.trim(), scope };
  const apiKey = options.apiKey?.trim() ?? readEnv('PREFECT__CLOUD__API_KEY');
  if (!apiKey) {
    throw fail('No Prefect Cloud credential: pass apiKey or set PREFECT__CLOUD__API_KEY (create a key in the Prefect Cloud UI or with `prefect auth create-key`), or pass apiToken with tokenScope.');
  }
  return { apiKey, scope };
}
