// The operations whose requests or answers are not plain JSON, checked on the wire with msw handlers that record
// exactly what the server received.
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createSupabaseMgmtClient } from '../src';
import { server, useMsw } from './helpers';

useMsw();

const BASE = 'https://api.supabase.com';
const REF = 'abcdefghijklmnopqrst';
const client = createSupabaseMgmtClient({ accessToken: 'sbp_odd_shapes', retry: { maxRetries: 0 } });

describe('multipart function deploy', () => {
  it('sends a metadata field holding JSON and one file part per file, in that order', async () => {
    let parts: Array<{ name: string; kind: 'field' | 'file'; filename?: string; type?: string; content: string }> = [];
    let query = '';
    let contentType = '';
    server.use(
      http.post(`${BASE}/v1/projects/:ref/functions/deploy`, async ({ request }) => {
        query = new URL(request.url).search;
        contentType = request.headers.get('content-type') ?? '';
        const form = await request.formData();
        parts = [];
        for (const [name, value] of form.entries()) {
          parts.push(typeof value === 'string' ? { name, kind: 'field', content: value } : { name, kind: 'file', filename: value.name, type: value.type, content: await value.text() });
        }
        return HttpResponse.json({ id: 'f1', slug: 'hello-world', name: 'hello-world', status: 'ACTIVE', version: 3 }, { status: 201 });
      }),
    );
    const deployed = await client.deployFunction({
      ref: REF,
      files: [
        { name: 'index.ts', content: 'import { greet } from "./greet.ts";\nDeno.serve(() => new Response(greet()));\n', type: 'application/typescript' },
        { name: 'greet.ts', content: new TextEncoder().encode('export const greet = () => "hi";\n') },
      ],
      metadata: { name: 'hello-world', entrypoint_path: 'index.ts', verify_jwt: true, static_patterns: ['assets/*'] },
    });
    expect(deployed).toMatchObject({ slug: 'hello-world', version: 3 });
    expect(query).toBe('?slug=hello-world');
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(parts).toEqual([
      { name: 'metadata', kind: 'field', content: '{"name":"hello-world","entrypoint_path":"index.ts","verify_jwt":true,"static_patterns":["assets/*"]}' },
      { name: 'file', kind: 'file', filename: 'index.ts', type: 'application/typescript', content: 'import { greet } from "./greet.ts";\nDeno.serve(() => new Response(greet()));\n' },
      { name: 'file', kind: 'file', filename: 'greet.ts', type: 'application/octet-stream', content: 'export const greet = () => "hi";\n' },
    ]);
  });
});

describe('binary bodies and answers', () => {
  it('sends an eszip bundle as application/vnd.denoland.eszip with the exact bytes', async () => {
    let received: { type: string | null; bytes: number[]; query: string } | undefined;
    server.use(
      http.post(`${BASE}/v1/projects/:ref/functions`, async ({ request }) => {
        received = { type: request.headers.get('content-type'), bytes: [...new Uint8Array(await request.arrayBuffer())], query: new URL(request.url).search };
        return HttpResponse.json({ id: 'f2', slug: 'zipped', name: 'zipped', status: 'ACTIVE', version: 1, created_at: 1, updated_at: 1 }, { status: 201 });
      }),
    );
    await client.createAFunction({ ref: REF, slug: 'zipped', verify_jwt: false, body: new Uint8Array([0x45, 0x53, 0x5a, 0x49, 0x50, 0x00, 0xff]) });
    expect(received).toEqual({ type: 'application/vnd.denoland.eszip', bytes: [0x45, 0x53, 0x5a, 0x49, 0x50, 0x00, 0xff], query: '?slug=zipped&verify_jwt=false' });
  });

  it('returns a function body as a Uint8Array of the exact bytes', async () => {
    server.use(http.get(`${BASE}/v1/projects/:ref/functions/:slug/body`, () => new HttpResponse(new Uint8Array([0, 159, 146, 150]), { headers: { 'content-type': 'application/octet-stream' } })));
    const body = await client.getAFunctionBody({ ref: REF, function_slug: 'hello' });
    expect(body).toBeInstanceOf(Uint8Array);
    expect([...body]).toEqual([0, 159, 146, 150]);
  });
});

describe('text answers', () => {
  it('returns a branch diff and action-run logs as strings, and the raw layer reads them as text', async () => {
    server.use(
      http.get(`${BASE}/v1/branches/:id/diff`, () => HttpResponse.text('alter table public.users add column age int;\n')),
      http.get(`${BASE}/v1/projects/:ref/actions/:run/logs`, () => HttpResponse.text('[clone] done\n[migrate] done\n')),
    );
    expect(await client.diffABranch({ branch_id_or_ref: REF })).toBe('alter table public.users add column age int;\n');
    expect(await client.getActionRunLogs({ ref: REF, run_id: 'run-1' })).toBe('[clone] done\n[migrate] done\n');
    const { data } = await client.raw.GET('/v1/branches/{branch_id_or_ref}/diff', { params: { path: { branch_id_or_ref: REF } }, parseAs: 'text' });
    expect(data).toBe('alter table public.users add column age int;\n');
  });
});

describe('OAuth', () => {
  it('exchanges a code with a form-encoded body and reads the 201 token answer', async () => {
    let received: { type: string | null; body: string } | undefined;
    server.use(
      http.post(`${BASE}/v1/oauth/token`, async ({ request }) => {
        received = { type: request.headers.get('content-type'), body: await request.text() };
        return HttpResponse.json({ access_token: 'sbp_oauth_access', refresh_token: 'r1', expires_in: 3600, token_type: 'Bearer' }, { status: 201 });
      }),
    );
    const tokens = await client.exchangeOauthToken({
      body: { grant_type: 'authorization_code', code: 'c0de', client_id: '00000000-0000-4000-8000-000000000042', client_secret: 's3cret', redirect_uri: 'https://app.example/callback', code_verifier: 'v' },
    });
    expect(tokens).toEqual({ access_token: 'sbp_oauth_access', refresh_token: 'r1', expires_in: 3600, token_type: 'Bearer' });
    expect(received?.type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(received!.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'c0de',
      client_id: '00000000-0000-4000-8000-000000000042',
      client_secret: 's3cret',
      redirect_uri: 'https://app.example/callback',
      code_verifier: 'v',
    });
  });

  it('resolves to undefined on the 204 of a token revocation', async () => {
    server.use(http.post(`${BASE}/v1/oauth/revoke`, () => new HttpResponse(null, { status: 204 })));
    await expect(client.revokeToken({ body: { client_id: 'c', client_secret: 's', refresh_token: 'r' } })).resolves.toBeUndefined();
  });
});

describe('201 and 204 answers', () => {
  it('reads a 201 JSON answer and resolves an empty 201 or 204 to undefined', async () => {
    server.use(
      http.post(`${BASE}/v1/projects/:ref/network-bans/retrieve`, () => HttpResponse.json({ banned_ipv4_addresses: ['203.0.113.7'] }, { status: 201 })),
      http.post(`${BASE}/v1/projects/:ref/secrets`, () => new HttpResponse(null, { status: 201 })),
      http.patch(`${BASE}/v1/projects/:ref/config/realtime`, () => new HttpResponse(null, { status: 204 })),
    );
    expect(await client.listAllNetworkBans({ ref: REF })).toEqual({ banned_ipv4_addresses: ['203.0.113.7'] });
    expect(await client.bulkCreateSecrets({ ref: REF, body: [{ name: 'A', value: 'b' }] })).toBeUndefined();
    expect(await client.updateRealtimeConfig({ ref: REF, body: {} })).toBeUndefined();
  });
});

describe('branch_id_or_ref', () => {
  it('accepts a project ref and a UUID, and percent-encodes anything that could change the route', async () => {
    const paths: string[] = [];
    server.use(
      http.get(`${BASE}/v1/branches/:id`, ({ request }) => {
        paths.push(new URL(request.url).pathname);
        return HttpResponse.json({ ref: REF, postgres_version: '17', postgres_engine: '17', release_channel: 'ga', status: 'ACTIVE_HEALTHY', db_host: 'h', db_port: 5432 });
      }),
    );
    await client.getABranchConfig({ branch_id_or_ref: REF });
    await client.getABranchConfig({ branch_id_or_ref: '0b7e1a52-3f7e-4c4a-9d8e-2f1c7e5b9a10' });
    await client.getABranchConfig({ branch_id_or_ref: '../projects?x=1#y' });
    expect(paths).toEqual([`/v1/branches/${REF}`, '/v1/branches/0b7e1a52-3f7e-4c4a-9d8e-2f1c7e5b9a10', '/v1/branches/..%2Fprojects%3Fx%3D1%23y']);
  });

  it('refuses an empty, `.` or `..` value before sending anything', async () => {
    await expect(client.getABranchConfig({ branch_id_or_ref: '..' })).rejects.toThrow('may not be ".."');
    await expect(client.getABranchConfig({ branch_id_or_ref: '' })).rejects.toThrow('may not be ""');
  });
});
