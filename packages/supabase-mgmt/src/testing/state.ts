import { IdSource } from '@x/core/testing';
import type { Clock } from '@x/core';
import type { components } from '../generated/schema';

type Schemas = components['schemas'];
type ProjectStatus = Schemas['V1ProjectWithDatabaseResponse']['status'];
type BranchWorkflowStatus = Schemas['BranchResponse']['status'];

/** How long the simulated lifecycles take, in ms of the simulator's clock. */
export interface SimulatorDelays {
  /** A new project is COMING_UP for this long, then ACTIVE_HEALTHY. Default 90 s. */
  projectReadyMs: number;
  /** A new branch's preview project comes up after this long. Default 120 s. */
  branchReadyMs: number;
  /** A restore (RESTORING) lasts this long. Default 120 s. */
  restoreMs: number;
  /** A pause (PAUSING) lasts this long before INACTIVE. Default 30 s. */
  pauseMs: number;
  /** A Postgres upgrade (UPGRADING) lasts this long. Default 600 s. */
  upgradeMs: number;
}

/** A project as the simulator keeps it. The status is read from a timeline so time alone moves it on. */
export interface SimProject {
  id: number;
  ref: string;
  name: string;
  organization_slug: string;
  organization_id: string;
  region: string;
  created_at: string;
  postgres_version: string;
  timeline: Array<{ at: number; status: ProjectStatus }>;
  upgrade?: { tracking_id: string; target_version: number; initiated_at: number; done_at: number; error?: NonNullable<Schemas['DatabaseUpgradeStatusResponse']['databaseUpgradeStatus']>['error'] };
}

/** An edge function with its stored source. */
export interface SimFunction {
  info: Schemas['FunctionResponse'];
  /** The bytes `getAFunctionBody` returns: the eszip uploaded, the JSON `body`, or the entrypoint file deployed. */
  bundle: Uint8Array;
}

/** What the simulator received for one multipart deploy: the metadata field and every file part. */
export interface SimDeployment {
  ref: string;
  slug: string;
  metadata: unknown;
  files: Array<{ field: string; name: string; type: string; content: string }>;
}

/** A branch; it becomes ready `branchReadyMs` after creation. */
export interface SimBranch {
  info: Omit<Schemas['BranchResponse'], 'status' | 'preview_project_status'>;
  readyAt: number;
}

/**
 * Everything the simulator holds. Tests read and seed it directly (`addProject`, `addSnippets`, `setProjectStatus`...);
 * statuses that change with time are computed from the clock when read.
 */
export class SimulatorState {
  readonly ids = new IdSource();
  readonly organizations = new Map<string, Schemas['OrganizationResponseV1'] & { plan: NonNullable<Schemas['V1OrganizationSlugResponse']['plan']> }>();
  readonly projects = new Map<string, SimProject>();
  readonly apiKeys = new Map<string, Schemas['ApiKeyResponse'][]>();
  readonly secrets = new Map<string, Map<string, { value: string; updated_at: string }>>();
  readonly functions = new Map<string, Map<string, SimFunction>>();
  readonly deployments: SimDeployment[] = [];
  readonly branches = new Map<string, SimBranch>();
  readonly snippets: Schemas['SnippetResponse'][] = [];
  readonly actionRuns = new Map<string, Schemas['ActionRunResponse'][]>();
  /** Every SQL statement run, in order. */
  readonly queries: Array<{ ref: string; query: string; readOnly: boolean }> = [];
  /** Canned results by statement (lower-cased, trimmed, without a trailing `;`); see answerQuery. */
  readonly queryResults = new Map<string, Array<Record<string, unknown>>>();
  #projectIds = 0;

  constructor(
    readonly clock: Clock,
    readonly delays: SimulatorDelays,
  ) {}

  /** ISO time on the simulator's clock. */
  iso(at = this.clock.now()): string {
    return new Date(at).toISOString();
  }

  /** Adds an organization (seeding); returns it. */
  addOrganization(input: { name: string; slug?: string; plan?: 'free' | 'pro' | 'team' | 'enterprise' }) {
    const organization = { id: this.ids.ref(20), slug: input.slug ?? this.ids.ref(20), name: input.name, plan: input.plan ?? 'free' };
    this.organizations.set(organization.slug, organization);
    return organization;
  }

  /**
   * Adds a project. `status` (default ACTIVE_HEALTHY) is where it starts; `readyInMs` makes it COMING_UP first, as
   * the create endpoint does.
   */
  addProject(input: { name: string; organization_slug: string; region?: string; ref?: string; status?: ProjectStatus; readyInMs?: number }): SimProject {
    const now = this.clock.now();
    const organization = this.organizations.get(input.organization_slug);
    const project: SimProject = {
      id: ++this.#projectIds,
      ref: input.ref ?? this.ids.ref(20),
      name: input.name,
      organization_slug: input.organization_slug,
      organization_id: organization?.id ?? input.organization_slug,
      region: input.region ?? 'us-east-1',
      created_at: this.iso(now),
      postgres_version: '17.4.1.054',
      timeline: input.readyInMs ? [{ at: now, status: 'COMING_UP' }, { at: now + input.readyInMs, status: input.status ?? 'ACTIVE_HEALTHY' }] : [{ at: now, status: input.status ?? 'ACTIVE_HEALTHY' }],
    };
    this.projects.set(project.ref, project);
    const stamp = this.iso(now);
    this.apiKeys.set(project.ref, [
      { id: null, type: 'legacy', name: 'anon', api_key: `eyJhbGciOiJIUzI1NiJ9.anon.${project.ref}`, inserted_at: stamp, updated_at: stamp },
      { id: null, type: 'legacy', name: 'service_role', api_key: `eyJhbGciOiJIUzI1NiJ9.service_role.${project.ref}`, inserted_at: stamp, updated_at: stamp },
      { id: this.ids.uuid(), type: 'publishable', prefix: 'sb_publishable_', name: 'default', api_key: `sb_publishable_${project.ref}`, description: null, inserted_at: stamp, updated_at: stamp },
    ]);
    return project;
  }

  /** A project's status now. */
  projectStatus(project: SimProject): ProjectStatus {
    const now = this.clock.now();
    let status = project.timeline[0]!.status;
    for (const step of project.timeline) if (step.at <= now) status = step.status;
    return status;
  }

  /** Sets a project's status from now on (e.g. `INIT_FAILED`), then optionally another one after `thenAfterMs`. */
  setProjectStatus(ref: string, status: ProjectStatus, then?: { status: ProjectStatus; afterMs: number }): void {
    const project = this.projects.get(ref);
    if (!project) throw new Error(`No simulated project ${ref}`);
    const now = this.clock.now();
    project.timeline = project.timeline.filter((step) => step.at <= now);
    project.timeline.push({ at: now, status });
    if (then) project.timeline.push({ at: now + then.afterMs, status: then.status });
  }

  /** Makes the project's running (or next) Postgres upgrade end FAILED at `error` instead of UPGRADED. */
  failUpgrade(ref: string, error: NonNullable<SimProject['upgrade']>['error'] = '8_upgrade_completion_failed'): void {
    const project = this.projects.get(ref);
    if (!project?.upgrade) throw new Error(`No upgrade is running on simulated project ${ref}`);
    project.upgrade.error = error;
  }

  /** Adds `count` SQL snippets (seeding), named `snippet 001`..., optionally tied to a project. */
  addSnippets(count: number, options: { projectRef?: string } = {}): Schemas['SnippetResponse'][] {
    const added: Schemas['SnippetResponse'][] = [];
    const project = options.projectRef ? this.projects.get(options.projectRef) : undefined;
    for (let i = 0; i < count; i++) {
      const stamp = this.iso(this.clock.now() + this.snippets.length * 1000);
      const snippet: Schemas['SnippetResponse'] = {
        id: this.ids.uuid(),
        inserted_at: stamp,
        updated_at: stamp,
        type: 'sql',
        visibility: options.projectRef ? 'project' : 'user',
        name: `snippet ${String(this.snippets.length + 1).padStart(3, '0')}`,
        description: null,
        project: { id: project?.id ?? 0, name: project?.name ?? options.projectRef ?? '' },
        owner: { id: 1, username: 'simulated-user' },
        updated_by: { id: 1, username: 'simulated-user' },
        favorite: false,
        content: { schema_version: '1.0', sql: `select ${this.snippets.length + 1};` },
      };
      this.snippets.push(snippet);
      added.push(snippet);
    }
    return added;
  }

  /** Adds `count` action runs to a project (seeding), newest last. */
  addActionRuns(ref: string, count: number): Schemas['ActionRunResponse'][] {
    const runs = this.actionRuns.get(ref) ?? [];
    this.actionRuns.set(ref, runs);
    const added: Schemas['ActionRunResponse'][] = [];
    for (let i = 0; i < count; i++) {
      const stamp = this.iso();
      const run: Schemas['ActionRunResponse'] = {
        id: this.ids.uuid(),
        branch_id: this.ids.uuid(),
        run_steps: (['clone', 'pull', 'health', 'configure', 'migrate', 'seed', 'deploy'] as const).map((name) => ({ name, status: 'EXITED' as const, created_at: stamp, updated_at: stamp })),
        workdir: null,
        check_run_id: null,
        created_at: stamp,
        updated_at: stamp,
      };
      runs.push(run);
      added.push(run);
    }
    return added;
  }

  /** Makes `POST .../database/query` answer `rows` for this statement (compared lower-cased, trimmed, without `;`). */
  answerQuery(query: string, rows: Array<Record<string, unknown>>): void {
    this.queryResults.set(normalizeQuery(query), rows);
  }

  /** The branch a `branch_id_or_ref` names: by its UUID or by its preview project's ref. */
  findBranch(idOrRef: string): SimBranch | undefined {
    return this.branches.get(idOrRef) ?? [...this.branches.values()].find((branch) => branch.info.project_ref === idOrRef);
  }

  /** A branch's workflow status and preview project status now. */
  branchStatus(branch: SimBranch): { status: BranchWorkflowStatus; preview: ProjectStatus } {
    if (branch.info.is_default) return { status: 'FUNCTIONS_DEPLOYED', preview: 'ACTIVE_HEALTHY' };
    const ready = this.clock.now() >= branch.readyAt;
    return ready ? { status: 'FUNCTIONS_DEPLOYED', preview: 'ACTIVE_HEALTHY' } : { status: 'CREATING_PROJECT', preview: 'COMING_UP' };
  }
}

/** How statements are compared for canned answers. */
export function normalizeQuery(query: string): string {
  return query.trim().replace(/;\s*$/, '').replace(/\s+/g, ' ').toLowerCase();
}
