// A seeded fuzz: more than 10,000 malformed answers and connection failures through the four clients' named methods.
// Every case gets its own client, virtual clock and PRNG stream (seed + case number), so any failure replays alone:
// RELIABILITY_SEED=<seed> RELIABILITY_CASE=<n> pnpm --filter @x/reliability test fuzz
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { XError } from '@x/core';
import { VirtualClock } from '@x/core/testing';
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';
import { createCockroachCloudClient } from '@x/cockroach-cloud';
import { asProjectId, asTenantId, createHasuraCloudClient } from '@x/hasura-cloud';
import { createPrefectCloudClient } from '@x/prefect-cloud';
import { createFuzzFetch, newFuzzStats, type FuzzStats } from './support/fuzz-fetch';
import { Prng } from './support/prng';
import { printTally, tally } from './support/tally';
import type { Kind } from './support/world';

const SEED = Number(process.env.RELIABILITY_SEED ?? 0x5eed);
const ONLY = process.env.RELIABILITY_CASE === undefined ? undefined : Number(process.env.RELIABILITY_CASE);
const CASES = 10_000;
const CONCURRENCY = 24;
/** Per-attempt timeout and whole-call deadline, in virtual ms. */
const TIMEOUT_MS = 100;
const DEADLINE_MS = 2_000;
/** Real time any single case may take before it counts as a hang. */
const HANG_MS = 10_000;
const KINDS: readonly Kind[] = ['supabase', 'cockroach', 'hasura', 'prefect'];

const CLIENT_OPTIONS = {
  timeoutMs: TIMEOUT_MS,
  deadlineMs: DEADLINE_MS,
  retry: { maxRetries: 2, baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 500 },
  logLevel: 'off' as const,
};

type Call = (client: never, signal: AbortSignal) => Promise<unknown>;

// The named methods the fuzz drives, per client: reads, lists and creates.
const METHODS: Record<Kind, Record<string, Call>> = {
  supabase: {
    getProject: (c: ReturnType<typeof createSupabaseMgmtClient>) => c.getProject({ ref: 'abcdefghijklmnopqrst' }),
    listAllProjects: (c: ReturnType<typeof createSupabaseMgmtClient>) => c.listAllProjects(),
    createAProject: (c: ReturnType<typeof createSupabaseMgmtClient>) => c.createAProject({ body: { name: 'fuzz', organization_slug: 'acme', db_pass: 'fuzz-db-password' } }),
    getProjectApiKeys: (c: ReturnType<typeof createSupabaseMgmtClient>) => c.getProjectApiKeys({ ref: 'abcdefghijklmnopqrst' }),
  } as Record<string, Call>,
  cockroach: {
    getCluster: (c: ReturnType<typeof createCockroachCloudClient>) => c.getCluster({ cluster_id: '00000000-0000-4000-8000-000000000001' }),
    listClusters: (c: ReturnType<typeof createCockroachCloudClient>) => c.listClusters(),
    createCluster: (c: ReturnType<typeof createCockroachCloudClient>) => c.createCluster({ body: { name: 'fuzz', provider: 'GCP', spec: { serverless: { regions: ['us-central1'] } } } }),
    deleteCluster: (c: ReturnType<typeof createCockroachCloudClient>) => c.deleteCluster({ cluster_id: '00000000-0000-4000-8000-000000000001' }),
  } as Record<string, Call>,
  hasura: {
    getProject: (c: ReturnType<typeof createHasuraCloudClient>) => c.getProject(asProjectId('6f1c9e2a-0000-4000-8000-000000000001')),
    getTenant: (c: ReturnType<typeof createHasuraCloudClient>) => c.getTenant(asTenantId('7a2d0f3b-0000-4000-8000-000000000001')),
    listEgressIps: (c: ReturnType<typeof createHasuraCloudClient>) => c.listEgressIps(),
    createTenant: (c: ReturnType<typeof createHasuraCloudClient>) => c.raw.CreateTenant({ cloud: 'aws', region: 'us-east-2', name: 'fuzz' }),
  } as Record<string, Call>,
  prefect: {
    getFlow: (c: ReturnType<typeof createPrefectCloudClient>) => c.getFlow('flow-1'),
    getFlowRunState: (c: ReturnType<typeof createPrefectCloudClient>) => c.getFlowRunState('run-1'),
    listSecretNames: (c: ReturnType<typeof createPrefectCloudClient>) => c.listSecretNames(),
    createFlowRun: (c: ReturnType<typeof createPrefectCloudClient>) => c.createFlowRun({ flowId: 'flow-1' }),
  } as Record<string, Call>,
};

function makeClient(kind: Kind, fetch: ReturnType<typeof createFuzzFetch>, clock: VirtualClock): unknown {
  const options = { ...CLIENT_OPTIONS, fetch, clock };
  switch (kind) {
    case 'supabase':
      return createSupabaseMgmtClient({ accessToken: 'sbp_fuzz_token_000000', ...options });
    case 'cockroach':
      return createCockroachCloudClient({ apiKey: 'ccdb_fuzz_key_000000', ...options });
    case 'hasura':
      return createHasuraCloudClient({ accessToken: 'hasura_fuzz_token_0000', ...options });
    case 'prefect':
      return createPrefectCloudClient({ apiKey: 'pcu_fuzz_key_000000000', tenantId: 'tenant-1', ...options });
  }
}

interface CaseResult {
  index: number;
  kind: Kind;
  method: string;
  outcome: string;
  virtualMs: number;
  problem?: string;
  trace: string[];
}

async function runCase(index: number, stats: FuzzStats): Promise<CaseResult> {
  const rng = new Prng((SEED ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const kind = KINDS[index % KINDS.length]!;
  const methods = METHODS[kind];
  const method = rng.pick(Object.keys(methods));
  // Each case has its own clock: it jumps to the case's next timer as soon as the case is idle, and the case's
  // virtual time is exactly what its deadline counts.
  const clock = new VirtualClock({ auto: true });
  const trace: string[] = [];
  const fetch = createFuzzFetch(rng, { graphql: kind === 'hasura' || kind === 'prefect', now: () => clock.now(), stats, trace });
  const client = makeClient(kind, fetch, clock);
  const controller = new AbortController();
  const started = clock.now();
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    watchdog = setTimeout(() => resolve('hang'), HANG_MS);
  });
  try {
    const settled = await Promise.race([
      methods[method]!(client as never, controller.signal).then(
        () => ({ ok: true as const }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      hang,
    ]);
    const virtualMs = clock.now() - started;
    if (settled === 'hang') return { index, kind, method, outcome: 'hang', virtualMs, problem: `no answer after ${HANG_MS} ms of real time`, trace };
    const outcome = settled.ok ? 'data' : settled.error instanceof Error ? settled.error.name : typeof settled.error;
    if (virtualMs > DEADLINE_MS) return { index, kind, method, outcome, virtualMs, problem: `settled after ${virtualMs} ms, past the ${DEADLINE_MS} ms deadline`, trace };
    if (settled.ok) return { index, kind, method, outcome, virtualMs, trace };
    const error = settled.error;
    if (!(error instanceof XError)) return { index, kind, method, outcome, virtualMs, problem: `untyped error: ${inspect(error).slice(0, 300)}`, trace };
    if (typeof error.message !== 'string' || error.message.length === 0 || error.message.length > 2_000) return { index, kind, method, outcome, virtualMs, problem: `message of ${error.message?.length} characters`, trace };
    JSON.stringify(error);
    inspect(error);
    return { index, kind, method, outcome, virtualMs, trace };
  } catch (error) {
    return { index, kind, method, outcome: 'crash', virtualMs: clock.now() - started, problem: `the check itself threw: ${inspect(error).slice(0, 300)}`, trace };
  } finally {
    clearTimeout(watchdog);
    controller.abort();
    clock.stop();
  }
}

/**
 * Problems already shown by a focused failing test elsewhere, so the fuzz keeps watching for new kinds. Each entry
 * names that test; delete the entry once the bug is fixed, and the fuzz holds the line from then on.
 */
const KNOWN_BUGS: Array<{ bug: string; test: string; matches: (result: CaseResult) => boolean }> = [];

afterAll(() => printTally(`Fuzz (seed ${SEED})`));

describe('seeded fuzz of malformed answers', () => {
  it(`every one of ${CASES} calls over more than 10,000 malformed answers ends in data or a typed error within its deadline, with no unhandled rejection and no hang`, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const stats = newFuzzStats();
    const results: CaseResult[] = [];
    const started = Date.now();
    try {
      const indexes = ONLY === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY];
      let next = 0;
      const worker = async () => {
        while (next < indexes.length) results.push(await runCase(indexes[next++]!, stats));
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      // Rejections surface a turn later: give them the chance.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    const realMs = Date.now() - started;
    for (const result of results) tally(`${result.kind} calls (${Object.keys(METHODS[result.kind]).join(', ')})`, result.outcome);
    for (const [action, count] of stats.byAction) tally(`answers sent (${stats.responses})`, action, count);
    const known = (result: CaseResult) => KNOWN_BUGS.find((entry) => entry.matches(result));
    for (const result of results) {
      const entry = result.problem ? known(result) : undefined;
      if (entry) tally(`known bug: ${entry.bug}`, result.outcome);
    }
    const problems = results.filter((r) => r.problem && !known(r));
    if (process.env.RELIABILITY_DEBUG) {
      const groups = new Map<string, CaseResult[]>();
      for (const p of problems) {
        const key = `${p.kind} ${p.outcome}: ${p.problem!.split('\n')[0]!.replace(/\d+/g, 'N').slice(0, 120)}`;
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const [key, list] of groups) console.log(`${list.length} x ${key}\n   e.g. case ${list[0]!.index} ${list[0]!.method}: ${list[0]!.trace.join(' | ').slice(0, 600)}`);
    }
    const report = problems.slice(0, 5).map((p) => `case ${p.index} (${p.kind} ${p.method}) -> ${p.outcome} after ${p.virtualMs} virtual ms: ${p.problem}\n    answers: ${p.trace.join(' | ')}`);
    expect(report, `seed ${SEED}: ${problems.length} problem cases (replay one with RELIABILITY_SEED=${SEED} RELIABILITY_CASE=<n>)`).toEqual([]);
    expect(unhandled.map((reason) => inspect(reason).slice(0, 200))).toEqual([]);
    expect(results).toHaveLength(ONLY === undefined ? CASES : 1);
    if (ONLY === undefined) expect(stats.responses).toBeGreaterThanOrEqual(10_000);
    // The loop is bounded in real time too (each case separately by HANG_MS).
    expect(realMs).toBeLessThan(90_000);
  }, 100_000);
});
