import type { components } from '../generated/schema';
import { fail, projectOr404, readJson, reply, type RouteContext, type RouteDefinition } from './routes';
import { normalizeQuery, type SimulatorState } from './state';

type Schemas = components['schemas'];
type Row = Record<string, unknown>;

const WRITE = /^(create|insert|update|delete|drop|alter|grant|revoke|truncate|comment)\b/;

/** The canned statements: a few probes every tool sends, writes (which return no rows), and answerQuery's. */
function cannedRows(state: SimulatorState, query: string): Row[] | undefined {
  const statement = normalizeQuery(query);
  const canned = state.queryResults.get(statement);
  if (canned) return canned;
  const literal = /^select (-?\d+)(?: as "?(\w+)"?)?$/.exec(statement);
  if (literal) return [{ [literal[2] ?? '?column?']: Number(literal[1]) }];
  if (statement === 'select now()') return [{ now: state.iso() }];
  if (statement === 'select version()') return [{ version: 'PostgreSQL 17.4 on aarch64-unknown-linux-gnu, compiled by gcc (GCC) 13.2.0, 64-bit' }];
  if (statement === 'select current_database()') return [{ current_database: 'postgres' }];
  if (statement === 'select current_user') return [{ current_user: 'postgres' }];
  if (WRITE.test(statement)) return [];
  return undefined;
}

function runQuery(readOnlyRoute: boolean) {
  return async (context: RouteContext): Promise<Response> => {
    const project = projectOr404(context);
    if (project instanceof Response) return project;
    if (context.state.projectStatus(project) !== 'ACTIVE_HEALTHY') return fail(400, `Project ${project.ref} is ${context.state.projectStatus(project)}; queries run only on an ACTIVE_HEALTHY project`);
    const body = await readJson<Schemas['V1RunQueryBody']>(context.request);
    if (!body || typeof body.query !== 'string' || !body.query.trim()) return fail(400, 'query is required');
    const readOnly = readOnlyRoute || body.read_only === true;
    context.state.queries.push({ ref: project.ref, query: body.query, readOnly });
    if (readOnly && WRITE.test(normalizeQuery(body.query))) return fail(400, 'Failed to run sql query: ERROR:  25006: cannot execute this statement in a read-only transaction');
    const rows = cannedRows(context.state, body.query);
    if (!rows) return fail(400, `Failed to run sql query: the simulator has no answer for ${JSON.stringify(body.query.slice(0, 80))}; register one with state.answerQuery(sql, rows)`);
    return reply<Row[]>(rows, 201);
  };
}

/** Pages are addressed by an opaque cursor, as the API does; here it is the offset, base64-encoded. */
function encodeCursor(offset: number): string {
  return btoa(`offset:${offset}`);
}
function decodeCursor(cursor: string): number | undefined {
  try {
    const match = /^offset:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function listSnippets({ state, url }: RouteContext): Response {
  const limit = Number(url.searchParams.get('limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be between 1 and 100');
  const cursor = url.searchParams.get('cursor');
  const offset = cursor ? decodeCursor(cursor) : 0;
  if (offset === undefined) return fail(400, 'Invalid cursor');
  const projectRef = url.searchParams.get('project_ref');
  const sortBy = url.searchParams.get('sort_by') ?? 'inserted_at';
  const descending = (url.searchParams.get('sort_order') ?? 'desc') === 'desc';
  const project = projectRef ? state.projects.get(projectRef) : undefined;
  if (projectRef && !project) return fail(404, `Project ${projectRef} not found`);
  const matching = state.snippets
    .filter((snippet) => !project || snippet.project.id === project.id)
    .sort((a, b) => {
      const order = sortBy === 'name' ? a.name.localeCompare(b.name) : a.inserted_at.localeCompare(b.inserted_at) || a.id.localeCompare(b.id);
      return descending ? -order : order;
    });
  const page = matching.slice(offset, offset + limit);
  const next = offset + page.length < matching.length ? encodeCursor(offset + page.length) : undefined;
  return reply<Schemas['SnippetList']>({ data: page.map(({ content: _content, ...item }) => item), ...(next && { cursor: next }) });
}

function runsOf(context: RouteContext): Schemas['ActionRunResponse'][] | Response {
  const project = projectOr404(context);
  if (project instanceof Response) return project;
  return context.state.actionRuns.get(project.ref) ?? [];
}

/** SQL (run and read-only), SQL snippets (cursor pages) and branch action runs (offset pages, HEAD count, logs). */
export function databaseSnippetAndActionRoutes(): RouteDefinition[] {
  return [
    { method: 'POST', path: '/v1/projects/{ref}/database/query', resolve: runQuery(false) },
    { method: 'POST', path: '/v1/projects/{ref}/database/query/read-only', resolve: runQuery(true) },
    { method: 'GET', path: '/v1/snippets', resolve: listSnippets },
    {
      method: 'GET',
      path: '/v1/snippets/{id}',
      resolve: ({ state, params }) => {
        const snippet = state.snippets.find((candidate) => candidate.id === params.id);
        return snippet ? reply<Schemas['SnippetResponse']>(snippet) : fail(404, `Snippet ${params.id} not found`);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/actions',
      resolve: (context) => {
        const runs = runsOf(context);
        if (runs instanceof Response) return runs;
        const offset = Number(context.url.searchParams.get('offset') ?? 0);
        const limit = Number(context.url.searchParams.get('limit') ?? 20);
        if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 10) return fail(400, 'offset must be ≥ 0 and limit ≥ 10');
        return reply<Schemas['ListActionRunResponse']>(runs.slice(offset, offset + limit));
      },
    },
    {
      method: 'HEAD',
      path: '/v1/projects/{ref}/actions',
      resolve: (context) => {
        const runs = runsOf(context);
        if (runs instanceof Response) return new Response(null, { status: runs.status });
        return new Response(null, { status: 200, headers: { 'x-total-count': String(runs.length) } });
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/actions/{run_id}',
      resolve: (context) => {
        const runs = runsOf(context);
        if (runs instanceof Response) return runs;
        const run = runs.find((candidate) => candidate.id === context.params.run_id);
        return run ? reply<Schemas['ActionRunResponse']>(run) : fail(404, `Action run ${context.params.run_id} not found`);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/actions/{run_id}/logs',
      resolve: (context) => {
        const runs = runsOf(context);
        if (runs instanceof Response) return runs;
        const run = runs.find((candidate) => candidate.id === context.params.run_id);
        if (!run) return fail(404, `Action run ${context.params.run_id} not found`);
        const lines = run.run_steps.map((step) => `${step.updated_at} [${step.name}] ${step.status.toLowerCase()}`);
        return new Response(`${lines.join('\n')}\n`, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      },
    },
  ];
}
