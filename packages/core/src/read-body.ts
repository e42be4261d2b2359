import { ConnectionError } from './errors';

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * Reads the whole body inside the attempt (so the attempt timeout covers a slow body and a truncated one is a
 * retryable connection failure), then hands back a fresh Response the caller can read as it likes.
 */
export async function readBody(response: Response, url: string, signal: AbortSignal): Promise<Response> {
  if (NULL_BODY.has(response.status) || !response.body) {
    return withUrl(new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers }), response.url || url);
  }
  let buffer: ArrayBuffer;
  try {
    buffer = await response.arrayBuffer();
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new ConnectionError(`The connection broke while reading the response body (${response.status}).`, { cause: error });
  }
  return withUrl(new Response(buffer, { status: response.status, statusText: response.statusText, headers: response.headers }), response.url || url);
}

function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}
