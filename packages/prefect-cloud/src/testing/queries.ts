// Query roots: Hasura table roots scoped to the caller's tenant, plus Prefect Cloud's custom roots.
import type { SimContext, RootTable } from './context';
import { SimulatedError } from './execute';
import { aggregate, select, type ListArgs } from './hasura';

type View = Record<string, unknown>;

/** `<name>`, `<name>_by_pk` and `<name>_aggregate` over the rows a caller may see. */
function table(name: string, visible: (context: SimContext) => View[]): RootTable {
  return {
    [name]: (args, context) => select(visible(context), args as ListArgs),
    [`${name}_by_pk`]: (args, context) => visible(context).find((row) => row.id === args.id) ?? null,
    [`${name}_aggregate`]: (args, context) => aggregate(visible(context), args as ListArgs),
  };
}

const inTenant = <T extends { tenant_id: string | null }>(rows: Iterable<T>, tenantId: string) => [...rows].filter((row) => row.tenant_id === tenantId);

/** Every query root the simulator answers. */
export const queryRoots: RootTable = {
  hello: () => 'hello',
  api: () => ({ backend: 'CLOUD', mode: 'normal', version: '2022.09.simulated', core_version: '1.4.1', release_timestamp: null }),
  reference_data: () => ({ state_hierarchy: {}, state_info: {} }),

  auth_info: (_args, { access }) => {
    const { kind, tenantId, userId } = access.principal;
    if (kind === 'refresh-token') throw new SimulatedError('A refresh token only refreshes: send the access token.', 'UNAUTHENTICATED');
    return { tenant_id: kind === 'user-token' ? null : tenantId, user_id: userId };
  },

  ...table('tenant', ({ state, views, access }) => {
    const { kind, tenantId, userId } = access.principal;
    if (kind === 'refresh-token') throw new SimulatedError('A refresh token only refreshes.', 'UNAUTHENTICATED');
    const tenants = [...state.tenants.values()];
    if (kind === 'tenant-token' || kind === 'runner-token') return tenants.filter((t) => t.id === tenantId).map(views.tenant);
    return tenants.filter((t) => state.membership(userId, t.id)).map(views.tenant);
  }),
  ...table('user', ({ state, views, access }) => {
    const user = access.principal.userId ? state.users.get(access.principal.userId) : undefined;
    return user ? [views.user(user)] : [];
  }),
  ...table('membership', ({ state, views, access }) => inTenant(state.memberships.values(), access.tenant()).map(views.membership)),

  ...table('project', ({ state, views, access }) => inTenant(state.projects.values(), access.tenant()).map(views.project)),
  ...table('flow', ({ state, views, access }) => inTenant(state.flows.values(), access.tenant()).map(views.flow)),
  ...table('flow_group', ({ state, views, access }) => inTenant(state.flowGroups.values(), access.tenant()).map(views.flowGroup)),
  ...table('task', ({ state, views, access }) => inTenant(state.tasks.values(), access.tenant()).map(views.task)),
  ...table('flow_run', ({ state, views, access }) => inTenant(state.flowRuns.values(), access.tenant()).map(views.flowRun)),
  ...table('task_run', ({ state, views, access }) => inTenant(state.taskRuns.values(), access.tenant()).map(views.taskRun)),
  ...table('flow_run_state', ({ state, views, access }) => inTenant(state.runStates, access.tenant()).map(views.runState)),
  ...table('log', ({ state, views, access }) => inTenant(state.logs, access.tenant()).map(views.log)),
  ...table('agent', ({ state, views, access }) => inTenant(state.agents.values(), access.tenant()).map(views.agent)),
  ...table('key_value', ({ state, views, access }) => inTenant(state.keyValues.values(), access.tenant()).map(views.keyValue)),
  ...table('task_tag_limit', ({ state, access }) => inTenant(state.taskTagLimits.values(), access.tenant()).map((row) => ({ ...row }))),
  ...table('flow_concurrency_limit', ({ state, access }) => inTenant(state.flowConcurrencyLimits.values(), access.tenant()).map((row) => ({ ...row }))),
  ...table('auth_api_key', ({ state, views, access }) => [...state.apiKeys.values()].filter((k) => k.user_id === access.user()).map(views.apiKey)),
  ...table('api_token', ({ state, views, access }) => {
    const tenantId = access.tenant();
    return [...state.apiTokens.values()].filter((t) => t.tenant_id === tenantId || (t.scope === 'USER' && t.user_id === access.principal.userId)).map(views.apiToken);
  }),

  secret_names: (_args, { state, access }) => {
    const tenantId = access.tenant();
    return state.secrets.filter((s) => s.tenant_id === tenantId).map((s) => s.name);
  },
  secret_value: (args, { state, access }) => {
    const tenantId = access.admin();
    const found = state.secrets.find((s) => s.tenant_id === tenantId && s.name === args.name);
    if (!found) throw new SimulatedError(`Secret "${String(args.name)}" not found.`);
    return found.value;
  },
};
