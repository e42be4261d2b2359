// The one seam between the generated code and the handwritten SDK: the core transport is handed to openapi-fetch
// as its `fetch`, and every named method is the generated operation table run through the core's operation runner.
import createClient, { type Client } from 'openapi-fetch';
import { callOperation, createTransport, readEnv, ValidationError, type ClientOptions, type RateLimitOptions, type TokenSource, type Transport, type TransportStats } from '@x/core';
import { operations, type NamedMethods } from './generated/operations';
import type { paths } from './generated/schema';
import { SUPABASE_RATE_LIMITS } from './rate-limits';

/** Options of `createSupabaseMgmtClient`; every core option (retry, timeoutMs, rateLimit, logger, fetch, hooks...) applies. */
export interface SupabaseMgmtClientOptions extends ClientOptions {
  /** A personal access token or OAuth access token (or a function returning one). Default: `SUPABASE_ACCESS_TOKEN`. */
  accessToken?: TokenSource;
  /** Default: `SUPABASE_API_URL`, else `https://api.supabase.com`. */
  baseUrl?: string;
}

/** A Supabase Management API client: a named method per operation, plus the raw typed layer under `raw`. */
export type SupabaseMgmtClient = NamedMethods & {
  /** The raw typed layer (openapi-fetch): `raw.GET('/v1/projects/{ref}', { params })` returns `{ data, error, response }`. */
  readonly raw: Client<paths>;
  /** The transport every call goes through. */
  readonly transport: Transport;
  /** Requests, retries, 429s absorbed and time waited, since the client was made. */
  readonly stats: TransportStats;
  readonly baseUrl: string;
};

export const DEFAULT_BASE_URL = 'https://api.supabase.com';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** Makes a client. Throws a ValidationError at once when no access token can be found. */
export function createSupabaseMgmtClient(options: SupabaseMgmtClientOptions = {}): SupabaseMgmtClient {
  const token = options.accessToken ?? readEnv('SUPABASE_ACCESS_TOKEN');
  if (!token) {
    throw new ValidationError('No Supabase access token: pass `accessToken` or set SUPABASE_ACCESS_TOKEN (create one at https://supabase.com/dashboard/account/tokens).', { provider: 'supabase' });
  }
  const baseUrl = (options.baseUrl ?? readEnv('SUPABASE_API_URL') ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const rateLimit: RateLimitOptions | false = options.rateLimit === false ? false : { ...SUPABASE_RATE_LIMITS, ...options.rateLimit };
  const transport = createTransport({
    ...options,
    rateLimit,
    provider: { name: 'supabase', displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN', resetKind: 'seconds' },
    auth: { token, scheme: 'Bearer' },
  });
  const raw = createClient<paths>({ baseUrl, fetch: transport.fetch });
  const client: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(operations)) {
    client[name] = (params?: Record<string, unknown>, requestOptions?: object) => callOperation(raw as never, transport, name, spec, params, requestOptions);
  }
  Object.defineProperties(client, {
    raw: { value: raw },
    transport: { value: transport },
    stats: { get: () => transport.stats },
    baseUrl: { value: baseUrl, enumerable: true },
    [inspectSymbol]: { value: () => `SupabaseMgmtClient { baseUrl: '${baseUrl}', operations: ${Object.keys(operations).length} }` },
    toJSON: { value: () => ({ client: 'SupabaseMgmtClient', baseUrl }) },
  });
  return client as unknown as SupabaseMgmtClient;
}
