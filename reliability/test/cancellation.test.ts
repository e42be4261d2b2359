// Cancellation at every phase, through the real clients and their simulators: in flight, in backoff (the
// transport's and the GraphQL retry codes'), queued in the limiter, between pages and while a waiter polls. The
// clock is manual, so each call stays in the phase under test until the abort; the call must then settle within
// 50 ms (real time) with an AbortError and leave no timer behind on the clock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { AbortError, XError } from '@x/core';
import { faults, VirtualClock } from '@x/core/testing';
import type { SupabaseMgmtClient } from '@x/supabase-mgmt';
import type { createSupabaseSimulator } from '@x/supabase-mgmt/testing';
import type { CockroachCloudClient } from '@x/cockroach-cloud';
import type { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { asTenantId, type HasuraCloudClient } from '@x/hasura-cloud';
import type { createHasuraSimulator } from '@x/hasura-cloud/testing';
import type { PrefectCloudClient } from '@x/prefect-cloud';
import type { createPrefectSimulator } from '@x/prefect-cloud/testing';
import { createWorld, KINDS, type Kind, type World } from './support/world';
import { printTally, tally } from './support/tally';

const SETTLE_MS = 50;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  printTally('Cancellation (phase x client)');
});

/** Waits (in real time) until `condition` holds; fails after 3 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 3_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * Starts `call`, waits until `inPhase` says it is where the test wants it, aborts, and checks the call settles
 * within 50 ms with an AbortError and no timer left on the clock.
 */
async function abortDuring(scenario: string, world: World, call: (signal: AbortSignal) => Promise<unknown>, inPhase: () => boolean, phase: string): Promise<void> {
  const controller = new AbortController();
  let settledAt = 0;
  const outcome = call(controller.signal).then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  void outcome.then(() => (settledAt = performance.now()));
  await until(() => inPhase() || settledAt > 0, phase);
  expect(settledAt, `the call ended before reaching ${phase}`).toBe(0);
  const abortedAt = performance.now();
  controller.abort(new Error('the caller changed its mind'));
  const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 1_000));
  const first = await Promise.race([outcome, late]);
  if (first === 'late') {
    tally(scenario, 'still running 1 s after the abort');
    // Let the stuck call finish on the clock so it leaves nothing running, then fail.
    await world.clock.runAll();
    await outcome;
    expect.fail(`${phase}: the call was still running 1 s after the abort; it ended only once the clock ran its timers out`);
  }
  const result = await outcome;
  const tookMs = settledAt - abortedAt;
  tally(scenario, result.ok ? 'data' : (result.error as Error).name);
  expect(result.ok, 'the call should end in an AbortError').toBe(false);
  const error = (result as { error: unknown }).error;
  expect(error, `${(error as Error)?.name}: ${(error as Error)?.message}`).toBeInstanceOf(AbortError);
  expect(error).toBeInstanceOf(XError);
  expect(tookMs, `settled ${tookMs.toFixed(1)} ms after the abort`).toBeLessThanOrEqual(SETTLE_MS);
  // Give a leftover timer the chance to show, then count.
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(world.clock.pending, 'timers left on the clock').toBe(0);
}

function manualWorld(kind: Kind, client: Record<string, unknown> = {}, simulator: Record<string, unknown> = {}): World {
  const world = createWorld(kind, { clock: new VirtualClock(), client, simulator });
  server.use(world.handler);
  return world;
}

describe('an abort while the request is in flight', () => {
  for (const kind of KINDS) {
    it(`${kind}: a read the server never answers settles with AbortError within 50 ms and leaves no timer`, async () => {
      const world = manualWorld(kind);
      world.script.push(faults.hang());
      await abortDuring('in flight', world, (signal) => world.read({ signal }), () => world.seen.length === 1, 'the request in flight');
    });
  }
});

describe('an abort during the backoff before a retry', () => {
  for (const kind of KINDS) {
    it(`${kind}: a read backing off after a 503 settles with AbortError within 50 ms and leaves no timer`, async () => {
      let retrying = false;
      const world = manualWorld(kind, { hooks: { onRetry: () => (retrying = true) } });
      world.script.push(faults.serverError(503));
      await abortDuring('in backoff (transport)', world, (signal) => world.read({ signal }), () => retrying && world.clock.pending > 0, 'the backoff');
      expect(world.seen).toHaveLength(1);
    });
  }

  const TRANSIENT: Record<string, string> = { hasura: 'GenericServerError', prefect: 'API_ERROR' };
  for (const kind of ['hasura', 'prefect'] as const) {
    it(`${kind}: a read backing off after a ${TRANSIENT[kind]} answer (HTTP 200) settles with AbortError within 50 ms and leaves no timer`, async () => {
      const world = manualWorld(kind);
      world.script.push({ kind: 'graphql', errors: [{ message: 'An internal error occurred.', extensions: { code: TRANSIENT[kind]! } }] });
      // The wrapper counts the retry just before its backoff starts; the transport's own timers are gone by then.
      const stats = (world.client as HasuraCloudClient | PrefectCloudClient).stats;
      await abortDuring('in backoff (GraphQL retry code)', world, (signal) => world.read({ signal }), () => stats.retries === 1 && world.clock.pending === 1, 'the GraphQL retry backoff');
      expect(world.seen).toHaveLength(1);
    });
  }
});

describe('an abort while queued in the client-side rate limiter', () => {
  for (const kind of KINDS) {
    it(`${kind}: a read waiting for the next rate-limit window settles with AbortError within 50 ms and leaves no timer`, async () => {
      // One request a minute on both sides: the client's rule, and the server's (Supabase's simulator states its own
      // limit in X-RateLimit-Limit, which the client adopts).
      const world = manualWorld(kind, { rateLimit: { rule: { limit: 1, windowMs: 60_000 }, key: () => 'one-bucket' } }, kind === 'supabase' ? { rateLimit: { limit: 1, windowMs: 60_000 } } : {});
      expect(world.isReadData(await world.read())).toBe(true);
      await abortDuring('queued in the limiter', world, (signal) => world.read({ signal }), () => world.clock.pending > 0, 'the limiter queue');
      expect(world.seen, 'the queued request was never sent').toHaveLength(1);
    });
  }
});

describe('an abort between pages', () => {
  // Each paginator over five items, two per page, started with the caller's signal.
  const PAGINATORS: Record<Kind, (world: World, signal: AbortSignal) => AsyncIterable<{ items: unknown[] }>> = {
    supabase: (world, signal) => {
      const sim = world.simulator as ReturnType<typeof createSupabaseSimulator>;
      for (let i = 0; i < 5; i++) sim.state.addProject({ name: `page-${i}`, organization_slug: 'acme' });
      return (world.client as SupabaseMgmtClient).paginateOrganizationProjects({ slug: 'acme', limit: 2 }, { signal }).pages();
    },
    cockroach: (world, signal) => {
      const sim = world.simulator as ReturnType<typeof createCockroachSimulator>;
      for (let i = 0; i < 5; i++) sim.state.seedCluster({ name: `page-${i}` });
      return (world.client as CockroachCloudClient).paginate('listClusters', { 'pagination.limit': 2 }, { signal }).pages();
    },
    hasura: (world, signal) => {
      const sim = world.simulator as ReturnType<typeof createHasuraSimulator>;
      for (let i = 0; i < 5; i++) sim.state.addProject({ name: `page-${i}` });
      return (world.client as HasuraCloudClient).listProjects({ limit: 2, signal }).pages();
    },
    prefect: (world, signal) => {
      const sim = world.simulator as ReturnType<typeof createPrefectSimulator>;
      for (let i = 0; i < 5; i++) sim.state.addFlow({ projectId: sim.state.defaults.project.id, name: `page-${i}` });
      return (world.client as PrefectCloudClient).listFlows({ pageSize: 2, signal }).pages();
    },
  };

  for (const kind of KINDS) {
    it(`${kind}: the next page after an abort settles with AbortError within 50 ms, whether or not it was prefetched, and leaves no timer`, async () => {
      const world = manualWorld(kind);
      const controller = new AbortController();
      const iterator = PAGINATORS[kind](world, controller.signal)[Symbol.asyncIterator]();
      const first = await iterator.next();
      expect(first.done).toBe(false);
      expect(first.value.items).toHaveLength(2);
      // Let the prefetch of page 2 land, so the abort finds it already fetched: the worst case.
      await until(() => world.seen.length >= 2, 'the prefetch of page 2');
      await new Promise((resolve) => setTimeout(resolve, 10));
      const abortedAt = performance.now();
      controller.abort();
      const next = await iterator.next().then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      );
      const tookMs = performance.now() - abortedAt;
      tally('between pages', next.ok ? (next.value.done ? 'done' : 'another page') : (next.error as Error).name);
      expect(next.ok, 'the page after the abort should not be handed out').toBe(false);
      expect((next as { error: unknown }).error).toBeInstanceOf(AbortError);
      expect(tookMs).toBeLessThanOrEqual(SETTLE_MS);
      expect(world.seen.length, 'no page requested after the abort').toBeLessThanOrEqual(2);
      expect(world.clock.pending).toBe(0);
    });
  }
});

describe('an abort while a waiter polls', () => {
  type Waiter = (world: World, options: { signal: AbortSignal; onProgress: () => void }) => Promise<unknown>;
  const WAITERS: Record<Kind, Waiter> = {
    supabase: (world, options) => {
      const sim = world.simulator as ReturnType<typeof createSupabaseSimulator>;
      const { ref } = sim.state.addProject({ name: 'coming-up', organization_slug: 'acme', status: 'COMING_UP', readyInMs: 3_600_000 });
      return (world.client as SupabaseMgmtClient).waitForProjectHealthy(ref, options);
    },
    cockroach: (world, options) => {
      const sim = world.simulator as ReturnType<typeof createCockroachSimulator>;
      const { id } = sim.state.seedCluster({ name: 'creating', state: 'CREATING' });
      return (world.client as CockroachCloudClient).waitForClusterReady(id, options);
    },
    hasura: (world, options) => {
      const sim = world.simulator as ReturnType<typeof createHasuraSimulator>;
      const { tenantId } = sim.state.addProject({ name: 'provisioning', ready: false });
      return (world.client as HasuraCloudClient).waitForTenantReady(asTenantId(tenantId), options);
    },
    prefect: async (world, options) => {
      const client = world.client as PrefectCloudClient;
      const sim = world.simulator as ReturnType<typeof createPrefectSimulator>;
      const { id } = await client.createFlowRun({ flowId: sim.state.defaults.flow.id });
      return client.waitForFlowRun(id, options);
    },
  };

  for (const kind of KINDS) {
    it(`${kind}: a waiter sleeping between polls settles with AbortError within 50 ms and leaves no timer`, async () => {
      const world = manualWorld(kind);
      let polls = 0;
      // One state read done, and the waiter asleep on the clock until the next.
      await abortDuring(
        'while a waiter polls',
        world,
        (signal) => WAITERS[kind](world, { signal, onProgress: () => (polls += 1) }),
        () => polls === 1 && world.clock.pending === 1,
        'the sleep between polls',
      );
      expect(polls).toBe(1);
    });
  }
});

describe('a deadline over a whole call', () => {
  it('hasura: the client deadlineMs bounds a read whose slow answers carry GenericServerError, retries included', async () => {
    const world = createWorld('hasura', { client: { deadlineMs: 1_000 } });
    server.use(world.handler);
    try {
      const transient = faults.json(200, { data: null, errors: [{ message: 'An internal error occurred.', extensions: { code: 'GenericServerError' } }] });
      world.script.push(...Array.from({ length: 3 }, () => faults.slow(400, transient)));
      const started = world.clock.now();
      const result = await world.read().then(
        () => 'data',
        (error: unknown) => (error as Error).name,
      );
      const elapsed = world.clock.now() - started;
      tally('deadline over GraphQL retry codes', result);
      expect(result).not.toBe('data');
      expect(elapsed, `the call took ${elapsed} ms of its 1000 ms deadline (${world.seen.length} requests)`).toBeLessThanOrEqual(1_000);
    } finally {
      world.clock.stop();
    }
  });

  it('prefect: deadlineMs bounds a read whose slow answers carry API_ERROR, retries included', async () => {
    const world = createWorld('prefect');
    server.use(world.handler);
    try {
      const apiError = faults.json(200, { data: null, errors: [{ message: 'An internal API error occurred.', extensions: { code: 'API_ERROR' } }] });
      world.script.push(...Array.from({ length: 4 }, () => faults.slow(400, apiError)));
      const started = world.clock.now();
      const client = world.client as PrefectCloudClient;
      const sim = world.simulator as ReturnType<typeof createPrefectSimulator>;
      const result = await client.getFlow(sim.state.defaults.flow.id, { deadlineMs: 1_000 }).then(
        () => 'data',
        (error: unknown) => (error as Error).name,
      );
      const elapsed = world.clock.now() - started;
      tally('deadline over GraphQL retry codes', result);
      expect(result).not.toBe('data');
      expect(elapsed, `the call took ${elapsed} ms of its 1000 ms deadline (${world.seen.length} requests)`).toBeLessThanOrEqual(1_000);
    } finally {
      world.clock.stop();
    }
  });
});
