// Security through the four real clients: a canary credential never shows in errors, debug logs, inspected clients
// or serialized errors, even when a server echoes it back; credentials stay behind on a cross-origin redirect
// (real 127.0.0.1 servers); path parameters are encoded exactly, and a missing one fails before anything is sent;
// GraphQL values always travel as variables, never inside the query text; a bad option fails before anything is sent.
import http from 'node:http';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConnectionError, InternalServerError, RateLimitError, ValidationError, XError, type Logger } from '@x/core';
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';
import { createCockroachCloudClient } from '@x/cockroach-cloud';
import { asProjectId, asTenantId, createHasuraCloudClient } from '@x/hasura-cloud';
import { createPrefectCloudClient } from '@x/prefect-cloud';
import { printTally, settle, tally } from './support/tally';
import { KINDS, type Kind } from './support/world';

afterAll(() => printTally('Security'));

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Builds each client with a credential, a fetch or base URL, and extra options. */
function makeClient(kind: Kind, secret: string, options: Record<string, unknown>) {
  switch (kind) {
    case 'supabase':
      return createSupabaseMgmtClient({ accessToken: secret, ...options });
    case 'cockroach':
      return createCockroachCloudClient({ apiKey: secret, ...options });
    case 'hasura':
      return createHasuraCloudClient({ accessToken: secret, ...options });
    case 'prefect':
      return createPrefectCloudClient({ apiKey: secret, tenantId: 'tenant-1', ...options });
  }
}

/** One named read per client, by kind, with per-call options when given. */
function read(kind: Kind, client: ReturnType<typeof makeClient>, options?: Record<string, unknown>): Promise<unknown> {
  switch (kind) {
    case 'supabase':
      return (client as ReturnType<typeof createSupabaseMgmtClient>).getProject({ ref: 'abcdefghijklmnopqrst' }, options);
    case 'cockroach':
      return (client as ReturnType<typeof createCockroachCloudClient>).getCluster({ cluster_id: '00000000-0000-4000-8000-000000000001' }, options);
    case 'hasura':
      return (client as ReturnType<typeof createHasuraCloudClient>).getTenant(asTenantId('7a2d0f3b-0000-4000-8000-000000000001'), options);
    case 'prefect':
      return (client as ReturnType<typeof createPrefectCloudClient>).getFlow('flow-1', options);
  }
}

const GRAPHQL = (kind: Kind) => kind === 'hasura' || kind === 'prefect';

describe('a canary credential never leaks', () => {
  // Distinctive enough that any fragment of it is unmistakable.
  const CANARY = 'cnry_7Qx2LmVb9KpW4sZt8RfYh3NcJd6GaE1u';
  const FRAGMENT = CANARY.slice(10, 26);

  /** Every way a server can echo the credential it received back at the client. */
  type Echo = (authorization: string) => Response | Promise<Response>;
  const ECHOES: Record<string, { echo: Echo; expected: abstract new (...args: never[]) => Error }> = {
    'a 401 whose body, headers and message quote the credential': {
      echo: (authz) => Response.json({ message: `invalid credential: ${authz}`, error: { message: authz }, received: { authorization: authz, token: authz }, errors: [{ message: `token ${authz} rejected`, extensions: { code: 'UNAUTHENTICATED', token: authz } }] }, { status: 401, headers: { 'www-authenticate': `Bearer error="invalid_token", token="${authz}"`, 'x-echo-authorization': authz, 'set-cookie': `session=${authz}` } }),
      expected: AuthenticationError,
    },
    'a 500 on every attempt that quotes the credential': {
      echo: (authz) => Response.json({ message: `upstream failed for ${authz}` }, { status: 500, headers: { 'x-debug-auth': authz } }),
      expected: InternalServerError,
    },
    'a 429 past the cap that quotes the credential': {
      echo: (authz) => Response.json({ message: `slow down, ${authz}` }, { status: 429, headers: { 'retry-after': '3600', 'x-echo': authz } }),
      expected: RateLimitError,
    },
    'a connection failure whose message quotes the credential': {
      echo: (authz) => {
        throw new TypeError(`fetch failed while sending Authorization: ${authz}`, { cause: Object.assign(new Error(`socket closed (${authz})`), { code: 'ECONNRESET' }) });
      },
      expected: ConnectionError,
    },
    'a 200 that cannot be read and quotes the credential': {
      echo: (authz) => new Response(`<html><body><p>Welcome back</p><pre>${authz}</pre></body></html>`, { status: 200, headers: { 'content-type': 'application/json' } }),
      expected: XError,
    },
  };

  /**
   * Every text a user sees of an error: message, stack, JSON, inspection and every public field. (`cause` keeps the
   * underlying error as it was thrown, and is left out of JSON and inspection by design.)
   */
  function errorTexts(error: unknown): string[] {
    const e = error as Error & Record<string, unknown>;
    const fields = Object.entries(e).filter(([key]) => key !== 'cause').map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
    return [String(e.message), String(e.stack), JSON.stringify(e), inspect(e), inspect(e, { showHidden: true, depth: 10 }), String(e), ...fields];
  }

  function expectClean(texts: string[], where: string): void {
    for (const text of texts) {
      expect(text.includes(CANARY), `${where} contains the canary:\n${text.slice(0, 500)}`).toBe(false);
      expect(text.includes(FRAGMENT), `${where} contains a fragment of the canary:\n${text.slice(0, 500)}`).toBe(false);
    }
  }

  for (const kind of KINDS) {
    for (const [scenario, { echo, expected }] of Object.entries(ECHOES)) {
      it(`${kind}: ${scenario} leaves no trace of the credential in the error, the debug log or the inspected client`, async () => {
        const lines: string[] = [];
        const capture = (level: string) => (message: string, details?: Record<string, unknown>) => lines.push(`${level} ${message} ${details === undefined ? '' : JSON.stringify(details)} ${inspect(details, { depth: 10 })}`);
        const logger: Logger = { error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug') };
        const received: string[] = [];
        const fetch: Fetch = async (input, init) => {
          const authorization = new Request(input, init).headers.get('authorization') ?? '';
          received.push(authorization);
          return echo(authorization);
        };
        const client = makeClient(kind, CANARY, { fetch, logger, logLevel: 'debug', rateLimit: false, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
        const result = await settle(`canary: ${scenario}`, read(kind, client));
        expect(result.ok).toBe(false);
        const error = (result as { error: unknown }).error;
        expect(error).toBeInstanceOf(expected);
        expect(lines.length, 'debug logging is on').toBeGreaterThan(0);
        expectClean(errorTexts(error), 'the error');
        expectClean(lines, 'the debug log');
        expectClean([inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), String(client), inspect((client as { transport: unknown }).transport, { depth: 10 }), JSON.stringify((client as { transport: unknown }).transport)], 'the inspected client');
        // The credential did reach the server (and came back in its answer), so the checks above are not vacuous.
        expect(received.length).toBeGreaterThan(0);
        expect(received.every((value) => value.includes(CANARY))).toBe(true);
      });
    }
  }
});

/** A node:http server on 127.0.0.1 that records what it saw and answers with `handle`. */
async function startServer(handle: (request: http.IncomingMessage, body: string, origin: string) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  let origin = '';
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const answer = handle(request, body, origin);
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A plausible success body for each client's read. */
function successBody(kind: Kind): string {
  switch (kind) {
    case 'supabase':
      return JSON.stringify({ id: 'abcdefghijklmnopqrst', ref: 'abcdefghijklmnopqrst', name: 'shop', status: 'ACTIVE_HEALTHY' });
    case 'cockroach':
      return JSON.stringify({ id: '00000000-0000-4000-8000-000000000001', name: 'orders', state: 'CREATED' });
    case 'hasura':
      return JSON.stringify({ data: { tenant_by_pk: { id: '7a2d0f3b-0000-4000-8000-000000000001', slug: 'shop', region: 'us-east-2', cloud: 'aws', health_status: null, active: true, active_status_reason: null, config: { hash: 'h1' }, project: { id: '6f1c9e2a-0000-4000-8000-000000000001', name: 'shop', endpoint: null }, custom_domains: [], status: null, tenant_public_status: null } } });
    case 'prefect':
      return JSON.stringify({ data: { flow_by_pk: { id: 'flow-1', name: 'etl', version: 1 } } });
  }
}

/** How each client is pointed at a server. */
function pointedAt(kind: Kind, origin: string): Record<string, unknown> {
  switch (kind) {
    case 'supabase':
    case 'cockroach':
      return { baseUrl: origin };
    case 'hasura':
      return { endpoint: `${origin}/v1/graphql` };
    case 'prefect':
      return { endpoint: origin };
  }
}

describe('credentials and redirects (two real servers on 127.0.0.1)', () => {
  const SECRET = 'redirect_secret_Hq3Vz8Lw2Kd5';

  for (const kind of KINDS) {
    it(`${kind}: a redirect to another origin arrives without Authorization, and a same-origin redirect keeps it`, async () => {
      const other = await startServer(() => ({ status: 200, body: successBody(kind) }));
      // GraphQL posts need 307 so the body survives; REST reads follow a 302.
      const status = GRAPHQL(kind) ? 307 : 302;
      let crossOrigin = true;
      const first = await startServer((request, _body, origin) => {
        if (request.url?.startsWith('/landing')) return { status: 200, body: successBody(kind) };
        return { status, headers: { location: crossOrigin ? `${other.origin}/landing` : `${origin}/landing` } };
      });
      try {
        const client = makeClient(kind, SECRET, { ...pointedAt(kind, first.origin), logLevel: 'off', rateLimit: false });
        const cross = await settle('redirect across origins', read(kind, client));
        if (!cross.ok) throw cross.error;
        expect(first.seen[0]!.headers.authorization, 'the first hop carries the credential').toContain(SECRET);
        expect(other.seen).toHaveLength(1);
        expect(other.seen[0]!.headers.authorization, 'the other origin never sees the credential').toBeUndefined();
        expect(JSON.stringify(other.seen[0]!.headers)).not.toContain(SECRET);
        if (GRAPHQL(kind)) expect(other.seen[0]!.body, 'a 307 keeps the GraphQL body').toContain('query');

        crossOrigin = false;
        first.seen.length = 0;
        const same = await settle('redirect within the origin', read(kind, client));
        if (!same.ok) throw same.error;
        expect(first.seen.map((s) => s.url.split('?')[0])).toEqual([first.seen[0]!.url.split('?')[0], '/landing']);
        expect(first.seen[1]!.headers.authorization, 'a same-origin hop keeps the credential').toContain(SECRET);
      } finally {
        await first.close();
        await other.close();
      }
    });
  }
});

describe('path parameters (a real server records the raw request path)', () => {
  // Each value, and the exact path segment the server must see for it.
  const VALUES: Array<[string, string]> = [
    ['../../v1/organizations', '..%2F..%2Fv1%2Forganizations'],
    ['a/../b', 'a%2F..%2Fb'],
    ['abc?admin=true', 'abc%3Fadmin%3Dtrue'],
    ['abc#fragment', 'abc%23fragment'],
    ['abc%2Fdef', 'abc%252Fdef'],
    ['ünïcödé-名前-🚀', '%C3%BCn%C3%AFc%C3%B6d%C3%A9-%E5%90%8D%E5%89%8D-%F0%9F%9A%80'],
    ['space and+plus', 'space%20and%2Bplus'],
  ];

  for (const [value, segment] of VALUES) {
    it(`supabase getProject sends ref ${JSON.stringify(value)} as the single segment ${segment}`, async () => {
      const server = await startServer(() => ({ status: 200, body: successBody('supabase') }));
      try {
        const client = createSupabaseMgmtClient({ accessToken: 'sbp_path_token_00001', baseUrl: server.origin, logLevel: 'off', rateLimit: false });
        await client.getProject({ ref: value });
        expect(server.seen.map((s) => s.url)).toEqual([`/v1/projects/${segment}`]);
        tally('path parameter encoded', 'exact path');
      } finally {
        await server.close();
      }
    });

    it(`cockroach deleteSQLUser sends cluster_id and name ${JSON.stringify(value)} each as one encoded segment`, async () => {
      const server = await startServer(() => ({ status: 200, body: '{}' }));
      try {
        const client = createCockroachCloudClient({ apiKey: 'ccdb_path_key_000001', baseUrl: server.origin, logLevel: 'off', rateLimit: false });
        await client.deleteSQLUser({ cluster_id: value, name: value });
        expect(server.seen.map((s) => s.url)).toEqual([`/api/v1/clusters/${segment}/sql-users/${segment}`]);
        tally('path parameter encoded', 'exact path');
      } finally {
        await server.close();
      }
    });
  }

  const MISSING: Array<[string, unknown]> = [
    ['a missing', undefined],
    ['a null', null],
    ['an empty', ''],
    ['a "."', '.'],
    ['a ".."', '..'],
    ['an object as a', { id: 1 }],
  ];
  for (const [label, value] of MISSING) {
    it(`${label} path parameter is a ValidationError before anything is sent (supabase and cockroach)`, async () => {
      const server = await startServer(() => ({ status: 200, body: '{}' }));
      try {
        const supabase = createSupabaseMgmtClient({ accessToken: 'sbp_path_token_00001', baseUrl: server.origin, logLevel: 'off', rateLimit: false });
        const cockroach = createCockroachCloudClient({ apiKey: 'ccdb_path_key_000001', baseUrl: server.origin, logLevel: 'off', rateLimit: false });
        const params = value === undefined ? {} : { ref: value };
        const results = [
          await settle('path parameter invalid', supabase.getProject(params as { ref: string })),
          await settle('path parameter invalid', cockroach.getCluster((value === undefined ? {} : { cluster_id: value }) as { cluster_id: string })),
          await settle('path parameter invalid', cockroach.deleteSQLUser({ cluster_id: 'c1', name: value } as { cluster_id: string; name: string })),
        ];
        for (const result of results) {
          expect(result.ok).toBe(false);
          expect((result as { error: unknown }).error).toBeInstanceOf(ValidationError);
        }
        expect(server.seen, 'nothing reached the server').toHaveLength(0);
      } finally {
        await server.close();
      }
    });
  }
});

describe('options are checked before anything is sent (a real server counts the requests)', () => {
  for (const kind of KINDS) {
    it(`${kind}: a bad client option throws when the client is made, a bad call option rejects the call, each naming the option; nothing reaches the server`, async () => {
      const server = await startServer(() => ({ status: 200, body: successBody(kind) }));
      try {
        // A timeout read from an environment variable is a string: without the check it would mean no timeout.
        expect(() => makeClient(kind, 'options_token_00001', { ...pointedAt(kind, server.origin), timeoutMs: '30000' })).toThrow(ValidationError);
        expect(() => makeClient(kind, 'options_token_00001', { ...pointedAt(kind, server.origin), timeoutMs: '30000' })).toThrow('Option timeoutMs must be a number of milliseconds above 0');
        expect(() => makeClient(kind, 'options_token_00001', { ...pointedAt(kind, server.origin), retry: { maxRetries: -1 } })).toThrow('Option retry.maxRetries must be a whole number, 0 or more; got -1.');
        const client = makeClient(kind, 'options_token_00001', { ...pointedAt(kind, server.origin), logLevel: 'off', rateLimit: false });
        for (const [options, message] of [
          [{ timeoutMs: -1 }, 'Option timeoutMs must be a number of milliseconds above 0 (Infinity for none); got -1.'],
          [{ retry: { jitter: 2 } }, 'Option retry.jitter must be a number from 0 to 1; got 2.'],
          [{ headers: { 'x-api-key': 1234 } }, 'Option headers["x-api-key"] must be a string; got a number.'],
        ] as const) {
          const result = await settle('call option out of range', read(kind, client, options));
          expect(result.ok).toBe(false);
          const error = (result as { error: Error }).error;
          expect(error).toBeInstanceOf(ValidationError);
          expect(error.message).toBe(message);
        }
        expect(server.seen, 'nothing reached the server').toHaveLength(0);
        const good = await settle('call with good options', read(kind, client, { timeoutMs: 5_000, retry: { maxRetries: 0 } }));
        if (!good.ok) throw good.error;
        expect(server.seen).toHaveLength(1);
      } finally {
        await server.close();
      }
    });
  }
});

describe('GraphQL values travel as variables', () => {
  // Values that would change a query if pasted into it.
  const MARK = 'mk_Zq81';
  const VALUES = {
    id: `${MARK}-id") { id } evil: flow { id } #`,
    name: `${MARK}-name\\" } mutation { delete_flow`,
    value: `${MARK}-value'; DROP TABLE flow; --`,
    label: `${MARK}-label$var`,
    key: `${MARK}_KEY`,
  };

  /** A fetch that records GraphQL requests and answers with a plausible empty success. */
  function recorder() {
    const bodies: Array<{ query: string; variables: unknown; operationName?: string }> = [];
    const fetch: Fetch = async (input, init) => {
      const request = new Request(input, init);
      bodies.push((await request.json()) as { query: string; variables: unknown });
      return Response.json({ data: null, errors: [{ message: 'recorded', extensions: { code: 'recorded' } }] });
    };
    return { bodies, fetch };
  }

  function expectVariablesOnly(bodies: Array<{ query: string; variables: unknown; operationName?: string }>, values: string[], client: string): void {
    expect(bodies.length).toBeGreaterThan(0);
    const sent = JSON.stringify(bodies.map((b) => b.variables));
    for (const value of values) expect(sent, `${client}: ${value} is in the variables`).toContain(JSON.stringify(value).slice(1, -1));
    for (const body of bodies) {
      expect(body.query.includes(MARK), `${client} ${body.operationName ?? ''}: a test value is inside the query text:\n${body.query}`).toBe(false);
      tally('GraphQL values as variables', 'query text clean');
    }
  }

  it('hasura: ids, names and env-var values never appear in the query text, only in the variables', async () => {
    const { bodies, fetch } = recorder();
    const client = createHasuraCloudClient({ accessToken: 'hasura_vars_token_001', fetch, logLevel: 'off', rateLimit: false, retry: { maxRetries: 0 } });
    // Hasura ids must be UUIDs (checked before sending), so the id carries its mark in hex.
    const uuid = 'deadbeef-0bad-4c0d-8e11-5ca1ab1e0001';
    const calls: Array<Promise<unknown>> = [
      client.getProject(asProjectId(uuid)),
      client.findProjectByName(VALUES.name),
      client.getTenant(asTenantId(uuid)),
      client.renameProject(asProjectId(uuid), VALUES.name),
      client.findTenantBySlug(VALUES.label),
      client.raw.CreateTenant({ cloud: 'aws', region: VALUES.value, name: VALUES.name }),
      client.getEnvVars(asTenantId(uuid)),
    ];
    await Promise.allSettled(calls);
    expectVariablesOnly(bodies, [VALUES.name, VALUES.value, VALUES.label], 'hasura');
    expect(JSON.stringify(bodies.map((b) => b.variables))).toContain(uuid);
    for (const body of bodies) expect(body.query).not.toContain(uuid);
  });

  it('prefect: ids, names, parameters, labels, secrets and keys never appear in the query text, only in the variables', async () => {
    const { bodies, fetch } = recorder();
    const client = createPrefectCloudClient({ apiKey: 'pcu_vars_key_0000001', tenantId: 'tenant-1', fetch, logLevel: 'off', rateLimit: false, apiErrorRetries: 0, retry: { maxRetries: 0 } });
    const calls: Array<Promise<unknown>> = [
      client.getFlow(VALUES.id),
      client.getFlowRunState(VALUES.id),
      client.createFlowRun({ flowId: VALUES.id, parameters: { date: VALUES.value }, labels: [VALUES.label], name: VALUES.name }),
      client.setSecret(VALUES.key, VALUES.value),
      client.setKeyValue(VALUES.key, { nested: VALUES.value }),
      client.createProject({ name: VALUES.name, description: VALUES.value }),
      client.listFlows({ name: VALUES.name }).toArray(),
    ];
    await Promise.allSettled(calls);
    expectVariablesOnly(bodies, [VALUES.id, VALUES.name, VALUES.value, VALUES.label, VALUES.key], 'prefect');
  });
});
