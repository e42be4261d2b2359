// rate_limit: a server allowing 20 requests per 1-second fixed window (429 past it, `X-RateLimit-*` on every
// answer, the reset in seconds remaining); 600 requests from 20 concurrent callers through one client. Ours is the
// core transport with default options (what every provider client is built on); the baseline is a naive client
// that sends at once and, on a 429, waits for the reset the server names and tries again (at most 5 times).
import { createTransport } from '@x/core';
import { atLeast, atMost, now, sectionResult } from '../lib/measure.mjs';
import { startServer } from '../lib/server.mjs';

const LIMIT = 20;
const WINDOW_MS = 1_000;
const CALLERS = 20;

export async function rateLimit({ quick, packages }) {
  const requests = quick ? 60 : 600;
  const server = await startServer('rate', { limit: LIMIT, windowMs: WINDOW_MS });
  try {
    const contenders = {
      ours: () => {
        const transport = createTransport({ provider: { name: 'bench', resetKind: 'seconds' }, auth: { token: 'bench-token' }, logLevel: 'off' });
        return (path) => transport.fetch(`${server.url}${path}`);
      },
      naive: () => naiveClient(server.url),
    };
    const supabase = packages['@x/supabase-mgmt'];
    if (supabase && !quick) {
      contenders.ours_supabase_mgmt = () => {
        const client = supabase.createSupabaseMgmtClient({ accessToken: 'bench-token', baseUrl: server.url, logLevel: 'off' });
        return (path) => client.raw.GET('/v1/projects/{ref}', { params: { path: { ref: path.split('/').pop() } } }).then(({ response }) => response);
      };
    }

    const figures = {};
    const targets = {};
    for (const [name, make] of Object.entries(contenders)) {
      await sleepUntilWindowsClear();
      await server.reset();
      const run = await drive(make(), requests);
      const seen = await server.stats();
      const idealMs = (Math.ceil(requests / LIMIT) - 1) * WINDOW_MS;
      figures[`${name}_failed`] = run.failed;
      figures[`${name}_429s`] = seen.limited;
      figures[`${name}_429_share_pct`] = (100 * seen.limited) / requests;
      figures[`${name}_elapsed_ms`] = run.elapsedMs;
      figures[`${name}_throughput_pct`] = (100 * idealMs) / run.elapsedMs;
      if (name !== 'naive') {
        targets[`${name}_failed`] = atMost(0);
        targets[`${name}_429_share_pct`] = atMost(1);
        targets[`${name}_throughput_pct`] = atLeast(90);
      }
    }
    return sectionResult({
      figures,
      targets,
      notes: [
        `${requests} GETs from ${CALLERS} concurrent callers through one client; the server allows ${LIMIT} per ${WINDOW_MS} ms window, counted from the first request of each window.`,
        `throughput_pct: the least time the server allows for ${requests} requests ((windows - 1) x ${WINDOW_MS} ms) over the time taken; 100 is the server's full rate.`,
        '429s are counted by the server; failed = calls that ended in an error or a non-2xx answer.',
      ],
    });
  } finally {
    await server.close();
  }
}

// Every run starts on a fresh server window.
const sleepUntilWindowsClear = () => new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 50));

async function drive(call, requests) {
  let next = 0;
  let failed = 0;
  const started = now();
  const caller = async () => {
    while (next < requests) {
      next += 1;
      try {
        const response = await call('/v1/projects/bench');
        if (!response.ok) failed += 1;
        if (!response.bodyUsed) await response.arrayBuffer();
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CALLERS }, caller));
  return { failed, elapsedMs: now() - started };
}

function naiveClient(baseUrl) {
  return async function call(path) {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: 'Bearer bench-token' } });
      if (response.status !== 429 || attempt === 5) return response;
      await response.arrayBuffer();
      const seconds = Number(response.headers.get('retry-after') ?? response.headers.get('x-ratelimit-reset') ?? 1);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  };
}
