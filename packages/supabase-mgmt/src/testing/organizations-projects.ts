import type { components } from '../generated/schema';
import { empty, fail, projectOr404, readJson, reply, type RouteContext, type RouteDefinition } from './routes';
import type { SimProject, SimulatorState } from './state';

type Schemas = components['schemas'];

function projectWithDatabase(state: SimulatorState, project: SimProject): Schemas['V1ProjectWithDatabaseResponse'] {
  return {
    id: project.ref,
    ref: project.ref,
    organization_id: project.organization_id,
    organization_slug: project.organization_slug,
    name: project.name,
    region: project.region,
    created_at: project.created_at,
    status: state.projectStatus(project),
    database: { host: `db.${project.ref}.supabase.co`, version: project.postgres_version, postgres_engine: '17', release_channel: 'ga' },
  };
}

function organizationProject(state: SimulatorState, project: SimProject): Schemas['OrganizationProjectsResponse']['projects'][number] {
  const status = state.projectStatus(project);
  return {
    ref: project.ref,
    name: project.name,
    cloud_provider: 'AWS',
    region: project.region,
    is_branch: false,
    status,
    inserted_at: project.created_at,
    databases: [
      {
        region: project.region,
        status: status === 'INACTIVE' || status === 'PAUSING' || status === 'UPGRADING' || status === 'PAUSE_FAILED' || status === 'RESTORE_FAILED' ? 'UNKNOWN' : status,
        cloud_provider: 'AWS',
        identifier: project.ref,
        type: 'PRIMARY',
        infra_compute_size: 'micro',
      },
    ],
  };
}

const SORTS: Record<string, (a: SimProject, b: SimProject) => number> = {
  name_asc: (a, b) => a.name.localeCompare(b.name),
  name_desc: (a, b) => b.name.localeCompare(a.name),
  created_asc: (a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id,
  created_desc: (a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id,
};

function organizationProjects({ state, params, url }: RouteContext): Response {
  if (!state.organizations.has(params.slug!)) return fail(404, `Organization ${params.slug} not found`);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 100);
  if (!Number.isInteger(offset) || offset < 0) return fail(400, 'offset must be a non-negative integer');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return fail(400, 'limit must be an integer between 1 and 100');
  const sort = url.searchParams.get('sort') ?? 'name_asc';
  if (!SORTS[sort]) return fail(400, `sort must be one of ${Object.keys(SORTS).join(', ')}`);
  const search = url.searchParams.get('search')?.toLowerCase();
  const statuses = url.searchParams.get('statuses')?.split(',').filter(Boolean);
  const matching = [...state.projects.values()]
    .filter((project) => project.organization_slug === params.slug)
    .filter((project) => !search || project.name.toLowerCase().includes(search) || project.ref.includes(search))
    .filter((project) => !statuses?.length || statuses.includes(state.projectStatus(project)))
    .sort(SORTS[sort]);
  return reply<Schemas['OrganizationProjectsResponse']>({
    projects: matching.slice(offset, offset + limit).map((project) => organizationProject(state, project)),
    pagination: { count: matching.length, limit, offset },
  });
}

async function createProject({ state, request }: RouteContext): Promise<Response> {
  const body = await readJson<Schemas['V1CreateProjectBody']>(request);
  if (!body) return fail(400, 'The body must be JSON');
  const missing = (['name', 'db_pass'] as const).filter((field) => !body[field]);
  if (!body.organization_slug && !body.organization_id) missing.push('organization_slug' as never);
  if (missing.length) return fail(400, `Missing required fields: ${missing.join(', ')}`);
  const slug = body.organization_slug ?? [...state.organizations.values()].find((organization) => organization.id === body.organization_id)?.slug;
  if (!slug || !state.organizations.has(slug)) return fail(404, `Organization ${body.organization_slug ?? body.organization_id} not found`);
  const region = body.region_selection?.type === 'specific' ? body.region_selection.code : body.region_selection?.type === 'smartGroup' ? 'us-east-1' : (body.region ?? 'us-east-1');
  const project = state.addProject({ name: body.name, organization_slug: slug, region, readyInMs: state.delays.projectReadyMs });
  return reply<Schemas['V1ProjectResponse']>(
    { id: project.ref, ref: project.ref, organization_id: project.organization_id, organization_slug: slug, name: project.name, region, created_at: project.created_at, status: state.projectStatus(project) },
    201,
  );
}

function health(context: RouteContext): Response {
  const project = projectOr404(context);
  if (project instanceof Response) return project;
  const services = context.url.searchParams.getAll('services').flatMap((value) => value.split(',')).filter(Boolean);
  if (!services.length) return fail(400, 'services is required (auth, db, pooler, realtime, rest, storage...)');
  const status = context.state.projectStatus(project);
  const up = status === 'ACTIVE_HEALTHY';
  return reply<Schemas['V1ServiceHealthResponse'][]>(
    services.map((name) => ({ name: name as Schemas['V1ServiceHealthResponse']['name'], healthy: up, status: up ? 'ACTIVE_HEALTHY' : status === 'COMING_UP' ? 'COMING_UP' : 'UNHEALTHY' })),
  );
}

/** Organizations, projects, their lifecycle (pause, restore, upgrade) and health. */
export function organizationAndProjectRoutes(): RouteDefinition[] {
  return [
    { method: 'GET', path: '/v1/profile', resolve: () => reply<Schemas['V1ProfileResponse']>({ gotrue_id: '00000000-0000-4000-8000-000000000001', primary_email: 'dev@example.com', username: 'simulated-user' }) },
    { method: 'GET', path: '/v1/organizations', resolve: ({ state }) => reply<Schemas['OrganizationResponseV1'][]>([...state.organizations.values()].map(({ id, slug, name }) => ({ id, slug, name }))) },
    {
      method: 'POST',
      path: '/v1/organizations',
      resolve: async ({ state, request }) => {
        const body = await readJson<Schemas['CreateOrganizationV1']>(request);
        if (!body?.name) return fail(400, 'name is required');
        const { id, slug, name } = state.addOrganization({ name: body.name });
        return reply<Schemas['OrganizationResponseV1']>({ id, slug, name }, 201);
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/{slug}',
      resolve: ({ state, params }) => {
        const organization = state.organizations.get(params.slug!);
        if (!organization) return fail(404, `Organization ${params.slug} not found`);
        return reply<Schemas['V1OrganizationSlugResponse']>({ id: organization.id, name: organization.name, plan: organization.plan, opt_in_tags: [], allowed_release_channels: ['ga'] });
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/{slug}/members',
      resolve: ({ state, params }) =>
        state.organizations.has(params.slug!)
          ? reply<Schemas['V1OrganizationMemberResponse'][]>([{ user_id: '00000000-0000-4000-8000-000000000001', user_name: 'simulated-user', email: 'dev@example.com', role_name: 'Owner', mfa_enabled: false }])
          : fail(404, `Organization ${params.slug} not found`),
    },
    { method: 'GET', path: '/v1/organizations/{slug}/projects', resolve: organizationProjects },
    { method: 'GET', path: '/v1/projects', resolve: ({ state }) => reply<Schemas['V1ProjectWithDatabaseResponse'][]>([...state.projects.values()].map((project) => projectWithDatabase(state, project))) },
    { method: 'POST', path: '/v1/projects', resolve: createProject },
    {
      method: 'GET',
      path: '/v1/projects/{ref}',
      resolve: (context) => {
        const project = projectOr404(context);
        return project instanceof Response ? project : reply<Schemas['V1ProjectWithDatabaseResponse']>(projectWithDatabase(context.state, project));
      },
    },
    {
      method: 'PATCH',
      path: '/v1/projects/{ref}',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const body = await readJson<Schemas['V1UpdateProjectBody']>(context.request);
        if (!body?.name) return fail(400, 'name is required');
        project.name = body.name;
        return reply<Schemas['V1ProjectRefResponse']>({ id: project.id, ref: project.ref, name: project.name });
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{ref}',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        context.state.projects.delete(project.ref);
        return reply<Schemas['V1ProjectRefResponse']>({ id: project.id, ref: project.ref, name: project.name });
      },
    },
    { method: 'GET', path: '/v1/projects/{ref}/health', resolve: health },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/pause',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        if (context.state.projectStatus(project) !== 'ACTIVE_HEALTHY') return fail(400, `Project ${project.ref} can only be paused when ACTIVE_HEALTHY`);
        context.state.setProjectStatus(project.ref, 'PAUSING', { status: 'INACTIVE', afterMs: context.state.delays.pauseMs });
        return empty(200);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/restore',
      resolve: (context) => {
        const project = projectOr404(context);
        return project instanceof Response ? project : reply<Schemas['GetProjectAvailableRestoreVersionsResponse']>({ available_versions: [{ version: project.postgres_version, release_channel: 'ga', postgres_engine: '17' }] });
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/restore',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        if (context.state.projectStatus(project) !== 'INACTIVE') return fail(400, `Project ${project.ref} is not paused; only an INACTIVE project can be restored`);
        context.state.setProjectStatus(project.ref, 'RESTORING', { status: 'ACTIVE_HEALTHY', afterMs: context.state.delays.restoreMs });
        return empty(200);
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/upgrade',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const body = await readJson<Schemas['UpgradeDatabaseBody']>(context.request);
        if (!body?.target_version) return fail(400, 'target_version is required');
        if (context.state.projectStatus(project) !== 'ACTIVE_HEALTHY') return fail(400, `Project ${project.ref} must be ACTIVE_HEALTHY to upgrade`);
        const now = context.state.clock.now();
        const tracking_id = context.state.ids.uuid();
        project.upgrade = { tracking_id, target_version: Number.parseFloat(body.target_version), initiated_at: now, done_at: now + context.state.delays.upgradeMs };
        context.state.setProjectStatus(project.ref, 'UPGRADING', { status: 'ACTIVE_HEALTHY', afterMs: context.state.delays.upgradeMs });
        return reply<Schemas['ProjectUpgradeInitiateResponse']>({ tracking_id }, 201);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/upgrade/status',
      resolve: (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const upgrade = project.upgrade;
        const trackingId = context.url.searchParams.get('tracking_id');
        if (!upgrade || (trackingId && trackingId !== upgrade.tracking_id)) return reply<Schemas['DatabaseUpgradeStatusResponse']>({ databaseUpgradeStatus: null });
        const now = context.state.clock.now();
        const done = now >= upgrade.done_at;
        const failed = done && upgrade.error !== undefined;
        return reply<Schemas['DatabaseUpgradeStatusResponse']>({
          databaseUpgradeStatus: {
            initiated_at: context.state.iso(upgrade.initiated_at),
            latest_status_at: context.state.iso(Math.min(now, upgrade.done_at)),
            target_version: upgrade.target_version,
            // 0 upgrading, 1 upgraded, 2 failed: the numbers the API reports.
            status: failed ? 2 : done ? 1 : 0,
            progress: done ? '10_completed_post_physical_backup' : '5_initiated_data_upgrade',
            ...(failed && { error: upgrade.error }),
          },
        });
      },
    },
  ];
}
