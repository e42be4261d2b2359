import { checkRequestOptions } from './check-options';
import { ValidationError, XError } from './errors';
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

/**
 * Calls one operation and turns its answer into data or a typed error. It builds the request itself (the URL, the
 * query, the headers and the body, on the wire exactly as the raw openapi-fetch layer sends them) and hands it to
 * the transport with the call's options; there is no Request object to build and read back. Path parameters and
 * options are checked before anything is sent.
 */
export async function callOperation(
  baseUrl: string,
  transport: Transport,
  name: string,
  spec: OperationSpec,
  params: Record<string, unknown> = {},
  options: RequestOptions = {},
): Promise<unknown> {
  // The call's options are checked first: a bad one fails before anything else is looked at (and nothing is sent).
  checkRequestOptions(options);
  const parts = pathParts(spec.path);
  let url = baseUrl + parts[0]!;
  for (let i = 1; i < parts.length; i += 2) url += encodePathParam(parts[i]!, params[parts[i]!]) + parts[i + 1]!;
  if (spec.query) url += queryString(spec.query, params);
  // Lowest to highest, as openapi-fetch sends them: the JSON content type, the call's headers, the operation's own
  // content type, the header parameters. Names in lower case, so a later source replaces an earlier one.
  const headers: Record<string, string> = {};
  let body: BodyInit | undefined;
  let contentType: string | undefined;
  if (spec.body && params.body !== undefined) {
    const chosen = pickContentType(spec, params);
    if (params.body instanceof FormData) body = params.body;
    else if (!chosen || chosen === 'application/json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(params.body);
    } else {
      body = serializerFor(chosen)(params.body) as BodyInit;
      contentType = chosen;
    }
  }
  mergeHeaders(headers, options.headers);
  if (contentType) headers['content-type'] = contentType;
  // Multipart is left to fetch, which writes the content type with its boundary.
  if (body instanceof FormData) delete headers['content-type'];
  mergeHeaders(headers, params.headers as Record<string, unknown> | undefined);
  // The options go to the transport as they are (the caller's signal included); their headers are already in.
  const direct: RequestOptions = { ...options, operation: options.operation ?? name, headers: undefined };
  const response = await transport.fetch(url, { method: spec.method, headers, body }, direct);
  if (!response.ok) throw await transport.errorFromResponse(response, { operation: name, method: spec.method });
  if (spec.response === 'none') return undefined;
  let data: unknown;
  try {
    data = await readData(response, spec);
  } catch (error) {
    // A JSON parse error quotes the body, which may echo a credential.
    const text = transport.scrub(error instanceof Error ? error.message : String(error));
    const reason = text.length > 300 ? `${text.slice(0, 297)}...` : text;
    throw new XError(`${transport.provider.displayName ?? transport.provider.name} sent an answer to ${name} that could not be read: ${reason}`, {
      provider: transport.provider.name,
      operation: name,
      cause: error,
    });
  }
  if (spec.response === 'binary') return data === undefined ? new Uint8Array() : new Uint8Array(data as ArrayBuffer);
  return data;
}

/** The answer's data: none for 204, HEAD or an empty body; else the bytes, the text or the parsed JSON. */
async function readData(response: Response, spec: OperationSpec): Promise<unknown> {
  const length = response.headers.get('content-length');
  if (response.status === 204 || spec.method === 'HEAD' || (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))) return undefined;
  if (spec.response === 'binary') return response.arrayBuffer();
  if (spec.response === 'text') return response.text();
  // Without a length the body may be empty: no data rather than a parse error.
  if (length === null) {
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
  return response.json();
}

/**
 * The query string of the operation's query parameters that are set: `?a=1&tag=x&tag=y&filter[k]=v`. Arrays repeat
 * the name, objects go as `name[key]`, dates as ISO 8601, every value percent-encoded; an empty array or a null is
 * left out.
 */
function queryString(names: readonly string[], params: Record<string, unknown>): string {
  const pairs: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    // A date goes as its ISO 8601 text, the form the APIs' date-time parameters take.
    if (value instanceof Date) value = value.toISOString();
    if (typeof value === 'object') throw new ValidationError(`Query parameter ${key} holds a nested object or array, which cannot be sent in a query string.`);
    pairs.push(`${key}=${encodeURIComponent(value as string | number | boolean)}`);
  };
  for (const name of names) {
    const value = params[name];
    if (Array.isArray(value)) for (const item of value) add(name, item);
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const key in value) add(`${name}[${key}]`, (value as Record<string, unknown>)[key]);
    else add(name, value);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Copies `source` into `target` by lower-case name: null removes a header, an array repeats it, undefined is skipped. */
function mergeHeaders(target: Record<string, string>, source: Record<string, unknown> | undefined): void {
  if (!source) return;
  for (const key in source) {
    const value = source[key];
    const name = key.toLowerCase();
    if (value === null) delete target[name];
    else if (Array.isArray(value)) target[name] = target[name] === undefined ? value.join(', ') : `${target[name]}, ${value.join(', ')}`;
    else if (value !== undefined) target[name] = String(value);
  }
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

