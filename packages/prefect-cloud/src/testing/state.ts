import { realClock, type Clock } from '@x/core';
import { IdSource } from '@x/core/testing';
import type { SimDefaults } from './seed';
import type { AgentRow, ApiKeyRow, ApiTokenRow, FlowConcurrencyLimitRow, FlowGroupRow, FlowRow, FlowRunRow, KeyValueRow, LogRow, MembershipRow, ProjectRow, RunStateRow, SecretRow, SessionRow, SimRole, TaskRow, TaskRunRow, TaskTagLimitRow, TenantRow, UserRow } from './rows';

/** How the simulated Prefect Cloud behaves. */
export interface PrefectSimulatorOptions {
  /** Time source for token expiry and run progress; pass the client's VirtualClock. Default: the wall clock. */
  clock?: Clock;
  /** Lifetime of a session's access token. Default 10 min. */
  accessTokenTtlMs?: number;
  /** Lifetime of a refresh token. Default 7 days. */
  refreshTokenTtlMs?: number;
  /** A Scheduled run starts this long after its scheduled start time (an agent picking it up). Default 1 s. */
  startDelayMs?: number;
  /** A Running run finishes this long after it started. Default 5 s. */
  runDurationMs?: number;
  /** Which runs end Failed. Default: label `simulate-failure`, or parameter `simulate_failure: true`. */
  shouldFail?: (run: FlowRunRow) => boolean;
  /** Fill the default tenants, users, credentials, projects and flows. Default true. */
  seed?: boolean;
}

/** One request the simulator answered: what it asked for, with which kind of credential, and the status. */
export interface CallRecord {
  operationName: string | undefined;
  /** Root field names (`refresh_token`, `flow`, ...). */
  fields: string[];
  /** `api-key`, `user-token`, `tenant-token`, `runner-token`, `access-token`, `refresh-token` or `none`. */
  credential: string;
  /** The X-PREFECT-TENANT-ID header, when sent. */
  tenantHeader: string | null;
  status: number;
  at: number;
}

const defaultShouldFail = (run: FlowRunRow) => run.labels.includes('simulate-failure') || (run.parameters as Record<string, unknown> | null)?.simulate_failure === true;

/** The simulator's whole world: every table, the credentials, and a log of the requests it answered. */
export class PrefectSimState {
  readonly clock: Clock;
  readonly settings: Required<Omit<PrefectSimulatorOptions, 'clock' | 'seed'>>;
  readonly ids = new IdSource();
  readonly tenants = new Map<string, TenantRow>();
  readonly users = new Map<string, UserRow>();
  readonly memberships = new Map<string, MembershipRow>();
  readonly apiKeys = new Map<string, ApiKeyRow>();
  readonly apiTokens = new Map<string, ApiTokenRow>();
  /** Sessions by access token; a refresh rotates both tokens into a new entry. */
  readonly sessions = new Map<string, SessionRow>();
  readonly projects = new Map<string, ProjectRow>();
  readonly flowGroups = new Map<string, FlowGroupRow>();
  readonly flows = new Map<string, FlowRow>();
  readonly tasks = new Map<string, TaskRow>();
  readonly flowRuns = new Map<string, FlowRunRow>();
  readonly taskRuns = new Map<string, TaskRunRow>();
  readonly runStates: RunStateRow[] = [];
  readonly logs: LogRow[] = [];
  readonly agents = new Map<string, AgentRow>();
  readonly keyValues = new Map<string, KeyValueRow>();
  readonly taskTagLimits = new Map<string, TaskTagLimitRow>();
  readonly flowConcurrencyLimits = new Map<string, FlowConcurrencyLimitRow>();
  readonly secrets: SecretRow[] = [];
  /** create_flow_run idempotency keys: tenant + key → run, kept 24 h from the last use. */
  readonly idempotency = new Map<string, { runId: string; fingerprint: string; expiresAt: number }>();
  /** Every request answered, in order. */
  readonly calls: CallRecord[] = [];
  #defaults: SimDefaults | undefined;

  constructor(options: PrefectSimulatorOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.settings = {
      accessTokenTtlMs: options.accessTokenTtlMs ?? 600_000,
      refreshTokenTtlMs: options.refreshTokenTtlMs ?? 7 * 86_400_000,
      startDelayMs: options.startDelayMs ?? 1_000,
      runDurationMs: options.runDurationMs ?? 5_000,
      shouldFail: options.shouldFail ?? defaultShouldFail,
    };
  }

  /** The seeded tenants, users, flows and credentials (absent when created with `seed: false`). */
  get defaults(): SimDefaults {
    if (!this.#defaults) throw new Error('This simulator was created with seed: false, so it has no defaults; add tenants and credentials with the state methods.');
    return this.#defaults;
  }

  set defaults(value: SimDefaults) {
    this.#defaults = value;
  }

  /** The current time as Prefect prints it. */
  now(at = this.clock.now()): string {
    return new Date(at).toISOString();
  }

  /** How many answered requests selected this root field (`refresh_token`, `auth_info`...). */
  count(field: string): number {
    return this.calls.filter((call) => call.fields.includes(field)).length;
  }

  addTenant(input: { name: string; slug: string }): TenantRow {
    const row: TenantRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), name: input.name, slug: input.slug, info: {}, settings: {} };
    this.tenants.set(row.id, row);
    return row;
  }

  addUser(input: { username: string; email?: string }): UserRow {
    const row: UserRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), username: input.username, email: input.email ?? `${input.username}@example.test`, first_name: null, last_name: null, account_type: 'NORMAL', default_membership_id: null };
    this.users.set(row.id, row);
    return row;
  }

  /** Makes a user a member of a tenant (the first membership becomes the user's default). */
  addMembership(userId: string, tenantId: string, role: SimRole = 'USER'): MembershipRow {
    const row: MembershipRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), tenant_id: tenantId, user_id: userId, role_id: null, role };
    this.memberships.set(row.id, row);
    const user = this.users.get(userId);
    if (user && !user.default_membership_id) user.default_membership_id = row.id;
    return row;
  }

  membership(userId: string | null | undefined, tenantId: string | null | undefined): MembershipRow | undefined {
    return [...this.memberships.values()].find((m) => m.user_id === userId && m.tenant_id === tenantId);
  }

  /** Issues an API key for a user and returns the key (`key` picks it, for a fixed value in tests). */
  issueApiKey(input: { userId: string; defaultTenantId?: string | null; name?: string; expiresAt?: string | null; key?: string }): string {
    const key = input.key ?? `pcu_${this.ids.ref(36)}`;
    const row: ApiKeyRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), name: input.name ?? 'simulated key', user_id: input.userId, created_by_user_id: input.userId, default_tenant_id: input.defaultTenantId ?? null, expires_at: input.expiresAt ?? null, key };
    this.apiKeys.set(row.id, row);
    return key;
  }

  /** Issues a legacy API token and returns it. USER tokens have no tenant; RUNNER tokens have no user. */
  issueApiToken(input: { scope: 'USER' | 'TENANT' | 'RUNNER'; userId?: string | null; tenantId?: string | null; name?: string; token?: string }): string {
    const token = input.token ?? `sim-${input.scope.toLowerCase()}-token-${this.ids.ref(24)}`;
    const row: ApiTokenRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), name: input.name ?? `${input.scope} token`, scope: input.scope, tenant_id: input.scope === 'USER' ? null : (input.tenantId ?? null), user_id: input.scope === 'RUNNER' ? null : (input.userId ?? null), created_by_user_id: input.userId ?? null, expires_at: null, last_used: null, token };
    this.apiTokens.set(row.id, row);
    return token;
  }

  /** Opens a tenant session for a user (what switch_tenant does). */
  openSession(userId: string, tenantId: string): SessionRow {
    const now = this.clock.now();
    const session: SessionRow = { userId, tenantId, accessToken: `sim-access-${this.ids.ref(32)}`, refreshToken: `sim-refresh-${this.ids.ref(32)}`, expiresAt: now + this.settings.accessTokenTtlMs, refreshExpiresAt: now + this.settings.refreshTokenTtlMs, revoked: false, refreshSpent: false };
    this.sessions.set(session.accessToken, session);
    return session;
  }

  addProject(input: { tenantId: string; name: string; description?: string | null }): ProjectRow {
    const row: ProjectRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), tenant_id: input.tenantId, name: input.name, description: input.description ?? null };
    this.projects.set(row.id, row);
    return row;
  }

  /** Registers a flow version (a new version of `versionGroupId` when given) with its tasks. */
  addFlow(input: { projectId: string; name: string; tasks?: string[]; parameters?: string[]; versionGroupId?: string; archived?: boolean; labels?: string[] }): FlowRow {
    const project = this.projects.get(input.projectId);
    if (!project) throw new Error(`No project ${input.projectId} in the simulator.`);
    let group = input.versionGroupId ? [...this.flowGroups.values()].find((g) => g.name === input.versionGroupId) : undefined;
    if (!group) {
      group = { id: this.ids.uuid(), created: this.now(), updated: this.now(), tenant_id: project.tenant_id, name: input.versionGroupId ?? this.ids.uuid(), description: null, settings: {}, default_parameters: {}, schedule: null, labels: input.labels ?? [], run_config: null };
      this.flowGroups.set(group.id, group);
    }
    const versions = [...this.flows.values()].filter((f) => f.flow_group_id === group!.id).map((f) => f.version);
    const row: FlowRow = {
      id: this.ids.uuid(), created: this.now(), updated: this.now(), tenant_id: project.tenant_id, project_id: project.id, flow_group_id: group.id, version_group_id: group.name, version: Math.max(0, ...versions) + 1,
      archived: input.archived ?? false, name: input.name, description: null, core_version: '1.4.1', is_schedule_active: false, schedule: null, serialized_flow: {}, environment: null,
      run_config: { type: 'UniversalRun', labels: input.labels ?? [] }, storage: { type: 'Module' }, parameters: (input.parameters ?? []).map((name) => ({ name, required: false, default: null })),
    };
    this.flows.set(row.id, row);
    for (const [index, name] of (input.tasks ?? ['run']).entries()) {
      const task: TaskRow = { id: this.ids.uuid(), created: this.now(), updated: this.now(), tenant_id: row.tenant_id, flow_id: row.id, name, slug: `${name}-1`, description: null, type: `prefect.tasks.${name}`, max_retries: 0, retry_delay: null, trigger: 'all_successful', tags: [], mapped: false, auto_generated: false, cache_key: null, is_root_task: index === 0, is_terminal_task: index === (input.tasks?.length ?? 1) - 1, is_reference_task: index === (input.tasks?.length ?? 1) - 1 };
      this.tasks.set(task.id, task);
    }
    return row;
  }

  addAgent(input: { tenantId: string; name: string; type?: string; labels?: string[]; lastQueried?: string | null }): AgentRow {
    const row: AgentRow = { id: this.ids.uuid(), created: this.now(), tenant_id: input.tenantId, agent_config_id: null, name: input.name, type: input.type ?? 'KubernetesAgent', core_version: '1.4.1', labels: input.labels ?? [], last_queried: input.lastQueried === undefined ? this.now() : input.lastQueried };
    this.agents.set(row.id, row);
    return row;
  }

  /** Appends a log line to a run (and a task run). */
  addLog(run: FlowRunRow, message: string, options: { level?: string; at?: number; taskRunId?: string | null; name?: string } = {}): LogRow {
    const at = this.now(options.at);
    const row: LogRow = { id: this.ids.uuid(), created: at, updated: at, tenant_id: run.tenant_id, flow_run_id: run.id, task_run_id: options.taskRunId ?? null, timestamp: at, name: options.name ?? 'prefect.CloudFlowRunner', level: options.level ?? 'INFO', message, info: {} };
    this.logs.push(row);
    return row;
  }
}
