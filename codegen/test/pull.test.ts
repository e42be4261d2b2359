// `pnpm schemas:pull` against a local server standing in for the providers: it saves what it downloads and
// reports operations and types added and removed. No test here touches the network.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../lib/load-document.mjs';
import { runPull } from '../lib/run-pull.mjs';
import { captureIo, fixturesDir } from './helpers';

const fixture = (name: string) => path.join(fixturesDir, name);
// Served as JSON, the way the providers publish it.
const publishedSpec = JSON.stringify(loadDocument(fixture('quirks.openapi.yaml')));
const introspection = introspectionFromSchema(buildSchema(fs.readFileSync(fixture('pull-served.graphql'), 'utf8')));

const requests: { url: string; authorization: string | undefined }[] = [];
let server: http.Server;
let base: string;
let outDir: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    requests.push({ url: request.url ?? '', authorization: request.headers.authorization });
    if (request.method === 'GET' && request.url === '/openapi.json') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(publishedSpec);
    } else if (request.method === 'POST' && request.url === '/graphql') {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const ok = JSON.parse(body).query.includes('__schema');
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ok ? { data: introspection } : { errors: [{ message: 'bad' }] }));
      });
    } else {
      response.writeHead(404).end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-pull-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('schemas:pull for an OpenAPI provider', () => {
  it('saves the document and reports added, removed and changed operations', async () => {
    const out = path.join(outDir, 'supabase.json');
    const { io, out: lines } = captureIo();
    const code = await runPull(['supabase', '--url', `${base}/openapi.json`, '--out', out, '--against', fixture('pull-current.openapi.yaml')], io);
    expect(code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(publishedSpec);
    const report = lines.join('\n');
    expect(report).toMatch(/Operations added by the provider \(3\):/);
    expect(report).toContain('DELETE /v1/projects/{ref}/custom-hostname  v1-Delete hostname config');
    expect(report).toContain('GET /v1/projects/{ref}/functions/{function_slug}/body  v1-get-a-function-body');
    expect(report).toContain('POST /v1/projects/{ref}/functions  v1-create-a-function');
    expect(report).toMatch(/Operations the provider no longer has \(1\):\n {2}GET \/v1\/widgets {2}v1-list-widgets/);
    expect(report).toContain('GET /v1/branches/{branch_id}/diff  v1-diff-a-branch');
    expect(report).toContain('    + header Idempotency-Key (optional string)');
    expect(report).toContain('    - query pgdelta');
    expect(report).toContain('    ~ query included_schemas: required string -> optional string');
    expect(report).not.toContain('v1-get-hostname-config');
  });

  it('sends a bearer token only when one is given', async () => {
    requests.length = 0;
    const against = ['--against', fixture('pull-current.openapi.yaml'), '--out', path.join(outDir, 'c.json')];
    await runPull(['cockroach', '--url', `${base}/openapi.json`, ...against], captureIo().io);
    await runPull(['cockroach', '--url', `${base}/openapi.json`, '--token', 't0k', ...against], captureIo().io);
    expect(requests.map((r) => r.authorization)).toEqual([undefined, 'Bearer t0k']);
  });

  it('fails with the status and URL when the download fails', async () => {
    const { io, err } = captureIo();
    expect(await runPull(['supabase', '--url', `${base}/missing`, '--out', path.join(outDir, 'x.json')], io)).toBe(1);
    expect(err.join('\n')).toContain(`${base}/missing answered 404`);
  });

  it('refuses to overwrite the hand-written schema', async () => {
    const { io, err } = captureIo();
    const authored = path.join(fixturesDir, '..', '..', '..', 'schemas', 'supabase-mgmt.openapi.yaml');
    const before = fs.readFileSync(authored, 'utf8');
    expect(await runPull(['supabase', '--url', `${base}/openapi.json`, '--out', authored], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Refusing to overwrite schemas\/supabase-mgmt\.openapi\.yaml/);
    expect(fs.readFileSync(authored, 'utf8')).toBe(before);
  });
});

describe('schemas:pull for a GraphQL provider', () => {
  it('introspects with the provider token scheme, saves SDL and reports type and field changes', async () => {
    requests.length = 0;
    const out = path.join(outDir, 'prefect.graphql');
    const { io, out: lines } = captureIo();
    const env = { PREFECT__CLOUD__API_KEY: 'pnu_test' };
    const code = await runPull(['prefect', '--url', `${base}/graphql`, '--out', out, '--against', fixture('pull-current.graphql')], { ...io, env });
    expect(code).toBe(0);
    expect(requests[0]?.authorization).toBe('Bearer pnu_test');
    expect(fs.readFileSync(out, 'utf8')).toMatch(/type WorkPool \{/);
    const report = lines.join('\n');
    expect(report).toMatch(/Types added by the provider \(1\):\n {2}WorkPool/);
    expect(report).toMatch(/Types the provider no longer has \(1\):\n {2}Agent/);
    expect(report).toContain('Flow\n    + labels\n    - archived');
    expect(report).toContain('Query\n    + workPools\n    - legacyAgents');
    expect(report).toContain('RunState\n    + CANCELLED');
  });

  it('uses the pat scheme for Hasura', async () => {
    requests.length = 0;
    const args = ['hasura', '--url', `${base}/graphql`, '--token', 'hasura-pat', '--out', path.join(outDir, 'h.graphql'), '--against', fixture('pull-current.graphql')];
    expect(await runPull(args, captureIo().io)).toBe(0);
    expect(requests[0]?.authorization).toBe('pat hasura-pat');
  });

  it('asks for a token instead of introspecting anonymously', async () => {
    const { io, err } = captureIo();
    expect(await runPull(['hasura', '--url', `${base}/graphql`], { ...io, env: {} })).toBe(2);
    expect(err.join('\n')).toContain('set HASURA_CLOUD_ACCESS_TOKEN or pass --token');
  });
});

describe('schemas:pull arguments', () => {
  it('prints usage for an unknown provider', async () => {
    const { io, err } = captureIo();
    expect(await runPull(['stripe'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/usage: pnpm schemas:pull <supabase\|cockroach\|hasura\|prefect>/);
  });
});
