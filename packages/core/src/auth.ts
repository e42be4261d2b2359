/** A credential: a fixed token, or a function called before every attempt (it may refresh or rotate). */
export type TokenSource = string | ((context: TokenContext) => string | Promise<string>);

/** What a token function knows about the attempt it is called for. */
export interface TokenContext {
  signal?: AbortSignal | null;
  /** The operation being sent (from the request options), for clients whose credential depends on it. */
  operation?: string;
}

/** How a client authenticates. */
export interface AuthOptions {
  token: TokenSource;
  /** The word before the token in `Authorization`. Default `Bearer`. Hasura Cloud uses `pat`. */
  scheme?: string;
  /** Header carrying the credential. Default `authorization`. */
  header?: string;
  /**
   * Called once after a 401 (shared by every request that hit it meanwhile), then the request is tried once more.
   * Return a new token, or nothing when the token source will now produce a fresh one.
   */
  refresh?: () => Promise<string | void>;
}

/** Resolves tokens and runs the 401 refresh single-flight. */
export class Authenticator {
  #options: AuthOptions;
  #override: string | undefined;
  #refreshing: Promise<void> | undefined;
  #generation = 0;
  /** Told of the token on every attempt, so the scrubber knows it as in use. */
  #onToken: (token: string) => void;

  constructor(options: AuthOptions, onToken: (token: string) => void) {
    this.#options = options;
    this.#onToken = onToken;
  }

  /** Whether a 401 can be recovered from by refreshing. */
  get canRefresh(): boolean {
    return typeof this.#options.refresh === 'function';
  }

  /** Counts completed refreshes; read it before `header()` and hand it to `refresh()` after a 401. */
  get generation(): number {
    return this.#generation;
  }

  /** The header for a fixed token (or one set by a refresh), without waiting; undefined when a function supplies it. */
  staticHeader(): [string, string] | undefined {
    const token = this.#override ?? (typeof this.#options.token === 'string' ? this.#options.token : undefined);
    if (token === undefined) return undefined;
    this.#onToken(token);
    return this.#format(token);
  }

  /** The header name and value to send on this attempt. */
  async header(signal?: AbortSignal | null, operation?: string): Promise<[string, string]> {
    const source = this.#options.token;
    const token = this.#override ?? (typeof source === 'function' ? await source({ signal, operation }) : source);
    this.#onToken(token);
    return this.#format(token);
  }

  #format(token: string): [string, string] {
    const scheme = this.#options.scheme ?? 'Bearer';
    return [this.#options.header ?? 'authorization', scheme ? `${scheme} ${token}` : token];
  }

  /**
   * Refreshes once for everyone waiting; concurrent callers share the same refresh. A caller passing the
   * `generation` its rejected token came from does not refresh again when a refresh already completed since then
   * (its 401 arrived late): it simply retries with the current token.
   */
  refresh(generation?: number): Promise<void> {
    if (!this.#options.refresh) return Promise.resolve();
    if (this.#refreshing) return this.#refreshing;
    if (generation !== undefined && generation !== this.#generation) return Promise.resolve();
    this.#refreshing = this.#options
      .refresh()
      .then((token) => {
        if (typeof token === 'string') {
          this.#override = token;
          this.#onToken(token);
        }
        this.#generation += 1;
      })
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  toJSON(): Record<string, unknown> {
    return { scheme: this.#options.scheme ?? 'Bearer', token: '[REDACTED]' };
  }
}
