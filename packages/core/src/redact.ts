/** What replaces a secret wherever the SDK prints or stores one. */
export const REDACTED = '[REDACTED]';

// Headers that carry credentials in one of our four providers or in the proxies in front of them.
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-hasura-admin-secret',
  'x-amz-security-token',
]);

// Query parameters that carry tokens (OAuth flows put codes and tokens in URLs).
const SECRET_QUERY = new Set(['token', 'access_token', 'refresh_token', 'api_key', 'apikey', 'key', 'code', 'client_secret', 'secret', 'password']);

// Body fields whose values are secrets: passwords, tokens, and the values of secrets and env vars.
const SECRET_FIELDS = new Set([
  'password',
  'db_pass',
  'secret',
  'secrets',
  'token',
  'access_token',
  'refresh_token',
  'api_key',
  'apikey',
  'client_secret',
  'githubpersonalaccesstoken',
  'value',
  'private_key',
  'jwt_secret',
  'service_role_key',
  'authorization',
]);

/** Whether a header name carries a credential. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/** Copies headers into a plain object with credential values masked. */
export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = typeof (headers as Headers).get === 'function' ? [...(headers as Headers).entries()] : Object.entries(headers);
  for (const [name, value] of entries) out[name.toLowerCase()] = isSecretHeader(name) ? REDACTED : value;
  return out;
}

/** Masks token-bearing query parameters (and any user:password) in a URL. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = REDACTED;
    if (parsed.username) parsed.username = REDACTED;
    for (const name of [...parsed.searchParams.keys()]) {
      if (SECRET_QUERY.has(name.toLowerCase())) parsed.searchParams.set(name, REDACTED);
    }
    return parsed.toString();
  } catch {
    return url;
  }
}

/** A deep copy of a JSON-like value with secret fields masked (depth-limited, cycle-safe). */
export function redactBody(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactBody(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELDS.has(key.toLowerCase()) && item !== null && item !== undefined ? REDACTED : redactBody(item, depth + 1, seen);
  }
  return out;
}

// Secrets remembered at most; the one seen longest ago goes first. A credential is seen again on every request
// that carries it, so the ones in use always stay; what ages out are values registered once long ago (a rotated
// token, a secret value a long-lived service wrote a thousand secrets earlier).
const MAX_SECRETS = 1_000;

/**
 * Remembers the secret values a client has seen (its tokens) and erases them from any text or value, so a server
 * that echoes a token back in an error body cannot leak it through our errors or logs.
 */
export class SecretScrubber {
  #secrets = new Set<string>();
  #newest: string | undefined;

  /** Registers a secret value, or marks it seen again; short values are ignored (they would erase ordinary words). */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < 8 || secret === this.#newest) return;
    // Insertion order is the order of last sight: taken out and put back, the secret becomes the newest.
    this.#secrets.delete(secret);
    this.#secrets.add(secret);
    this.#newest = secret;
    if (this.#secrets.size > MAX_SECRETS) this.#secrets.delete(this.#secrets.values().next().value!);
  }

  /** Replaces every known secret inside `text`. */
  scrubText(text: string): string {
    let out = text;
    for (const secret of this.#secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** A copy of a JSON-like value with secret fields masked and known secret values erased from strings. */
  scrub<T>(value: T): T {
    const masked = redactBody(value);
    if (this.#secrets.size === 0) return masked as T;
    return walkStrings(masked, (s) => this.scrubText(s)) as T;
  }

  toJSON(): string {
    return `SecretScrubber(${this.#secrets.size})`;
  }
}

function walkStrings(value: unknown, map: (s: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => walkStrings(item, map));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = walkStrings(item, map);
    return out;
  }
  return value;
}
