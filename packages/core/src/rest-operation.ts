import { checkRequestOptions } from './check-options';
import { XError } from './errors';
import { encodePathParam } from './path';
import type { RequestOptions } from './request-options';
import type { ResponseKind } from './openapi-types';
import type { Transport } from './transport';

/**
 * One REST operation as codegen records it, so one runner can call any of them by name. Only what the runner needs
 * is recorded, and a field at its default is left out, because a client's table of every operation is part of what
 * a browser bundle carries:
 *
 * ```ts
 * getProject: { path: '/v1/projects/{ref}', method: 'GET' },
 * deleteProjectApiKey: { path: '/v1/projects/{ref}/api-keys/{id}', method: 'DELETE', query: ['reveal', 'was_compromised', 'reason'] },
 * updateAProject: { path: '/v1/projects/{ref}', method: 'PATCH', body: ['application/json'] },
 * diffABranch: { path: '/v1/branches/{branch_id_or_ref}/diff', method: 'GET', query: ['included_schemas', 'pgdelta'], response: 'text' },
 * ```
 *
 * What is not here comes from elsewhere: the path parameters from the template, the header parameters from the
 * caller's `headers`, and every type (parameters, body, result) from the schema's `operations` through
 * `MethodArgs` and `MethodResult`.
 */
export interface OperationSpec {
  /** The path template: each `{name}` is a path parameter, taken from the params by that name, checked and percent-encoded. */
  path: string;
  /** The HTTP method, upper case. */
  method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  /** The query parameters, taken from the params by name (undefined ones left out). Default: none. */
  query?: readonly string[];
  /** The media types the request body may be sent as, first preferred. Absent when the operation takes no body. */
  body?: readonly string[];
  /** How the answer is read. Default: `'json'`. */
  response?: ResponseKind;
}

/** The part of an openapi-fetch client the runner uses. */
export interface OpenAPIRequester {
  request(method: string, url: string, init?: Record<string, unknown>): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/**
 * Calls one operation through the raw typed layer and turns its answer into data or a typed error. Path
 * parameters are checked before anything is sent.
 */
export async function callOperation(
  client: OpenAPIRequester,
  transport: Transport,
  name: string,
  spec: OperationSpec,
  params: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<unknown> {
  // The call's options are checked first: a bad one fails before anything else is looked at (and nothing is sent).
  checkRequestOptions(options);
  // The path is filled in here, every parameter checked and encoded once; openapi-fetch gets it with no templates left.
  const parts = pathParts(spec.path);
  let path = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) path += encodePathParam(parts[i]!, params[parts[i]!]) + parts[i + 1]!;
  const query: Record<string, unknown> = {};
  for (const key of spec.query ?? []) if (params[key] !== undefined) query[key] = params[key];
  const header = { ...(params.headers as Record<string, string> | undefined) };
  const contentType = pickContentType(spec, params);
  // The options go to the transport as they are (the caller's signal included): nothing to encode into a header and
  // read back, and openapi-fetch's Request never listens on the caller's signal.
  const direct: RequestOptions = { ...options, operation: options.operation ?? name, headers: undefined };
  const init: Record<string, unknown> = {
    params: { query, header },
    headers: { ...options.headers },
    fetch: (input: Request, requestInit?: RequestInit) => transport.fetch(input, requestInit, direct),
    parseAs: spec.response === 'text' ? 'text' : spec.response === 'binary' ? 'arrayBuffer' : 'json',
  };
  if (spec.body && params.body !== undefined) {
    init.body = params.body;
    if (contentType && contentType !== 'application/json') {
      (init.headers as Record<string, string>)['content-type'] = contentType;
      init.bodySerializer = serializerFor(contentType);
    }
    if (contentType === 'multipart/form-data') delete (init.headers as Record<string, string>)['content-type'];
  }
  let result: Awaited<ReturnType<OpenAPIRequester['request']>>;
  try {
    result = await client.request(spec.method.toLowerCase(), path, init);
  } catch (error) {
    if (error instanceof XError) throw error;
    // A JSON parse error quotes the body, which may echo a credential.
    const text = transport.scrub(error instanceof Error ? error.message : String(error));
    const reason = text.length > 300 ? `${text.slice(0, 297)}...` : text;
    throw new XError(`${transport.provider.displayName ?? transport.provider.name} sent an answer to ${name} that could not be read: ${reason}`, {
      provider: transport.provider.name,
      operation: name,
      cause: error,
    });
  }
  if (!result.response.ok) throw await transport.errorFromResponse(result.response, { operation: name, method: spec.method });
  if (spec.response === 'none') return undefined;
  if (spec.response === 'binary') return result.data === undefined ? new Uint8Array() : new Uint8Array(result.data as ArrayBuffer);
  return result.data;
}

// A path template split into literal text and parameter names, alternating (`/v1/projects/{ref}/x` →
// ['/v1/projects/', 'ref', '/x']), worked out once per template.
const templates = new Map<string, string[]>();
function pathParts(template: string): string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([^}]+)\}/);
    templates.set(template, parts);
  }
  return parts;
}

function pickContentType(spec: OperationSpec, params: Record<string, unknown>): string | undefined {
  const types = spec.body ?? [];
  const chosen = params.contentType;
  if (typeof chosen === 'string' && types.includes(chosen)) return chosen;
  const body = params.body;
  // Raw bytes go as the binary content type the operation accepts (an eszip bundle, say).
  if (body instanceof Uint8Array || body instanceof ArrayBuffer || (typeof Blob !== 'undefined' && body instanceof Blob)) {
    return types.find((t) => t !== 'application/json' && t !== 'multipart/form-data' && t !== 'application/x-www-form-urlencoded') ?? types[0];
  }
  return types.includes('application/json') ? 'application/json' : types[0];
}

function serializerFor(contentType: string): (body: unknown) => unknown {
  if (contentType === 'application/x-www-form-urlencoded') {
    return (body) => new URLSearchParams(Object.entries(body as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  }
  if (contentType === 'multipart/form-data') return (body) => toFormData(body as Record<string, unknown>);
  return (body) => body;
}

/**
 * Builds multipart form data: files (Blob, bytes or {name, content}) as file parts, objects as plain fields holding
 * their JSON (servers that parse multipart treat any part with a filename as a file, so a JSON object sent as a Blob
 * would never reach the body fields). A FormData passes through as it is.
 */
export function toFormData(body: Record<string, unknown> | FormData): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (typeof Blob !== 'undefined' && item instanceof Blob) form.append(key, item, (item as File).name ?? key);
      else if (item instanceof Uint8Array || item instanceof ArrayBuffer) form.append(key, new Blob([item as BlobPart]), key);
      else if (typeof item === 'object' && 'content' in item && 'name' in item) {
        const file = item as { name: string; content: string | Uint8Array; type?: string };
        form.append(key, new Blob([file.content as BlobPart], { type: file.type ?? 'application/octet-stream' }), file.name);
      } else if (typeof item === 'object') form.append(key, JSON.stringify(item));
      else form.append(key, String(item));
    }
  }
  return form;
}

