// A loopback HTTP server (node:http, 127.0.0.1, a free port) run in its own process, so the server's work never
// shares the event loop or the heap with the client being measured. Started by ../lib/server.mjs with a kind and
// options; it reports its port over IPC. Every kind keeps counters, read at GET /__stats and zeroed by POST /__reset.
import http from 'node:http';
import { fixedWindow } from './fixed-window.mjs';

const [kind, rawOptions = '{}'] = process.argv.slice(2);
const options = JSON.parse(rawOptions);
const stats = { requests: 0, ok: 0, limited: 0 };

const project = (ref) => ({
  id: ref,
  ref,
  organization_id: 'org_bench',
  name: 'bench project',
  region: 'us-east-1',
  created_at: '2024-01-01T00:00:00.000Z',
  status: 'ACTIVE_HEALTHY',
  database: { host: `db.${ref}.supabase.co`, version: '15.1.0.117', postgres_engine: '15', release_channel: 'ga' },
});

function send(response, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function readBody(request) {
  return new Promise((resolve) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

// Headers of a window that allows far more than any run sends: the limiter learns a generous limit, as a user
// with a high quota would see it. The reset counts seconds remaining, as Supabase's does.
const generous = fixedWindow(options.limit ?? 1_000_000_000, options.windowMs ?? 60_000);

const handlers = {
  /** The Supabase Management API's `GET /v1/projects/{ref}`, answering at once. */
  rest(request, response, url) {
    const match = /^\/v1\/projects\/([^/]+)$/.exec(url.pathname);
    if (request.method !== 'GET' || !match) return send(response, 404, { message: 'not found' });
    const verdict = generous.take();
    stats.ok += 1;
    send(response, 200, project(decodeURIComponent(match[1])), verdict.headers);
  },

  /** A GraphQL endpoint answering every operation with the canned `data` it was started with. */
  async graphql(request, response, url) {
    if (request.method !== 'POST' || url.pathname !== (options.path ?? '/v1/graphql')) return send(response, 404, { message: 'not found' });
    const body = JSON.parse(await readBody(request));
    const name = body.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body.query ?? '')?.[1];
    const data = options.answers?.[name] ?? options.data;
    if (!data) return send(response, 200, { errors: [{ message: `no answer for operation ${name}` }] });
    stats.ok += 1;
    send(response, 200, { data });
  },

  /** Offset pages of synthetic items: `GET /items?offset=&limit=&delay=` (delay in ms before answering). */
  pages(request, response, url) {
    if (url.pathname !== '/items') return send(response, 404, { message: 'not found' });
    const total = Number(url.searchParams.get('total') ?? options.total ?? 20_000);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const delay = Number(url.searchParams.get('delay') ?? options.delayMs ?? 0);
    const items = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push({ id: `item_${i}`, name: `Item number ${i}`, index: i, tags: ['bench', 'page'] });
    stats.ok += 1;
    const answer = () => send(response, 200, { items, total });
    if (delay > 0) setTimeout(answer, delay);
    else answer();
  },

  /** A strict fixed window (`limit` per `windowMs` for everyone), 429 past it, `X-RateLimit-*` on every answer. */
  rate: (() => {
    const window = fixedWindow(options.limit ?? 20, options.windowMs ?? 1_000);
    return (request, response) => {
      const verdict = window.take();
      if (!verdict.allowed) {
        stats.limited += 1;
        return send(response, 429, { message: 'Too many requests' }, verdict.headers);
      }
      stats.ok += 1;
      send(response, 200, { ok: true, at: Date.now() }, verdict.headers);
    };
  })(),
};

const handler = handlers[kind];
if (!handler) throw new Error(`Unknown server kind ${kind}`);

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/__stats') return send(response, 200, stats);
  if (url.pathname === '/__reset') {
    stats.requests = stats.ok = stats.limited = 0;
    generous.reset();
    return send(response, 200, { ok: true });
  }
  stats.requests += 1;
  Promise.resolve(handler(request, response, url)).catch((error) => send(response, 500, { message: String(error) }));
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
