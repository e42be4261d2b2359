import { IdSource } from '@x/core/testing';
import { realClock, redactBody, type Clock } from '@x/core';
import { envHash } from './env-hash';
import { jobEnd, jobStatus, type SimJob } from './sim-jobs';

/** A failure the simulator answers with (in `errors[]`, HTTP 200, as Hasura Cloud does). */
export class SimError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** A project of the simulator. */
export interface SimProject {
  id: string;
  name: string;
  tenantId: string;
  createdAt: number;
}

/** The tenant behind a project. */
export interface SimTenant {
  id: string;
  projectId: string;
  cloud: string;
  region: string;
  plan: string;
  createdAt: number;
  /** When the tenant answers again (after creation or a config change). */
  readyAt: number;
  /** `envVars.environment`; values may be non-strings to mimic what older configs hold. */
  environment: Record<string, unknown>;
  /** Other top-level keys of `envVars`. */
  extra: Record<string, unknown>;
  /** The hash live on the workers (lags the current one until the tenant is ready). */
  liveHash: string;
  active: boolean;
  activeStatusReason: string | null;
}

/** A custom domain. */
export interface SimDomain {
  id: string;
  fqdn: string;
  tenantId: string;
  createdAt: number;
}

/** One request the simulator answered. */
export interface SimCall {
  operationName: string | undefined;
  /** The variables with secret fields (tokens, values) masked. */
  variables: unknown;
  ok: boolean;
}

/** Timings of the simulated control plane, in ms of the simulator's clock. */
export interface SimTimings {
  /** From createTenant until the project answers. Default 20 s. */
  provisionMs: number;
  /** From an env-var change until the project answers again. Default 5 s. */
  reconfigureMs: number;
  /** Duration of each step of a preview-app job. Default 3 s. */
  jobStepMs: number;
}

const CLOUDS: Record<string, string[]> = {
  aws: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-central-1', 'eu-west-1', 'ap-south-1', 'ap-southeast-1'],
  gcp: ['us-central1', 'us-east4', 'europe-west1', 'asia-south1'],
  azure: ['eastus', 'westeurope'],
};
const PLANS = ['cloud_free', 'cloud_free_v2', 'cloud_payg'];
const NAME = /^[a-z0-9][a-z0-9-]{1,60}[a-z0-9]$/;
const WORDS = ['brave', 'calm', 'eager', 'fancy', 'gentle', 'happy', 'jolly', 'lucky'];
const ANIMALS = ['lynx', 'otter', 'heron', 'koala', 'panda', 'gecko', 'bison', 'llama'];

/** The simulated Hasura Cloud control plane: projects, tenants, env vars with hashes, domains and jobs. */
export class HasuraSimState {
  readonly projects = new Map<string, SimProject>();
  readonly tenants = new Map<string, SimTenant>();
  readonly domains = new Map<string, SimDomain>();
  readonly jobs = new Map<string, SimJob>();
  /** Regions and their gateway egress IPs. */
  readonly regions: Array<{ name: string; nat_ip: string | null; is_active: boolean }> = [
    { name: 'us-east-2', nat_ip: '3.131.20.10', is_active: true },
    { name: 'us-west-1', nat_ip: '54.183.10.20', is_active: true },
    { name: 'eu-central-1', nat_ip: '18.192.30.40', is_active: true },
    { name: 'ap-south-1', nat_ip: null, is_active: true },
    { name: 'sa-east-1', nat_ip: '18.228.0.50', is_active: false },
  ];
  /** Every request answered, in order. */
  readonly calls: SimCall[] = [];
  /** Root fields the token may not see: asked for, they fail as Hasura does ("field ... not found in type"). */
  readonly hiddenRootFields = new Set<string>();
  /** Upstream quirks to reproduce, switched on through the faults. */
  readonly quirks = { ignoreNextCreateName: false };
  readonly ids = new IdSource();
  readonly timings: SimTimings;
  readonly clock: Clock;

  constructor(options: { clock?: Clock; timings?: Partial<SimTimings> } = {}) {
    this.clock = options.clock ?? realClock;
    this.timings = { provisionMs: 20_000, reconfigureMs: 5_000, jobStepMs: 3_000, ...options.timings };
  }

  now(): number {
    return this.clock.now();
  }

  /** How many requests of this operation were answered. */
  count(operationName: string): number {
    return this.calls.filter((call) => call.operationName === operationName).length;
  }

  /** Records a request (secret fields masked). */
  record(operationName: string | undefined, variables: unknown, ok: boolean): void {
    this.calls.push({ operationName, variables: redactBody(variables), ok });
  }

  /** Adds a project directly (ready at once unless `ready: false`). */
  addProject(input: { name?: string; cloud?: string; region?: string; plan?: string; envVars?: Record<string, unknown>; ready?: boolean } = {}): { projectId: string; tenantId: string } {
    const tenant = this.createTenant({ cloud: input.cloud ?? 'aws', region: input.region ?? 'us-east-2', plan: input.plan, name: input.name });
    if (input.envVars) tenant.environment = { ...tenant.environment, ...input.envVars };
    if (input.ready !== false) tenant.readyAt = this.now();
    tenant.liveHash = envHash(tenant.environment);
    return { projectId: tenant.projectId, tenantId: tenant.id };
  }

  /** The env vars of a tenant (a copy). */
  envOf(tenantId: string): Record<string, unknown> {
    return { ...this.tenant(tenantId).environment };
  }

  /** The current hash of a tenant's env vars. */
  hashOf(tenantId: string): string {
    return envHash(this.tenant(tenantId).environment);
  }

  /** Changes env vars out of band, as another writer (the dashboard, another process) would. */
  editEnv(tenantId: string, upsert: Record<string, unknown>, remove: string[] = []): void {
    const tenant = this.tenant(tenantId);
    const next = { ...tenant.environment, ...upsert };
    for (const key of remove) delete next[key];
    tenant.environment = next;
  }

  tenant(tenantId: string): SimTenant {
    const tenant = this.tenants.get(tenantId);
    if (!tenant) throw new SimError(`tenant ${tenantId} not found`, 'not-exists');
    return tenant;
  }

  isReady(tenant: SimTenant): boolean {
    return this.now() >= tenant.readyAt;
  }

  createTenant(args: { cloud: string; region: string; plan?: string | null; name?: string | null; envs?: Array<{ key: string; value: string } | null> | null }): SimTenant {
    if (!CLOUDS[args.cloud]) throw new SimError(`invalid cloud "${args.cloud}": expected one of ${Object.keys(CLOUDS).join(', ')}`, 'bad-request');
    if (!CLOUDS[args.cloud]!.includes(args.region)) throw new SimError(`region "${args.region}" is not available on ${args.cloud}`, 'bad-request');
    const plan = args.plan ?? 'cloud_free';
    if (!PLANS.includes(plan)) throw new SimError(`invalid plan "${plan}"`, 'bad-request');
    // Creating with env vars has been reported to fail on this plan; set them afterwards.
    if (plan === 'cloud_free_v2' && args.envs?.length) throw new SimError('there was an internal error while serving your request', 'GenericServerError');
    const ignoreName = this.quirks.ignoreNextCreateName;
    this.quirks.ignoreNextCreateName = false;
    const name = args.name && !ignoreName ? args.name : this.generatedName();
    this.checkName(name);
    const now = this.now();
    const tenantId = this.ids.uuid();
    const projectId = this.ids.uuid();
    const environment: Record<string, unknown> = { HASURA_GRAPHQL_ADMIN_SECRET: `sim-admin-${tenantId.slice(-6)}` };
    for (const env of args.envs ?? []) if (env) environment[env.key] = env.value;
    const tenant: SimTenant = { id: tenantId, projectId, cloud: args.cloud, region: args.region, plan, createdAt: now, readyAt: now + this.timings.provisionMs, environment, extra: {}, liveHash: '', active: true, activeStatusReason: null };
    this.tenants.set(tenantId, tenant);
    this.projects.set(projectId, { id: projectId, name, tenantId, createdAt: now });
    return tenant;
  }

  deleteTenant(tenantId: string): void {
    const tenant = this.tenant(tenantId);
    this.tenants.delete(tenantId);
    this.projects.delete(tenant.projectId);
    for (const [id, domain] of this.domains) if (domain.tenantId === tenantId) this.domains.delete(id);
  }

  renameProject(projectId: string, name: string): SimProject | null {
    const project = this.projects.get(projectId);
    if (!project) return null;
    if (project.name !== name) this.checkName(name);
    project.name = name;
    return project;
  }

  updateEnv(tenantId: string, currentHash: string, envs: Array<{ key: string; value: string }>): SimTenant {
    const tenant = this.tenant(tenantId);
    this.checkHash(tenant, currentHash);
    if (envs.length === 0 || envs.every((env) => tenant.environment[env.key] === env.value)) {
      throw new SimError('no changes to apply: every env var already has the given value', 'bad-request');
    }
    const next = { ...tenant.environment };
    for (const env of envs) next[env.key] = env.value;
    return this.reconfigure(tenant, next);
  }

  deleteEnv(tenantId: string, currentHash: string, keys: string[]): SimTenant {
    const tenant = this.tenant(tenantId);
    this.checkHash(tenant, currentHash);
    if (keys.length === 0) throw new SimError('no changes to apply: deleteEnvs is empty', 'bad-request');
    const missing = keys.filter((key) => !(key in tenant.environment));
    if (missing.length) throw new SimError(`env vars not found: ${missing.join(', ')}`, 'not-exists');
    const next = { ...tenant.environment };
    for (const key of keys) delete next[key];
    return this.reconfigure(tenant, next);
  }

  addDomain(tenantId: string, fqdn: string): SimDomain {
    this.tenant(tenantId);
    if ([...this.domains.values()].some((domain) => domain.fqdn === fqdn)) {
      throw new SimError('Uniqueness violation. duplicate key value violates unique constraint "custom_domain_fqdn_key"', 'constraint-violation');
    }
    const domain = { id: this.ids.uuid(), fqdn, tenantId, createdAt: this.now() };
    this.domains.set(domain.id, domain);
    return domain;
  }

  /** Brings time-driven state up to date: finished creation jobs create their project; ready tenants go live. */
  advance(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (job.onSuccess && !job.result && jobStatus(job, now) === 'success') job.result = job.onSuccess(jobEnd(job));
    }
    for (const tenant of this.tenants.values()) if (this.isReady(tenant)) tenant.liveHash = envHash(tenant.environment);
  }

  projectByName(name: string): SimProject | undefined {
    return [...this.projects.values()].find((project) => project.name === name);
  }

  private reconfigure(tenant: SimTenant, environment: Record<string, unknown>): SimTenant {
    tenant.environment = environment;
    tenant.readyAt = Math.max(tenant.readyAt, this.now() + this.timings.reconfigureMs);
    return tenant;
  }

  private checkHash(tenant: SimTenant, currentHash: string): void {
    if (currentHash !== envHash(tenant.environment)) {
      throw new SimError('currentHash is stale: the env vars changed since it was read. Fetch the latest hash with getTenantEnv and retry.', 'bad-request');
    }
  }

  private checkName(name: string): void {
    if (!NAME.test(name)) throw new SimError(`invalid project name "${name}": use 3-62 lowercase letters, digits and hyphens`, 'bad-request');
    if (this.projectByName(name)) throw new SimError(`a project named ${name} already exists`, 'already-exists');
  }

  private generatedName(): string {
    const n = this.projects.size + this.jobs.size + 1;
    return `${WORDS[n % WORDS.length]}-${ANIMALS[Math.floor(n / WORDS.length) % ANIMALS.length]}-${String(n).padStart(2, '0')}`;
  }
}
