import { backoffMs } from './backoff';
import { XError, type GraphQLErrorEntry } from './errors';
import { graphQLErrorFrom, type GraphQLCodeMap } from './graphql-errors';
import { redactHeaders } from './redact';
import { requestOptionsHeaders, type RequestOptions } from './request-options';
import { sleep } from './sleep';
import { getResponseInfo, type Transport } from './transport';

/** The shape of graphql-request's ClientError, read structurally so the core needs no dependency on it. */
interface ClientErrorLike {
  response: { errors?: GraphQLErrorEntry[]; data?: unknown; status: number; headers?: Headers; body?: string; error?: string };
}

/** How a GraphQL client maps and retries errors that arrive inside the answer. */
export interface GraphQLWrapperOptions {
  /** Provider codes mapped to the class of a status (`UNAUTHENTICATED: 401`). */
  codes?: GraphQLCodeMap;
  /** Codes that mean "try again" (a transient server error). Retried for queries only. */
  retryCodes?: string[];
  /** Retries for those codes. Default 3. */
  maxRetries?: number;
  /** First delay for those retries. Default 250 ms, doubling. */
  baseDelayMs?: number;
  /** Last look at each error before it is thrown (to pick a more specific class or sharpen the message). */
  refine?: (error: XError) => XError;
  /** Operations whose mutation is safe to repeat (an idempotency key the server honours). */
  idempotentMutations?: (operationName: string, variables: unknown) => boolean;
}

/** The `withWrapper` argument of a graphql-codegen `getSdk`. */
export type SdkWrapper = <T>(action: (requestHeaders?: Record<string, string>) => Promise<T>, operationName: string, operationType?: string, variables?: unknown) => Promise<T>;

function isClientError(error: unknown): error is ClientErrorLike {
  return !!error && typeof error === 'object' && 'response' in error && typeof (error as ClientErrorLike).response?.status === 'number';
}

/**
 * The seam between generated GraphQL SDKs and the core: tags each call with its operation name and idempotency
 * (queries may be retried, mutations only when proven unprocessed), maps `errors[]` (HTTP 200 or 4xx) and HTTP
 * failures to the core's typed errors, and retries transient GraphQL error codes for queries.
 */
export function createSdkWrapper(transport: Transport, options: GraphQLWrapperOptions = {}, perCall?: () => RequestOptions): SdkWrapper {
  const refine = options.refine ?? ((error: XError) => error);
  return async (action, operationName, operationType, variables) => {
    const isQuery = operationType !== 'mutation';
    const idempotent = isQuery || !!options.idempotentMutations?.(operationName, variables);
    const extra = perCall?.() ?? {};
    const headers = requestOptionsHeaders({ ...extra, operation: operationName, idempotent });
    const maxRetries = options.maxRetries ?? 3;
    for (let retry = 0; ; retry++) {
      try {
        return await action(headers);
      } catch (error) {
        if (!isClientError(error)) {
          if (error instanceof XError) throw refine(error);
          const reason = error instanceof Error ? error.message : String(error);
          throw refine(new XError(`${transport.provider.displayName ?? transport.provider.name} sent an answer to ${operationName} that could not be read: ${transport.scrub(reason)}`, { provider: transport.provider.name, operation: operationName, cause: error }));
        }
        const mapped = await toTypedError(transport, error, operationName, options.codes);
        const codes = (error.response.errors ?? []).map((e) => e.extensions?.code);
        const transient = idempotent && codes.some((code) => code && options.retryCodes?.includes(code));
        if (!transient || retry >= maxRetries) throw refine(mapped);
        transport.stats.retries += 1;
        await sleep(backoffMs(retry, { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: 4_000, jitter: 0.25 }), extra.signal, transport.clock);
      }
    }
  };
}

async function toTypedError(transport: Transport, error: ClientErrorLike, operation: string, codes?: GraphQLCodeMap): Promise<XError> {
  const { response } = error;
  // The transport's record of the exchange (attempts, method, URL, log id), found through the response headers.
  const info = response.headers ? getResponseInfo(response.headers) : undefined;
  const context = { method: info?.method, url: info?.url, attempts: info?.attempts, requestId: info?.requestId };
  if (response.errors?.length) {
    return graphQLErrorFrom(transport.scrub(response.errors), {
      httpStatus: response.status,
      data: transport.scrub(response.data),
      headers: response.headers ? redactHeaders(response.headers) : undefined,
      codes,
      hints: transport.provider,
      provider: transport.provider.name,
      ...context,
      operation,
      requestId: response.headers?.get?.('x-request-id') ?? context.requestId,
    });
  }
  // No errors[]: an HTTP failure (a 429, a 5xx, an HTML page); build it like any REST error.
  const body = response.body ?? (typeof response.error === 'string' ? response.error : '');
  const status = response.status >= 200 && response.status <= 599 ? response.status : 502;
  const synthetic = new Response(body && status !== 204 ? body : null, { status, headers: response.headers });
  return transport.errorFromResponse(synthetic, { ...context, operation });
}
