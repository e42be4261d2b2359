import type { RetryPolicy } from './retry-policy';

/** Options for one logical request, on top of the client's. */
export interface RequestOptions {
  /** The operation name used in errors, logs and events, e.g. `getProject`. */
  operation?: string;
  /** Whether repeating the request is harmless. Default: by HTTP method (GET, HEAD, PUT, DELETE, OPTIONS). */
  idempotent?: boolean;
  /** Sent as `Idempotency-Key`; makes a non-idempotent request safe to retry where the provider honours it. */
  idempotencyKey?: string;
  /** Overrides of the client's retry policy. */
  retry?: Partial<RetryPolicy>;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  /** Bound on the whole request, every attempt and wait included, in ms. */
  deadlineMs?: number;
  /** Cancels the request in any phase. */
  signal?: AbortSignal | null;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/**
 * The header that carries per-request options through libraries that only pass headers on (graphql-request,
 * openapi-fetch): the transport reads it and removes it, so it never reaches the network.
 */
export const OPTIONS_HEADER = 'x-sdk-request-options';

type WireOptions = Omit<RequestOptions, 'signal' | 'headers'>;

/** Encodes the serialisable part of request options for OPTIONS_HEADER. */
export function encodeRequestOptions(options: WireOptions): string {
  return encodeURIComponent(JSON.stringify(options));
}

/** Reads OPTIONS_HEADER back (a malformed value is ignored). */
export function decodeRequestOptions(value: string | null): WireOptions {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(value));
    return parsed && typeof parsed === 'object' ? (parsed as WireOptions) : {};
  } catch {
    return {};
  }
}

/** Headers that hand `options` to the transport through a library call. */
export function requestOptionsHeaders(options: RequestOptions): Record<string, string> {
  const { signal: _signal, headers, ...wire } = options;
  return { ...headers, [OPTIONS_HEADER]: encodeRequestOptions(wire) };
}
