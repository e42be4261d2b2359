import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { faults } from '../src/testing';
import { AuthenticationError, createSupabaseMgmtClient, InternalServerError, NotFoundError, PermissionDeniedError, RateLimitError, type Logger } from '../src';
import { CANARY_TOKEN, rejection, server, simulated, useMsw } from './helpers';

useMsw();

function withProject(options: Parameters<typeof simulated>[0] = {}) {
  const setup = simulated(options);
  const project = setup.sim.state.addProject({ name: 'p', organization_slug: 'acme' });
  return { ...setup, ref: project.ref };
}

describe('typed errors carry the server message', () => {
  it('401: an unknown token is an AuthenticationError that points at SUPABASE_ACCESS_TOKEN', async () => {
    const { client } = simulated({ simulator: { accessTokens: ['sbp_the_only_good_token'] } });
    const error = await rejection(client.listAllProjects());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, provider: 'supabase', operation: 'listAllProjects', attempts: 1 });
    expect(error.message).toMatch(/^Supabase answered 401 on listAllProjects: Unauthorized: the access token is invalid or revoked\. Check the credential \(option or SUPABASE_ACCESS_TOKEN\): it is missing, invalid or expired\. \[request req_\w+\]$/);
  });

  it('401: a request without a bearer token gets the JSON message', async () => {
    const { sim } = simulated();
    const response = await sim.fetch('https://api.supabase.com/v1/projects');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('403: a PermissionDeniedError with the server message', async () => {
    const { client, sim, ref } = withProject();
    sim.faults.inject(faults.json(403, { message: 'Your account does not have the necessary privileges to access this endpoint' }), { match: /GET \/v1\/projects\/[a-z]+$/ });
    const error = await rejection(client.getProject({ ref }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain('Your account does not have the necessary privileges');
  });

  it('404: an unknown route answers JSON like the real API, and a known but unsimulated one says so', async () => {
    const { client, sim, ref } = withProject();
    const unknown = await sim.fetch('https://api.supabase.com/v1/nope', { headers: { authorization: `Bearer ${CANARY_TOKEN}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'Cannot GET /v1/nope', error: 'Not Found', statusCode: 404 });
    const error = await rejection(client.getPgsodiumConfig({ ref }));
    expect((error as { status?: number }).status).toBe(501);
    expect(error.message).toContain('does not implement getPgsodiumConfig');
  });

  it('404: a NotFoundError for a missing project', async () => {
    const { client } = simulated();
    const error = await rejection(client.getProject({ ref: 'zzzzzzzzzzzzzzzzzzzz' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('Project zzzzzzzzzzzzzzzzzzzz not found');
  });

  it('429: with retries off, a RateLimitError reading X-RateLimit-Reset as seconds remaining', async () => {
    const { client, clock } = simulated({ client: { rateLimit: false, retry: { maxRetries: 0 } } });
    for (let i = 0; i < 120; i++) await client.listAllOrganizations();
    await clock.advance(15_000);
    const error = await rejection(client.listAllOrganizations());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 45_000 });
    expect(error.message).toContain('ThrottlerException: Too Many Requests');
    expect(error.message).toContain('wait 45 s');
  });
});

describe('retries', () => {
  it('absorbs a burst of 5xx on a read', async () => {
    const { client, sim, ref } = withProject();
    sim.faults.inject(faults.serverError(503), { count: 2, match: /^GET \/v1\/projects\// });
    expect((await client.getProject({ ref })).ref).toBe(ref);
    expect(client.stats.retries).toBe(2);
  });

  it('absorbs a connection reset on a read', async () => {
    const { client, sim } = simulated();
    sim.faults.inject(faults.reset(), { match: /^GET \/v1\/organizations$/ });
    expect(await client.listAllOrganizations()).toHaveLength(1);
    expect(client.stats.retries).toBe(1);
  });

  it('never repeats a create after a 5xx: it may have been done', async () => {
    const { client, sim } = simulated();
    sim.faults.inject(faults.serverError(502), { match: /^POST \/v1\/projects$/ });
    const error = await rejection(client.createAProject({ body: { name: 'once', organization_slug: 'acme', db_pass: 'pw' } }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(sim.calls.filter((call) => call.operation === 'createAProject')).toHaveLength(1);
  });

  it('retries a migration POST, since the Idempotency-Key it carries makes that safe, with the same key', async () => {
    const { client, ref } = withProject();
    const keys: string[] = [];
    server.use(
      http.post('https://api.supabase.com/v1/projects/:ref/database/migrations', ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '(none)');
        return keys.length === 1 ? HttpResponse.json({ message: 'upstream timeout' }, { status: 503 }) : new HttpResponse(null, { status: 200 });
      }),
    );
    await client.applyAMigration({ ref, body: { query: 'create table a (id int)', name: 'a' } });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);

    keys.length = 0;
    await client.applyAMigration({ ref, headers: { 'Idempotency-Key': 'migration-2026-01-01-a' }, body: { query: 'create table b (id int)' } });
    expect(keys).toEqual(['migration-2026-01-01-a', 'migration-2026-01-01-a']);
  });
});

describe('the access token stays secret', () => {
  it('never appears in errors, their JSON or inspection, logs, or the inspected client', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
      info: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
      warn: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
      error: (message, meta) => lines.push(`${message} ${JSON.stringify(meta)}`),
    };
    const { client, sim, ref } = withProject({ client: { logger, logLevel: 'debug' }, simulator: { accessTokens: ['sbp_other'] } });
    sim.faults.inject(faults.serverError(503), { match: /^GET / });
    const error = await rejection(client.getProject({ ref }));
    const surfaces = [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error.stack), inspect(client, { depth: 10 }), JSON.stringify(client), ...lines];
    expect(lines.length).toBeGreaterThan(0);
    for (const surface of surfaces) expect(surface).not.toContain(CANARY_TOKEN);
    expect(inspect(client)).toBe("SupabaseMgmtClient { baseUrl: 'https://api.supabase.com', operations: 164 }");
  });

  it('is not echoed when a server repeats it back in an error body', async () => {
    const { client, sim, ref } = withProject();
    sim.faults.inject(faults.json(400, { message: `bad token ${CANARY_TOKEN}` }), { match: /^GET / });
    const error = await rejection(client.getProject({ ref }));
    expect(error.message).not.toContain(CANARY_TOKEN);
    expect(JSON.stringify(error)).not.toContain(CANARY_TOKEN);
  });
});

describe('client construction', () => {
  it('refuses to start without a token, saying where to put one', () => {
    const saved = process.env.SUPABASE_ACCESS_TOKEN;
    delete process.env.SUPABASE_ACCESS_TOKEN;
    try {
      expect(() => createSupabaseMgmtClient()).toThrow(/pass `accessToken` or set SUPABASE_ACCESS_TOKEN/);
    } finally {
      if (saved !== undefined) process.env.SUPABASE_ACCESS_TOKEN = saved;
    }
  });

  it('reads the token and base URL from the environment, the options winning', async () => {
    const saved = { token: process.env.SUPABASE_ACCESS_TOKEN, url: process.env.SUPABASE_API_URL };
    process.env.SUPABASE_ACCESS_TOKEN = 'sbp_from_env';
    process.env.SUPABASE_API_URL = 'https://api.example.test/';
    try {
      const seen: string[] = [];
      server.use(http.get('https://api.example.test/v1/profile', ({ request }) => (seen.push(request.headers.get('authorization')!), HttpResponse.json({ gotrue_id: 'g', primary_email: 'e', username: 'u' }))));
      const fromEnv = createSupabaseMgmtClient();
      expect(fromEnv.baseUrl).toBe('https://api.example.test');
      await fromEnv.getProfile();
      expect(seen).toEqual(['Bearer sbp_from_env']);
      expect(createSupabaseMgmtClient({ baseUrl: 'https://other.test' }).baseUrl).toBe('https://other.test');
    } finally {
      for (const [name, value] of [['SUPABASE_ACCESS_TOKEN', saved.token], ['SUPABASE_API_URL', saved.url]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('refuses a base URL that is not absolute', () => {
    expect(() => createSupabaseMgmtClient({ accessToken: 't', baseUrl: 'api.supabase.com' })).toThrow(/not an absolute URL/);
  });
});
