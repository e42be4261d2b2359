import type { LinkedController } from './abort';
import { ConnectionError } from './errors';

const NULL_BODY = new Set([101, 204, 205, 304]);
// What the platform's Response says when its body is read twice.
const USED = 'Body is unusable: Body has already been read';
const decoder = new TextDecoder();

/**
 * A Response whose body is already in memory. Reading it as JSON or text decodes the bytes directly (a platform
 * Response would first wrap them in a stream), and the bytes stay readable for error reports after a library
 * (openapi-fetch, graphql-request) has consumed the body. Asking for `body` hands out a real stream and from then
 * on behaves exactly as a platform Response.
 */
export interface BufferedResponse extends Response {
  /** The bytes of the body, whether or not it was read since. */
  readonly bufferedBytes: Uint8Array | null;
}

type BufferedResponseClass = new (bytes: Uint8Array | null, init: ResponseInit, url: string) => BufferedResponse;

// Made on first use: extending the global Response when the module loads would make Node load its fetch
// implementation for every `require('@x/core')`, tens of milliseconds for a process that may never send a request.
let bufferedClass: BufferedResponseClass | undefined;

function bufferedResponseClass(): BufferedResponseClass {
  if (bufferedClass) return bufferedClass;
  class Buffered extends Response {
    readonly #bytes: Uint8Array | null;
    readonly #init: ResponseInit;
    readonly #url: string;
    #used = false;
    #streamed: Response | undefined;

    constructor(bytes: Uint8Array | null, init: ResponseInit, url: string) {
      // The headers are the answer's own (read-only) object, handed out as they are rather than copied.
      super(null, { status: init.status, statusText: init.statusText });
      this.#bytes = bytes;
      this.#init = init;
      this.#url = url;
    }

    /** The bytes of the body, whether or not it was read since. */
    get bufferedBytes(): Uint8Array | null {
      return this.#bytes;
    }

    override async json(): Promise<any> {
      if (this.#streamed) return this.#streamed.json();
      return JSON.parse(this.#take());
    }

    override async text(): Promise<string> {
      if (this.#streamed) return this.#streamed.text();
      return this.#take();
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      if (this.#streamed) return this.#streamed.arrayBuffer();
      this.#use();
      const bytes = this.#bytes ?? new Uint8Array();
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    }

    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return new Uint8Array(await this.arrayBuffer());
    }

    override async blob(): Promise<Blob> {
      if (this.#streamed) return this.#streamed.blob();
      return new Blob([await this.arrayBuffer()], { type: this.headers.get('content-type') ?? '' });
    }

    override async formData(): Promise<FormData> {
      return this.#stream().formData();
    }

    override clone(): Response {
      if (this.#streamed) return this.#streamed.clone();
      if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
      return new Buffered(this.#bytes, this.#init, this.#url);
    }

    #use(): void {
      if (this.#used) throw new TypeError(USED);
      this.#used = true;
    }

    #take(): string {
      this.#use();
      return this.#bytes ? decoder.decode(this.#bytes) : '';
    }

    /** A platform Response over the same bytes, once a caller wants the stream itself. */
    #stream(): Response {
      if (!this.#streamed) {
        if (this.#used) throw new TypeError(USED);
        this.#streamed = new Response(this.#bytes as BodyInit | null, this.#init);
      }
      return this.#streamed;
    }

    static {
      // On the prototype, where the platform defines them (TypeScript will not let a subclass redeclare these
      // properties of Response as accessors).
      Object.defineProperties(Buffered.prototype, {
        url: {
          get(this: Buffered) {
            return this.#url;
          },
          configurable: true,
        },
        headers: {
          get(this: Buffered) {
            return this.#init.headers as Headers;
          },
          configurable: true,
        },
        body: {
          get(this: Buffered) {
            return this.#bytes === null ? null : this.#stream().body;
          },
          configurable: true,
        },
        bodyUsed: {
          get(this: Buffered) {
            return this.#streamed ? this.#streamed.bodyUsed : this.#used;
          },
          configurable: true,
        },
      });
    }
  }
  bufferedClass = Buffered;
  return Buffered;
}

/** The body of a response `readBody` produced, whether or not it was read since; undefined for other responses. */
export function bufferedBody(response: Response): Uint8Array | undefined {
  return bufferedClass && response instanceof bufferedClass ? (response.bufferedBytes ?? new Uint8Array()) : undefined;
}

/**
 * Reads the whole body inside the attempt (so the attempt timeout covers a slow body and a truncated one is a
 * retryable connection failure), then hands back a Response the caller can read as it likes.
 */
export async function readBody(response: Response, url: string, attempt: Pick<LinkedController, 'signal' | 'onAbort'>): Promise<Response> {
  const signal = attempt.signal;
  const init: ResponseInit = { status: response.status, statusText: response.statusText, headers: response.headers };
  if (NULL_BODY.has(response.status) || !response.body) return new (bufferedResponseClass())(null, init, response.url || url);
  let bytes: Uint8Array;
  try {
    bytes = await readAll(response, attempt);
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    throw new ConnectionError(`The connection broke while reading the response body (${response.status}).`, { cause: error });
  }
  return new (bufferedResponseClass())(bytes, init, response.url || url);
}

// The platform's own whole-body read is the fastest there is; the race lets an abort win even over a custom fetch
// or a mock whose body is not tied to the request's signal the way the platform fetch's is.
function readAll(response: Response, attempt: Pick<LinkedController, 'signal' | 'onAbort'>): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    attempt.onAbort(() => {
      reject(attempt.signal.reason);
      response.body?.cancel(attempt.signal.reason).catch(() => undefined);
    });
    response.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
  });
}
