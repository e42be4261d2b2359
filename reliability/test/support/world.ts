// One provider's world for a test: its simulator, a client on a shared virtual clock, and a recording msw handler in
// front of the simulator that plays a script of faults first. A `refused` step never reaches the server: the
// client's network layer throws ECONNREFUSED for it, as a real socket does before any byte leaves.
import { getResponse, http, HttpResponse, type RequestHandler } from 'msw';
import type { GraphQLErrorEntry } from '@x/core';
import { mswFault, networkError, VirtualClock, type Fault } from '@x/core/testing';
import { createSupabaseMgmtClient, type SupabaseMgmtClient } from '@x/supabase-mgmt';
import { createSupabaseSimulator } from '@x/supabase-mgmt/testing';
import { createCockroachCloudClient, type CockroachCloudClient } from '@x/cockroach-cloud';
import { createCockroachSimulator } from '@x/cockroach-cloud/testing';
import { asProjectId, createHasuraCloudClient, type HasuraCloudClient } from '@x/hasura-cloud';
import { createHasuraSimulator } from '@x/hasura-cloud/testing';
import { createPrefectCloudClient, type PrefectCloudClient } from '@x/prefect-cloud';
import { createPrefectSimulator } from '@x/prefect-cloud/testing';

export type Kind = 'supabase' | 'cockroach' | 'hasura' | 'prefect';
export const KINDS: readonly Kind[] = ['supabase', 'cockroach', 'hasura', 'prefect'];
export const GRAPHQL_KINDS: readonly Kind[] = ['hasura', 'prefect'];
export const REST_KINDS: readonly Kind[] = ['supabase', 'cockroach'];

/** Where each client sends its requests by default. */
export const ORIGIN: Record<Kind, string> = {
  supabase: 'https://api.supabase.com',
  cockroach: 'https://cockroachlabs.cloud',
  hasura: 'https://data.pro.hasura.io',
  prefect: 'https://api.prefect.io',
};

/** One step of a server script. */
export type Step =
  | Fault
  /** A GraphQL answer carrying errors[] (HTTP 200 unless `status` says otherwise). */
  | { kind: 'graphql'; errors: GraphQLErrorEntry[]; data?: unknown; status?: number }
  /** The simulator processes the request, then the connection breaks before the answer arrives. */
  | { kind: 'lost' };

/** What the server saw of one request. */
export interface Seen {
  method: string;
  path: string;
  /** `POST /v1/projects` for REST, the operationName for GraphQL. */
  operation: string;
  headers: Record<string, string>;
  body: string;
  /** When it arrived, on the world's clock. */
  at: number;
  /** The status it was answered with (undefined for a network failure). */
  status?: number;
}

export interface WorldOptions {
  /** Extra client options (timeoutMs, rateLimit, logger...). */
  client?: Record<string, unknown>;
  /** Extra simulator options. */
  simulator?: Record<string, unknown>;
  clock?: VirtualClock;
}

/** Everything a test needs to drive one provider. */
export interface World {
  kind: Kind;
  clock: VirtualClock;
  // The four clients differ; tests reach their own methods through the helpers below or by kind.
  client: SupabaseMgmtClient | CockroachCloudClient | HasuraCloudClient | PrefectCloudClient;
  handler: RequestHandler;
  /** Steps played, in order, for the next requests; then the simulator answers. */
  script: Step[];
  /** Every request that reached the server. */
  seen: Seen[];
  /** The operation name a create request shows in `seen`. */
  createOperation: string;
  /** A named read of a seeded resource. */
  read(options?: { signal?: AbortSignal; timeoutMs?: number }): Promise<unknown>;
  /** Checks a read's data is the seeded resource. */
  isReadData(data: unknown): boolean;
  /** The provider's create: Supabase createAProject, CockroachDB createCluster, Hasura createTenant, Prefect createFlowRun. */
  create(options?: { signal?: AbortSignal; idempotencyKey?: string }): Promise<unknown>;
  /** How many resources the creates made in the simulator. */
  created(): number;
  /** How many create requests reached the server. */
  creates(): number;
  /** The simulator itself (typed loosely: each has its own state). */
  simulator: unknown;
}

const CREATE_NAME = 'matrix-orders';

/** Builds a world for `kind` with fresh state. */
export function createWorld(kind: Kind, options: WorldOptions = {}): World {
  const clock = options.clock ?? new VirtualClock({ auto: true });
  const script: Step[] = [];
  const seen: Seen[] = [];
  // The network layer: a refusal happens here, before the request exists on the wire.
  const net = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (script[0]?.kind === 'refused') {
      script.shift();
      return Promise.reject(networkError('ECONNREFUSED'));
    }
    return globalThis.fetch(input, init);
  };
  const clientOptions = { clock, fetch: net, logLevel: 'off' as const, ...options.client };
  const world = build(kind, clock, clientOptions, options.simulator ?? {});
  const simHandlers = world.handlers;
  const handler = http.all(`${ORIGIN[kind]}/*`, async ({ request }) => {
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.clone().text();
    const path = new URL(request.url).pathname;
    const entry: Seen = { method: request.method, path, operation: operationOf(kind, request.method, path, body), headers: Object.fromEntries(request.headers), body, at: clock.now() };
    seen.push(entry);
    const step = script.shift();
    const response = step ? await play(step, request, simHandlers, clock) : await getResponse(simHandlers, request);
    entry.status = response?.status;
    return response;
  });
  return {
    kind,
    clock,
    client: world.client,
    handler,
    script,
    seen,
    createOperation: world.createOperation,
    read: world.read,
    isReadData: world.isReadData,
    create: world.create,
    created: world.created,
    creates: () => seen.filter((s) => s.operation === world.createOperation).length,
    simulator: world.simulator,
  };
}

function operationOf(kind: Kind, method: string, path: string, body: string): string {
  if (kind === 'hasura' || kind === 'prefect') {
    try {
      const parsed = JSON.parse(body) as { operationName?: string; query?: string };
      return parsed.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(parsed.query ?? '')?.[1] ?? 'anonymous';
    } catch {
      return 'unreadable';
    }
  }
  return `${method} ${path}`;
}

async function play(step: Step, request: Request, simHandlers: RequestHandler[], clock: VirtualClock): Promise<Response> {
  if (step.kind === 'graphql') return HttpResponse.json({ data: step.data ?? null, errors: step.errors }, { status: step.status ?? 200 });
  if (step.kind === 'lost') {
    await getResponse(simHandlers, request);
    return HttpResponse.error();
  }
  try {
    return await mswFault(step, request, clock);
  } catch (error) {
    // A hanging answer ends when the client gives up; nobody reads this one.
    if (request.signal.aborted) return HttpResponse.error();
    throw error;
  }
}

interface Built {
  client: World['client'];
  handlers: RequestHandler[];
  simulator: unknown;
  createOperation: string;
  read: World['read'];
  isReadData: World['isReadData'];
  create: World['create'];
  created: World['created'];
}

function build(kind: Kind, clock: VirtualClock, clientOptions: Record<string, unknown>, simOptions: Record<string, unknown>): Built {
  switch (kind) {
    case 'supabase': {
      const sim = createSupabaseSimulator({ clock, ...simOptions });
      const ref = sim.state.addProject({ name: 'shop', organization_slug: 'acme', status: 'ACTIVE_HEALTHY' }).ref;
      const client = createSupabaseMgmtClient({ accessToken: 'sbp_reliability_token_0001', ...clientOptions });
      return {
        client,
        handlers: sim.handlers,
        simulator: sim,
        createOperation: 'POST /v1/projects',
        read: (o = {}) => client.getProject({ ref }, o),
        isReadData: (data) => (data as { ref?: string } | undefined)?.ref === ref,
        create: (o = {}) =>
          client.createAProject({ body: { name: CREATE_NAME, organization_slug: 'acme', db_pass: 'matrix-db-password-1', region: 'us-east-1' } }, { signal: o.signal, idempotencyKey: o.idempotencyKey }),
        created: () => [...sim.state.projects.values()].filter((p) => p.name === CREATE_NAME).length,
      };
    }
    case 'cockroach': {
      const sim = createCockroachSimulator({ clock, ...simOptions });
      const id = sim.state.seedCluster({ name: 'orders-prod' }).id;
      const client = createCockroachCloudClient({ apiKey: 'ccdb_reliability_key_0001', ...clientOptions });
      return {
        client,
        handlers: sim.handlers,
        simulator: sim,
        createOperation: 'POST /api/v1/clusters',
        read: (o = {}) => client.getCluster({ cluster_id: id }, o),
        isReadData: (data) => (data as { id?: string } | undefined)?.id === id,
        create: (o = {}) =>
          client.createCluster({ body: { name: CREATE_NAME, provider: 'GCP', spec: { serverless: { regions: ['us-central1'] } } } }, { signal: o.signal, idempotencyKey: o.idempotencyKey }),
        created: () => [...sim.state.clusters.values()].filter((c) => c.name === CREATE_NAME).length,
      };
    }
    case 'hasura': {
      const sim = createHasuraSimulator({ clock, ...simOptions });
      const { projectId } = sim.state.addProject({ name: 'shop-api' });
      const client = createHasuraCloudClient({ accessToken: sim.token, ...clientOptions });
      return {
        client,
        handlers: sim.handlers,
        simulator: sim,
        createOperation: 'CreateTenant',
        read: (o = {}) => client.getProject(asProjectId(projectId), { signal: o.signal }),
        isReadData: (data) => (data as { id?: string } | undefined)?.id === projectId,
        create: (o = {}) => client.raw.CreateTenant({ cloud: 'aws', region: 'us-east-2', name: CREATE_NAME }, undefined, o.signal),
        created: () => [...sim.state.projects.values()].filter((p) => p.name === CREATE_NAME).length,
      };
    }
    case 'prefect': {
      const sim = createPrefectSimulator({ clock, ...simOptions });
      const defaults = sim.state.defaults;
      const before = sim.state.flowRuns.size;
      const client = createPrefectCloudClient({ apiKey: defaults.apiKey, tenantId: defaults.tenant.id, ...clientOptions });
      return {
        client,
        handlers: sim.handlers,
        simulator: sim,
        createOperation: 'CreateFlowRun',
        read: (o = {}) => client.getFlow(defaults.flow.id, o),
        isReadData: (data) => (data as { id?: string } | undefined)?.id === defaults.flow.id,
        create: (o = {}) => client.createFlowRun({ flowId: defaults.flow.id, idempotencyKey: o.idempotencyKey }, { signal: o.signal }),
        created: () => sim.state.flowRuns.size - before,
      };
    }
  }
}
