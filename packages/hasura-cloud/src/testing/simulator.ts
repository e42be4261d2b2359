import { buildSchema, execute, GraphQLError, Kind, parse, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { http, HttpResponse, type RequestHandler } from 'msw';
import type { Clock } from '@x/core';
import { mswFault, serveHandlers, type Fault, type ServedHandlers } from '@x/core/testing';
import { UnsupportedFilterError } from './hasura-filter';
import { HASURA_CLOUD_SDL } from './schema-sdl';
import { rootResolvers } from './sim-resolvers';
import type { PreviewPlan, StepFailure } from './sim-preview-apps';
import { HasuraSimState, SimError, type SimTimings } from './sim-state';

/** Options of `createHasuraSimulator`. */
export interface HasuraSimulatorOptions {
  /** Time source for job progress and readiness; pass the client's VirtualClock. Default: the real clock. */
  clock?: Clock;
  /** The personal access token the simulator accepts. Default `sim-hasura-token`. */
  token?: string;
  /** The URL the msw handlers answer. Default `https://data.pro.hasura.io/v1/graphql`. */
  endpoint?: string;
  timings?: Partial<SimTimings>;
}

/** One entry of the errors[] the simulator answers with. */
export interface SimGraphQLError {
  message: string;
  code: string;
}

/** Failures to script; each is used once per `count`, by the next request that matches. */
export interface HasuraFaults {
  /** A network or HTTP fault for the next requests (of `operation`, or any). `after: true` applies the request first, then loses the answer. */
  inject(fault: Fault, options?: { operation?: string; count?: number; after?: boolean }): void;
  /** An errors[] answer (HTTP 200) for the next requests of `operation` (or any). */
  graphqlError(error: SimGraphQLError, options?: { operation?: string; count?: number }): void;
  /** Another writer changes the env vars right before the next `operation` (default UpdateTenantEnv) is processed. */
  concurrentEnvEdit(tenantId: string, upsert: Record<string, string>, options?: { operation?: string; remove?: string[]; count?: number }): void;
  /** The token may not see this root field from now on (Hasura then reports it as not found in the type). */
  hideRootField(name: string): void;
  /** The next preview app fails at `task` of its creation or (default) deployment job. */
  failNextPreviewApp(failure: StepFailure & { job?: 'creation' | 'deployment' }): void;
  /** The next preview-app creation job ends `skipped`. */
  skipNextPreviewApp(): void;
  /** The next createTenant ignores the requested name (a reported quirk), so the project needs a rename. */
  createTenantIgnoresName(): void;
  /** Forgets every scripted failure. */
  clear(): void;
}

/** A stateful, in-memory Hasura Cloud for tests: msw handlers, the state behind them, scripted failures. */
export interface HasuraSimulator {
  /** `server.use(...sim.handlers)` or `setupServer(...sim.handlers)`. */
  handlers: RequestHandler[];
  state: HasuraSimState;
  faults: HasuraFaults;
  /** The token to give the client. */
  token: string;
  endpoint: string;
  /** Serves the simulator over HTTP on localhost (any path ending in /v1/graphql). */
  serve(options?: { port?: number; host?: string }): Promise<ServedHandlers>;
}

type QueueEntry =
  | { kind: 'fault'; operation?: string; fault: Fault; after: boolean }
  | { kind: 'graphql'; operation?: string; error: SimGraphQLError }
  | { kind: 'env-edit'; operation?: string; tenantId: string; upsert: Record<string, string>; remove: string[] };

let cachedSchema: GraphQLSchema | undefined;

/** Creates a simulator with its own state. */
export function createHasuraSimulator(options: HasuraSimulatorOptions = {}): HasuraSimulator {
  const schema = (cachedSchema ??= buildSchema(HASURA_CLOUD_SDL));
  const token = options.token ?? 'sim-hasura-token';
  const endpoint = options.endpoint ?? 'https://data.pro.hasura.io/v1/graphql';
  const state = new HasuraSimState({ clock: options.clock, timings: options.timings });
  let queue: QueueEntry[] = [];
  let previewPlan: PreviewPlan = {};

  const faults: HasuraFaults = {
    inject: (fault, o = {}) => repeat(o.count, () => queue.push({ kind: 'fault', operation: o.operation, fault, after: o.after ?? false })),
    graphqlError: (error, o = {}) => repeat(o.count, () => queue.push({ kind: 'graphql', operation: o.operation, error })),
    concurrentEnvEdit: (tenantId, upsert, o = {}) => repeat(o.count, () => queue.push({ kind: 'env-edit', operation: o.operation ?? 'UpdateTenantEnv', tenantId, upsert, remove: o.remove ?? [] })),
    hideRootField: (name) => void state.hiddenRootFields.add(name),
    failNextPreviewApp: ({ job = 'deployment', ...failure }) => void (previewPlan = { ...previewPlan, [job === 'creation' ? 'creationFailure' : 'deploymentFailure']: failure }),
    skipNextPreviewApp: () => void (previewPlan = { ...previewPlan, skip: true }),
    createTenantIgnoresName: () => void (state.quirks.ignoreNextCreateName = true),
    clear: () => {
      queue = [];
      previewPlan = {};
      state.hiddenRootFields.clear();
      state.quirks.ignoreNextCreateName = false;
    },
  };
  const takePreviewPlan = () => {
    const plan = previewPlan;
    previewPlan = {};
    return plan;
  };

  async function handle(request: Request): Promise<Response> {
    const body = (await request.json().catch(() => null)) as { query?: unknown; variables?: Record<string, unknown>; operationName?: string } | null;
    if (!body || typeof body.query !== 'string') return answer([{ message: 'the request body is not a GraphQL request ({ query, variables })', code: 'invalid-json' }]);
    if (request.headers.get('authorization') !== `pat ${token}`) {
      state.record(body.operationName, body.variables, false);
      return answer([{ message: 'Authentication hook unauthorized this request', code: 'access-denied' }]);
    }
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (error) {
      return answer([{ message: (error as Error).message, code: 'parse-failed' }]);
    }
    const operation = pickOperation(document, body.operationName);
    const operationName = body.operationName ?? operation?.name?.value;
    state.advance();
    const index = queue.findIndex((entry) => entry.operation === undefined || entry.operation === operationName);
    const entry = index >= 0 ? queue.splice(index, 1)[0] : undefined;
    if (entry?.kind === 'fault' && !entry.after) {
      state.record(operationName, body.variables, false);
      return mswFault(entry.fault, request, options.clock);
    }
    if (entry?.kind === 'graphql') {
      state.record(operationName, body.variables, false);
      return answer([entry.error]);
    }
    if (entry?.kind === 'env-edit') state.editEnv(entry.tenantId, entry.upsert, entry.remove);
    const result = await run(document, operation, body.variables ?? {}, operationName);
    state.record(operationName, body.variables, !('errors' in result));
    if (entry?.kind === 'fault') return mswFault(entry.fault, request, options.clock);
    return HttpResponse.json(result);
  }

  async function run(document: DocumentNode, operation: OperationDefinitionNode | undefined, variables: Record<string, unknown>, operationName: string | undefined) {
    const invalid = validate(schema, document).map(validationError);
    if (invalid.length) return { errors: invalid };
    for (const selection of operation?.selectionSet.selections ?? []) {
      if (selection.kind === Kind.FIELD && state.hiddenRootFields.has(selection.name.value)) {
        const type = operation!.operation === 'mutation' ? 'mutation_root' : 'query_root';
        return { errors: [hasuraError(`field '${selection.name.value}' not found in type: '${type}'`, 'validation-failed', `$.selectionSet.${selection.name.value}`)] };
      }
    }
    const result = (await execute({ schema, document, rootValue: rootResolvers(state, takePreviewPlan), variableValues: variables, operationName })) as { data?: unknown; errors?: readonly GraphQLError[] };
    // Hasura answers a failed request with errors alone (mutations are all-or-nothing).
    if (result.errors?.length) return { errors: result.errors.map(executionError) };
    return { data: result.data };
  }

  const handlers = [http.post(endpoint, ({ request }) => handle(request))];
  return {
    handlers,
    state,
    faults,
    token,
    endpoint,
    serve: (serveOptions) => serveHandlers([http.post('*/v1/graphql', ({ request }) => handle(request))], serveOptions),
  };
}

function repeat(count = 1, push: () => void): void {
  for (let i = 0; i < count; i++) push();
}

function pickOperation(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? operations.find((o) => o.name?.value === name) : operations[0];
}

function hasuraError(message: string, code: string, path = '$') {
  return { message, extensions: { path, code } };
}

function answer(errors: SimGraphQLError[]): Response {
  return HttpResponse.json({ errors: errors.map((e) => hasuraError(e.message, e.code)) });
}

function validationError(error: GraphQLError) {
  // Hasura words an unknown (or forbidden) field its own way.
  const unknown = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(error.message);
  if (unknown) return hasuraError(`field '${unknown[1]}' not found in type: '${unknown[2]}'`, 'validation-failed', `$.selectionSet.${unknown[1]}`);
  return hasuraError(error.message, 'validation-failed');
}

function executionError(error: GraphQLError) {
  const original = error.originalError;
  const path = error.path ? `$.selectionSet.${error.path.join('.selectionSet.')}` : '$';
  if (original instanceof SimError) return hasuraError(original.message, original.code, path);
  if (original instanceof UnsupportedFilterError) return hasuraError(original.message, 'validation-failed', path);
  if (!original) return hasuraError(error.message, 'validation-failed', path);
  return hasuraError(`unexpected: ${original.message}`, 'unexpected', path);
}
