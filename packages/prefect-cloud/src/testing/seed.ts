import type { AgentRow, FlowRow, ProjectRow, TenantRow, UserRow } from './rows';
import type { PrefectSimState } from './state';

/** What a fresh simulator holds, with the credentials to reach it. */
export interface SimDefaults {
  /** `marvin`: admin of `acme` (his default tenant) and member of `globex`. */
  user: UserRow;
  /** `ford`: a read-only member of `acme`. */
  reader: UserRow;
  /** `acme`, with the `data-eng` project. */
  tenant: TenantRow;
  /** `globex`, with the `reports` project. */
  otherTenant: TenantRow;
  project: ProjectRow;
  /** `etl` version 2 in `data-eng` (version 1 is archived), tasks extract, transform, load; parameter `date`. */
  flow: FlowRow;
  /** `daily-report` in `globex`. */
  otherFlow: FlowRow;
  agent: AgentRow;
  /** marvin's API key, default tenant acme. */
  apiKey: string;
  /** ford's API key (read-only in acme). */
  readOnlyApiKey: string;
  /** marvin's USER-scoped API token. */
  userToken: string;
  /** A TENANT token for marvin in acme. */
  tenantToken: string;
  /** A RUNNER token for acme. */
  runnerToken: string;
}

/**
 * The seeded credentials. They are fixed so a served simulator (`pnpm simulate`) can be reached from anywhere:
 * `PREFECT__CLOUD__API_KEY=pcu_simulated_marvin_0000000000000000000000`.
 */
export const SIMULATED_CREDENTIALS = Object.freeze({
  apiKey: 'pcu_simulated_marvin_0000000000000000000000',
  readOnlyApiKey: 'pcu_simulated_ford_00000000000000000000000',
  userToken: 'sim-user-token-marvin-000000000000',
  tenantToken: 'sim-tenant-token-marvin-acme-00000',
  runnerToken: 'sim-runner-token-acme-000000000000',
});

/** Fills the simulator with two tenants, two users, credentials, projects, flows and an agent. */
export function seed(state: PrefectSimState): SimDefaults {
  const user = state.addUser({ username: 'marvin' });
  const reader = state.addUser({ username: 'ford' });
  const tenant = state.addTenant({ name: 'Acme Corp', slug: 'acme' });
  const otherTenant = state.addTenant({ name: 'Globex', slug: 'globex' });
  state.addMembership(user.id, tenant.id, 'TENANT_ADMIN');
  state.addMembership(user.id, otherTenant.id, 'USER');
  state.addMembership(reader.id, tenant.id, 'READ_ONLY_USER');
  const project = state.addProject({ tenantId: tenant.id, name: 'data-eng', description: 'Pipelines of the data team' });
  const reports = state.addProject({ tenantId: otherTenant.id, name: 'reports' });
  const tasks = ['extract', 'transform', 'load'];
  state.addFlow({ projectId: project.id, name: 'etl', tasks, parameters: ['date'], versionGroupId: 'etl-group', archived: true });
  const flow = state.addFlow({ projectId: project.id, name: 'etl', tasks, parameters: ['date'], versionGroupId: 'etl-group' });
  const otherFlow = state.addFlow({ projectId: reports.id, name: 'daily-report', tasks: ['render'] });
  const agent = state.addAgent({ tenantId: tenant.id, name: 'k8s-agent', labels: ['prod'] });
  return {
    user,
    reader,
    tenant,
    otherTenant,
    project,
    flow,
    otherFlow,
    agent,
    apiKey: state.issueApiKey({ userId: user.id, defaultTenantId: tenant.id, name: 'ci', key: SIMULATED_CREDENTIALS.apiKey }),
    readOnlyApiKey: state.issueApiKey({ userId: reader.id, defaultTenantId: tenant.id, name: 'dashboards', key: SIMULATED_CREDENTIALS.readOnlyApiKey }),
    userToken: state.issueApiToken({ scope: 'USER', userId: user.id, name: 'laptop', token: SIMULATED_CREDENTIALS.userToken }),
    tenantToken: state.issueApiToken({ scope: 'TENANT', userId: user.id, tenantId: tenant.id, name: 'automation', token: SIMULATED_CREDENTIALS.tenantToken }),
    runnerToken: state.issueApiToken({ scope: 'RUNNER', tenantId: tenant.id, name: 'agent', token: SIMULATED_CREDENTIALS.runnerToken }),
  };
}
