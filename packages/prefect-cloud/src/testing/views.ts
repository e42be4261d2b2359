// Rows as GraphQL objects: the columns plus Hasura relationships as functions of their list arguments. Secrets
// (an API key's key, a token's token) and the simulator's own bookkeeping never appear in a view.
import { aggregate, select, type ListArgs } from './hasura';
import type { AgentRow, ApiKeyRow, ApiTokenRow, FlowGroupRow, FlowRow, FlowRunRow, KeyValueRow, LogRow, MembershipRow, ProjectRow, RunStateRow, TaskRow, TaskRunRow, TenantRow, UserRow } from './rows';
import type { PrefectSimState } from './state';

type View = Record<string, unknown>;
type Args = Record<string, unknown>;

/** Builds view functions over the simulator's tables. */
export function createViews(state: PrefectSimState) {
  const all = <T>(map: Map<string, T>) => [...map.values()];
  const byId = <T, V>(map: Map<string, T>, id: string | null | undefined, view: (row: T) => V) => {
    const row = id ? map.get(id) : undefined;
    return row ? view(row) : null;
  };
  // An array relationship and its `_aggregate` sibling.
  const related = <T>(name: string, rows: () => T[], view: (row: T) => View): View => ({
    [name]: (args: Args) => select(rows().map(view), args as ListArgs),
    [`${name}_aggregate`]: (args: Args) => aggregate(rows().map(view), args as ListArgs),
  });

  const views = {
    tenant: (row: TenantRow): View => ({
      ...row,
      ...related('projects', () => all(state.projects).filter((p) => p.tenant_id === row.id), views.project),
      ...related('flows', () => all(state.flows).filter((f) => f.tenant_id === row.id), views.flow),
      ...related('flow_groups', () => all(state.flowGroups).filter((g) => g.tenant_id === row.id), views.flowGroup),
    }),
    user: (row: UserRow): View => ({
      ...row,
      default_membership: () => byId(state.memberships, row.default_membership_id, views.membership),
      ...related('memberships', () => all(state.memberships).filter((m) => m.user_id === row.id), views.membership),
    }),
    membership: ({ role, ...row }: MembershipRow): View => ({
      ...row,
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      user: () => byId(state.users, row.user_id, views.user),
      role_detail: () => ({ id: row.role_id, name: role, created: row.created, updated: row.updated, tenant_id: row.tenant_id }),
    }),
    project: (row: ProjectRow): View => ({
      ...row,
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      ...related('flows', () => all(state.flows).filter((f) => f.project_id === row.id), views.flow),
    }),
    flowGroup: (row: FlowGroupRow): View => ({
      ...row,
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      ...related('flows', () => all(state.flows).filter((f) => f.flow_group_id === row.id), views.flow),
    }),
    flow: (row: FlowRow): View => ({
      ...row,
      project: () => byId(state.projects, row.project_id, views.project),
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      flow_group: () => byId(state.flowGroups, row.flow_group_id, views.flowGroup),
      edges: () => [],
      ...related('tasks', () => all(state.tasks).filter((t) => t.flow_id === row.id), views.task),
      ...related('flow_runs', () => all(state.flowRuns).filter((r) => r.flow_id === row.id), views.flowRun),
    }),
    task: (row: TaskRow): View => ({
      ...row,
      flow: () => byId(state.flows, row.flow_id, views.flow),
      ...related('task_runs', () => all(state.taskRuns).filter((t) => t.task_id === row.id), views.taskRun),
    }),
    flowRun: ({ auto: _auto, ...row }: FlowRunRow): View => ({
      ...row,
      flow: () => byId(state.flows, row.flow_id, views.flow),
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      agent: () => byId(state.agents, row.agent_id, views.agent),
      ...related('logs', () => state.logs.filter((l) => l.flow_run_id === row.id), views.log),
      ...related('states', () => state.runStates.filter((s) => s.flow_run_id === row.id), views.runState),
      ...related('task_runs', () => all(state.taskRuns).filter((t) => t.flow_run_id === row.id), views.taskRun),
    }),
    taskRun: (row: TaskRunRow): View => ({
      ...row,
      flow_run: () => byId(state.flowRuns, row.flow_run_id, views.flowRun),
      task: () => byId(state.tasks, row.task_id, views.task),
      ...related('logs', () => state.logs.filter((l) => l.task_run_id === row.id), views.log),
      ...related('states', () => [], views.runState),
    }),
    runState: (row: RunStateRow): View => ({ ...row, flow_run: () => byId(state.flowRuns, row.flow_run_id, views.flowRun) }),
    log: (row: LogRow): View => ({ ...row }),
    agent: (row: AgentRow): View => ({
      ...row,
      agent_config: () => null,
      ...related('flow_runs', () => all(state.flowRuns).filter((r) => r.agent_id === row.id), views.flowRun),
    }),
    keyValue: (row: KeyValueRow): View => ({ ...row }),
    apiKey: ({ key: _key, ...row }: ApiKeyRow): View => ({
      ...row,
      user: () => byId(state.users, row.user_id, views.user),
      created_by: () => byId(state.users, row.created_by_user_id, views.user),
    }),
    apiToken: ({ token: _token, ...row }: ApiTokenRow): View => ({
      ...row,
      tenant: () => byId(state.tenants, row.tenant_id, views.tenant),
      user: () => byId(state.users, row.user_id, views.user),
      created_by: () => byId(state.users, row.created_by_user_id, views.user),
    }),
  };
  // Each object names its GraphQL type, as `__typename` asks.
  for (const [key, typename] of Object.entries(TYPENAMES) as Array<[keyof typeof views, string]>) {
    const build = views[key] as (row: never) => View;
    (views as Record<string, unknown>)[key] = (row: never) => ({ __typename: typename, ...build(row) });
  }
  return views;
}

const TYPENAMES = {
  tenant: 'tenant', user: 'user', membership: 'membership', project: 'project', flowGroup: 'flow_group', flow: 'flow', task: 'task', flowRun: 'flow_run',
  taskRun: 'task_run', runState: 'flow_run_state', log: 'log', agent: 'agent', keyValue: 'key_value', apiKey: 'auth_api_key', apiToken: 'api_token',
} as const;

/** The view builders of one simulator. */
export type Views = ReturnType<typeof createViews>;
