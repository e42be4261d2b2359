import { ConnectionError } from './errors';

const NULL_BODY = new Set([101, 204, 205, 304]);

// The bytes behind each response the transport hands out, so an error can still be built after a library
// (openapi-fetch, graphql-request) has consumed the body.
const buffered = new WeakMap<Response, Uint8Array>();

/** The body of a response `readBody` produced, whether or not it was read since; undefined for other responses. */
export function bufferedBody(response: Response): Uint8Array | undefined {
  return buffered.get(response);
}

/**
 * Reads the whole body inside the attempt (so the attempt timeout covers a slow body and a truncated one is a
 * retryable connection failure), then hands back a fresh Response the caller can read as it likes.
 */
export async function readBody(response: Response, url: string, signal: AbortSignal): Promise<Response> {
  if (NULL_BODY.has(response.status) || !response.body) {
    return withUrl(new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers }), response.url || url);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readAll(response.body, signal);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new ConnectionError(`The connection broke while reading the response body (${response.status}).`, { cause: error });
  }
  const fresh = withUrl(new Response(bytes as BodyInit, { status: response.status, statusText: response.statusText, headers: response.headers }), response.url || url);
  buffered.set(fresh, bytes);
  return fresh;
}

// Reading chunk by chunk rather than `arrayBuffer()` lets an abort cancel the stream: a custom fetch or a mock does
// not tie its body to the request's signal the way the platform fetch does, and the timeout must still win.
async function readAll(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<Uint8Array> {
  const reader = body.getReader();
  const onAbort = () => {
    reader.cancel(signal.reason).catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) onAbort();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    const out = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function withUrl(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}
