// The built package, loaded the way users load it: a real require() of the CommonJS build, an import() of the ESM
// build, and Node resolving `@x/core` and `@x/core/testing` through the exports map in a separate process.
// turbo runs `build` before `test`; run `pnpm exec tsup` first when calling vitest by hand.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../src/index';
import * as sourceTesting from '../src/testing/index';

const require = createRequire(import.meta.url);
const dist = (path: string) => fileURLToPath(new URL(`../dist/${path}`, import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

type Core = typeof source;
type Testing = typeof sourceTesting;

const loaded = {
  cjs: () => require(dist('index.js')) as Core,
  esm: () => import(dist('index.mjs')) as Promise<Core>,
  cjsTesting: () => require(dist('testing/index.js')) as Testing,
  esmTesting: () => import(dist('testing/index.mjs')) as Promise<Testing>,
};

async function tinyRequest(core: Core) {
  const seen: Request[] = [];
  const transport = core.createTransport({
    provider: { name: 'dist' },
    auth: { token: 'dist-token-0001' },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push(request);
      return seen.length === 1 ? Response.json({ message: 'busy' }, { status: 503 }) : Response.json({ ok: true });
    },
    clock: { now: () => 0, setTimeout: (callback: () => void) => setTimeout(callback, 0), clearTimeout: (handle: unknown) => clearTimeout(handle as NodeJS.Timeout) },
    logLevel: 'off',
  });
  const response = await transport.fetch('https://api.example.test/v1/ping');
  return { body: await response.json(), attempts: seen.length, authorization: seen[0]?.headers.get('authorization') };
}

describe('the built package', () => {
  it('exists, with separate declarations for require and import', () => {
    for (const file of ['index.js', 'index.mjs', 'index.d.ts', 'index.d.mts', 'testing/index.js', 'testing/index.mjs', 'testing/index.d.ts', 'testing/index.d.mts']) {
      expect(existsSync(dist(file)), `dist/${file} is missing: build the package first`).toBe(true);
    }
  });

  it('exposes the same exports through require() and import(), and exactly those of src/index.ts', async () => {
    const cjs = Object.keys(loaded.cjs()).sort();
    const esm = Object.keys(await loaded.esm()).filter((key) => key !== 'default').sort();
    expect(cjs).toEqual(esm);
    expect(cjs).toEqual(Object.keys(source).sort());
  });

  it('exposes the same testing exports through require() and import()', async () => {
    const cjs = Object.keys(loaded.cjsTesting()).sort();
    const esm = Object.keys(await loaded.esmTesting()).filter((key) => key !== 'default').sort();
    expect(cjs).toEqual(esm);
    expect(cjs).toEqual(Object.keys(sourceTesting).sort());
  });

  it.each(['cjs', 'esm'] as const)('sends a tiny request through createTransport with a custom fetch (%s build)', async (kind) => {
    const core = kind === 'cjs' ? loaded.cjs() : await loaded.esm();
    expect(await tinyRequest(core)).toEqual({ body: { ok: true }, attempts: 2, authorization: 'Bearer dist-token-0001' });
  });

  it.each(['cjs', 'esm'] as const)('builds typed errors that are instances of their own build\'s classes (%s build)', async (kind) => {
    const core = kind === 'cjs' ? loaded.cjs() : await loaded.esm();
    const error = core.makeAPIError({ status: 404, provider: 'dist' });
    expect(error).toBeInstanceOf(core.NotFoundError);
    expect(error).toBeInstanceOf(core.XError);
    expect(error.name).toBe('NotFoundError');
  });

  it.each(['cjs', 'esm'] as const)('runs the testing kit against the core of the same build (%s build)', async (kind) => {
    const core = kind === 'cjs' ? loaded.cjs() : await loaded.esm();
    const testing = kind === 'cjs' ? loaded.cjsTesting() : await loaded.esmTesting();
    const clock = new testing.VirtualClock({ auto: true });
    const faulty = testing.createFaultyFetch([testing.faults.retryAfterSeconds(30)], { clock });
    const transport = core.createTransport({ provider: { name: 'dist' }, auth: { token: 'dist-token-0001' }, fetch: faulty.fetch, clock, logLevel: 'off' });
    expect((await transport.fetch('https://api.example.test/v1/ping')).status).toBe(200);
    expect(faulty.calls).toHaveLength(2);
    expect(clock.elapsed).toBeGreaterThanOrEqual(30_000);
    clock.stop();
  });

  it('resolves @x/core and @x/core/testing through the exports map from plain Node, both ways', () => {
    const script = `
      const cjs = require('@x/core');
      const cjsTesting = require('@x/core/testing');
      import('@x/core').then(async (esm) => {
        const esmTesting = await import('@x/core/testing');
        console.log(JSON.stringify({
          cjs: Object.keys(cjs).length, esm: Object.keys(esm).filter((k) => k !== 'default').length,
          testing: Object.keys(cjsTesting).length === Object.keys(esmTesting).filter((k) => k !== 'default').length,
          transport: typeof cjs.createTransport === 'function' && typeof esm.createTransport === 'function',
        }));
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' })) as { cjs: number; esm: number; testing: boolean; transport: boolean };
    expect(out).toEqual({ cjs: Object.keys(source).length, esm: Object.keys(source).length, testing: true, transport: true });
  });

  it('loads without loading the platform fetch, so a script that sends nothing pays nothing for it (CJS and ESM)', () => {
    const loaded = (code: string, type: string[] = []) =>
      execFileSync(process.execPath, [...type, '-e', `${code}; console.log(JSON.stringify(process.moduleLoadList.filter((m) => m.includes('undici'))))`], { cwd: root, encoding: 'utf8' }).trim();
    expect(loaded("require('@x/core')")).toBe('[]');
    expect(loaded("await import('@x/core')", ['--input-type=module'])).toBe('[]');
    // The check itself can fail: touching Response does load it.
    expect(loaded("require('@x/core'); void Response")).not.toBe('[]');
  });

  it('keeps the attempt timeout alive through garbage collection while the platform fetch waits on a silent server', () => {
    // undici lets a Request's signal follow ours through a weak reference; a GC mid-flight used to drop the timeout.
    const script = `
      const http = require('node:http');
      const { createTransport } = require('@x/core');
      const server = http.createServer(() => {});
      server.listen(0, '127.0.0.1', async () => {
        const url = 'http://127.0.0.1:' + server.address().port + '/v1/slow';
        const transport = createTransport({ provider: { name: 'gc' }, auth: { token: 'gc-token-0001' }, timeoutMs: 300, retry: { maxRetries: 0 }, logLevel: 'off' });
        const started = Date.now();
        const pending = transport.fetch(url).then(() => 'answered', (error) => error.name);
        for (let i = 0; i < 5; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
        const outcome = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still waiting'), 3000).unref())]);
        console.log(JSON.stringify({ outcome, ms: Date.now() - started }));
        server.closeAllConnections();
        server.close();
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '-e', script], { cwd: root, encoding: 'utf8', timeout: 10_000 })) as { outcome: string; ms: number };
    expect(out.outcome).toBe('TimeoutError');
    expect(out.ms).toBeLessThan(2_000);
  });

  it('lets a script exit as soon as its work is done: no timer outlives a request, retries included', () => {
    const script = `
      const { createTransport } = require('@x/core');
      let n = 0;
      const fetch = async () => (++n === 1 ? new Response('busy', { status: 503 }) : Response.json({ ok: true }));
      const transport = createTransport({ provider: { name: 'exit' }, auth: { token: 'exit-token-0001' }, fetch, deadlineMs: 300000, logLevel: 'off' });
      const started = Date.now();
      transport.fetch('https://api.example.test/v1/ping').then((r) => { process.on('exit', () => console.log(JSON.stringify({ status: r.status, ms: Date.now() - started }))); });`;
    const started = Date.now();
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: 10_000 })) as { status: number; ms: number };
    expect(out.status).toBe(200);
    // One backoff (at most 500 ms), then exit: nothing waits on the 60 s attempt timeout or the 5 min deadline.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
