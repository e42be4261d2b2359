// A stand-in for graphql-request 7.4 as a generated getSdk drives it: POSTs `{query, variables}` through a fetch,
// throws a ClientError-shaped error for errors[] (HTTP 200 or 4xx) and for non-2xx answers, and lets a JSON parse
// failure on a 2xx escape as is. The core reads ClientError structurally, so this is all it needs.
import type { SdkWrapper } from '../src/index';

/** Mirrors graphql-request's ClientError, including its habit of putting the whole exchange in the message. */
export class ClientErrorLike extends Error {
  constructor(
    readonly response: { errors?: unknown[]; data?: unknown; status: number; headers: Headers; body: string },
    readonly request: { query: string; variables?: unknown },
  ) {
    super(`${(response.errors?.[0] as { message?: string } | undefined)?.message ?? `GraphQL Error (Code: ${response.status})`}: ${JSON.stringify({ response, request })}`);
  }
}

/** The `request` function of a graphql-request client bound to `url` and `fetch`. */
export function graphQLRequester(url: string, fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  return async <T>(query: string, variables: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers }, body: JSON.stringify({ query, variables }), signal });
    const body = await response.text();
    let result: { data?: unknown; errors?: unknown[] } | Error;
    try {
      result = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
      if (!result || typeof result !== 'object') throw new Error(`Invalid execution result: ${body}`);
    } catch (error) {
      result = error as Error;
    }
    const base = { status: response.status, headers: response.headers, body };
    if (!response.ok) throw new ClientErrorLike(result instanceof Error ? base : { ...result, ...base }, { query, variables });
    if (result instanceof Error) throw result;
    if (result.errors?.length) throw new ClientErrorLike({ ...result, ...base }, { query, variables });
    return result.data as T;
  };
}

/** What a generated `getSdk(client, withWrapper)` method does: hand the wrapper an action plus the operation's name and type. */
export function sdkCall<T>(wrapper: SdkWrapper, request: ReturnType<typeof graphQLRequester>, name: string, type: 'query' | 'mutation', variables: Record<string, unknown> = {}) {
  const query = `${type} ${name} { ${name.toLowerCase()} { id } }`;
  return wrapper((headers) => request<T>(query, variables, headers), name, type, variables);
}
