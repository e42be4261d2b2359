import { backoffMs } from './backoff';
import { checkRequestOptions } from './check-options';
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
  /**
   * Hands each call's options to the transport as an argument (see `createOptionsHandOff`) instead of encoding them
   * into the options header for the transport to decode.
   */
  handOff?: OptionsHandOff;
}

/**
 * A fetch for a GraphQL library together with the way to give it one call's request options. It serves libraries
 * that call `fetch` synchronously from their request method, as graphql-request does when it has no request
 * middleware: `send(options, action)` holds `options` while `action` runs, and the fetch `action` starts takes them.
 */
export interface OptionsHandOff {
  /** The fetch to give the GraphQL library: the transport's, with the options of the call being sent. */
  readonly fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /** Runs `action` with `options` waiting for the fetch it starts; a fetch outside `send` gets none. */
  send<T>(options: RequestOptions, action: () => T): T;
}

/** An OptionsHandOff over `transport`. */
export function createOptionsHandOff(transport: Transport): OptionsHandOff {
  let pending: RequestOptions | undefined;
  return {
    fetch(input, init) {
      const options = pending;
      pending = undefined;
      return transport.fetch(input, init, options);
    },
    send(options, action) {
      pending = options;
      try {
        return action();
      } finally {
        pending = undefined;
      }
    },
  };
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
    // Checked before the first attempt: a bad option fails the call before anything is sent.
    checkRequestOptions(extra);
    const maxRetries = options.maxRetries ?? 3;
    const who = transport.provider.displayName ?? transport.provider.name;
    // A deadline (the call's, else the client's) bounds the whole call: the retries of GraphQL codes below get what
    // is left of it, not a fresh deadline each.
    const deadlineMs = extra.deadlineMs ?? transport.deadlineMs;
    const deadlineAt = deadlineMs === undefined ? Number.POSITIVE_INFINITY : transport.clock.now() + deadlineMs;
    const handOff = options.handOff;
    for (let retry = 0; ; retry++) {
      const left = Number.isFinite(deadlineAt) ? { deadlineMs: Math.max(0, deadlineAt - transport.clock.now()) } : {};
      const requestOptions: RequestOptions = { ...extra, ...left, operation: operationName, idempotent };
      let data: Awaited<ReturnType<typeof action>>;
      try {
        data = await (handOff ? handOff.send(requestOptions, () => action()) : action(requestOptionsHeaders(requestOptions)));
      } catch (error) {
        if (!isClientError(error)) {
          if (error instanceof XError) throw refine(error);
          // graphql-request quotes the whole body in some messages: keep the message readable.
          const reason = clip(transport.scrub(error instanceof Error ? error.message : String(error)));
          throw refine(new XError(`${who} sent an answer to ${operationName} that could not be read: ${reason}`, { provider: transport.provider.name, operation: operationName, cause: error }));
        }
        const mapped = await toTypedError(transport, error, operationName, options.codes);
        const codes = (normalizeErrors(error.response.errors) ?? []).map((e) => e.extensions?.code);
        const transient = idempotent && codes.some((code) => typeof code === 'string' && options.retryCodes?.includes(code));
        const waitMs = backoffMs(retry, { baseDelayMs: options.baseDelayMs ?? 250, maxDelayMs: 4_000, jitter: 0.25 });
        // No wait is started that would end past the deadline (as the transport does for its own retries).
        if (!transient || retry >= maxRetries || transport.clock.now() + waitMs >= deadlineAt) throw refine(mapped);
        transport.stats.retries += 1;
        await sleep(waitMs, extra.signal, transport.clock);
        continue;
      }
      // A GraphQL answer with neither a data object nor errors[] is malformed: say so rather than hand the caller's
      // code a null to dereference.
      if (data === null || typeof data !== 'object') {
        throw refine(new XError(`${who} answered ${operationName} without any data (no data object and no errors[]): the answer is malformed. Retry later; if it persists, the endpoint may not be a GraphQL API.`, { provider: transport.provider.name, operation: operationName }));
      }
      return data;
    }
  };
}

/** A server's errors[] as well-formed entries: null entries, bare strings and a non-list `errors` included. */
function normalizeErrors(raw: unknown): GraphQLErrorEntry[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  return (Array.isArray(raw) ? raw : [raw]).map((entry: unknown): GraphQLErrorEntry => {
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const fields = entry as Record<string, unknown>;
      return typeof fields.message === 'string' ? (fields as GraphQLErrorEntry) : { ...fields, message: 'an error entry without a message' };
    }
    return { message: typeof entry === 'string' ? entry : 'an error entry without a message' };
  });
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

async function toTypedError(transport: Transport, error: ClientErrorLike, operation: string, codes?: GraphQLCodeMap): Promise<XError> {
  const { response } = error;
  // The transport's record of the exchange (attempts, method, URL, log id), found through the response headers.
  const info = response.headers ? getResponseInfo(response.headers) : undefined;
  const context = { method: info?.method, url: info?.url, attempts: info?.attempts, requestId: info?.requestId };
  const errors = normalizeErrors(response.errors);
  if (errors?.length) {
    return graphQLErrorFrom(transport.scrub(errors), {
      httpStatus: response.status,
      data: transport.scrub(response.data),
      // Scrubbed as well as redacted: a server may echo the credential in any header (WWW-Authenticate...).
      headers: response.headers ? transport.scrub(redactHeaders(response.headers)) : undefined,
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
