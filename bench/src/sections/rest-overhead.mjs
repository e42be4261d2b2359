// rest_overhead: sequential GETs of one project on a loopback server that answers at once, through
// @x/supabase-mgmt's raw layer (`client.raw.GET`) and named layer (`client.getProject`) with default options,
// against bare openapi-fetch, bare fetch and supabase-management-js on the same server and the same call.
// The server's X-RateLimit-* headers grant a huge limit, so the client-side limiter (Supabase's published
// 120/min/endpoint by default) learns it as a user with a generous quota would see it.
import createClient from 'openapi-fetch';
import { SupabaseManagementAPI } from 'supabase-management-js';
import { atMost, chunkedRounds, median, sectionResult } from '../lib/measure.mjs';
import { need } from '../lib/packages.mjs';
import { startServer } from '../lib/server.mjs';

const REF = 'abcdefghijklmnopqrst';
const TOKEN = 'sbp_bench0000000000000000000000000000000000';
// Calls timed together: each round's calls in a row are timed in chunks of this many, and the figure is the median chunk.
const CHUNK = 250;

export async function restOverhead({ quick, packages, missing }) {
  const supabase = need(packages, missing, '@x/supabase-mgmt');
  const calls = quick ? 500 : 5_000;
  const rounds = quick ? 3 : 5;
  const server = await startServer('rest');
  try {
    const baseUrl = server.url;
    const ours = supabase.createSupabaseMgmtClient({ accessToken: TOKEN, baseUrl });
    const openapi = createClient({ baseUrl, headers: { authorization: `Bearer ${TOKEN}` } });
    const community = new SupabaseManagementAPI({ accessToken: TOKEN, baseUrl });
    const one = {
      fetch: async () => {
        const response = await fetch(`${baseUrl}/v1/projects/${REF}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        if (!response.ok) throw new Error(`fetch: ${response.status}`);
        return response.json();
      },
      openapi_fetch: async () => {
        const { data, error } = await openapi.GET('/v1/projects/{ref}', { params: { path: { ref: REF } } });
        if (error) throw new Error('openapi-fetch: error');
        return data;
      },
      // What a careful user of bare openapi-fetch writes to get the per-attempt timeout ours has by default (60 s).
      openapi_fetch_timed: async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          const { data, error } = await openapi.GET('/v1/projects/{ref}', { params: { path: { ref: REF } }, signal: controller.signal });
          if (error) throw new Error('openapi-fetch: error');
          return data;
        } finally {
          clearTimeout(timer);
        }
      },
      ours_raw: async () => {
        const { data, error } = await ours.raw.GET('/v1/projects/{ref}', { params: { path: { ref: REF } } });
        if (error) throw new Error('raw: error');
        return data;
      },
      ours_named: () => ours.getProject({ ref: REF }),
      supabase_management_js: async () => (await community.getProject(REF)).data,
    };
    for (const [name, call] of Object.entries(one)) {
      const data = await call();
      if (data?.ref !== REF) throw new Error(`${name} did not read the project back`);
    }
    await chunkedRounds(one, { calls, chunk: CHUNK, rounds: 1 }); // warm-up: JIT, connection pool
    const { wall, cpu } = await chunkedRounds(one, { calls, chunk: CHUNK, rounds });
    const figures = {};
    for (const name of Object.keys(wall)) figures[`${name}_us_per_call`] = median(wall[name]);
    for (const name of ['ours_raw', 'ours_named', 'supabase_management_js', 'fetch', 'openapi_fetch_timed']) figures[`${name}_vs_openapi_fetch`] = figures[`${name}_us_per_call`] / figures.openapi_fetch_us_per_call;
    // Like for like: bare openapi-fetch with the same per-attempt timeout (no target; the target is against the bare call).
    for (const name of ['ours_raw', 'ours_named']) figures[`${name}_vs_openapi_fetch_timed`] = figures[`${name}_us_per_call`] / figures.openapi_fetch_timed_us_per_call;
    // CPU time of this process per call: the client's own work, less sensitive to a busy machine than wall time.
    for (const name of Object.keys(cpu)) figures[`${name}_cpu_us_per_call`] = median(cpu[name]);
    for (const name of ['ours_raw', 'ours_named']) figures[`${name}_cpu_vs_openapi_fetch`] = figures[`${name}_cpu_us_per_call`] / figures.openapi_fetch_cpu_us_per_call;
    // The limit the client's limiter ended with: the server's, once learned (Supabase's published 120 otherwise).
    figures.ours_limiter_limit = Math.max(...(ours.transport.limiter?.snapshot() ?? []).map((bucket) => bucket.limit));
    figures.ours_rate_limited = ours.stats.rateLimited;
    Object.assign(figures, await inMemory(supabase, quick));
    return sectionResult({
      figures,
      targets: { ours_raw_vs_openapi_fetch: atMost(1.05), ours_named_vs_openapi_fetch: atMost(1.05) },
      notes: [
        'openapi_fetch_timed: bare openapi-fetch given the per-attempt timeout ours has by default (an AbortController, a 60 s timer cleared after the call); *_vs_openapi_fetch_timed compares like for like. No target.',
        '*_inmemory_*: the same calls with the network taken out (a fetch that answers a canned Response at once), CPU per call in this process: what each client itself costs, steadier than a loopback round trip on a busy machine. No target.',
        `${calls} sequential GET /v1/projects/{ref} per round per client, ${rounds} rounds interleaved; every ${CHUNK} calls in a row are timed on their own and the figure is the median of those chunks; the server runs in its own process.`,
        'The server sends X-RateLimit-Limit 1000000000 with a 60 s window (reset in seconds remaining), so the default limiter learns a generous limit.',
      ],
    });
  } finally {
    await server.close();
  }
}

// The client's own cost per call: every contender gets a fetch answering the same canned Response at once.
async function inMemory(supabase, quick) {
  const body = JSON.stringify({ id: REF, ref: REF, organization_id: 'org_bench', name: 'bench project', region: 'us-east-1', status: 'ACTIVE_HEALTHY' });
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length), 'x-ratelimit-limit': '1000000000', 'x-ratelimit-remaining': '999999999', 'x-ratelimit-reset': '30' };
  const canned = async () => new Response(body, { status: 200, headers });
  const baseUrl = 'http://127.0.0.1:9';
  const ours = supabase.createSupabaseMgmtClient({ accessToken: TOKEN, baseUrl, fetch: canned });
  const openapi = createClient({ baseUrl, headers: { authorization: `Bearer ${TOKEN}` }, fetch: canned });
  const calls = quick ? 5_000 : 20_000;
  const one = {
    openapi_fetch: () => openapi.GET('/v1/projects/{ref}', { params: { path: { ref: REF } } }),
    ours_raw: () => ours.raw.GET('/v1/projects/{ref}', { params: { path: { ref: REF } } }),
    ours_named: () => ours.getProject({ ref: REF }),
  };
  await chunkedRounds(one, { calls, chunk: 1_000, rounds: 1 });
  const { cpu } = await chunkedRounds(one, { calls, chunk: 1_000, rounds: quick ? 3 : 7 });
  const figures = {};
  for (const name of Object.keys(one)) figures[`${name}_inmemory_cpu_us_per_call`] = median(cpu[name]);
  for (const name of ['ours_raw', 'ours_named']) figures[`${name}_inmemory_extra_cpu_us`] = figures[`${name}_inmemory_cpu_us_per_call`] - figures.openapi_fetch_inmemory_cpu_us_per_call;
  return figures;
}
