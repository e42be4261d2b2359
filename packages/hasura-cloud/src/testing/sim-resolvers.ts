import { envHash } from './env-hash';
import { applyListArgs, type ListArgs, type Row } from './hasura-filter';
import { jobStatus, visibleTasks, type SimJob } from './sim-jobs';
import { queuePreviewApp, type PreviewPayload, type PreviewPlan } from './sim-preview-apps';
import { SimError, type HasuraSimState, type SimDomain, type SimProject, type SimTenant } from './sim-state';

const iso = (ms: number) => new Date(ms).toISOString();

/** The root value for one request: every query and mutation root field of the schema, over the state. */
export function rootResolvers(state: HasuraSimState, takePreviewPlan: () => PreviewPlan): Row {
  const project = (p: SimProject): Row => ({
    id: p.id,
    name: p.name,
    endpoint: `https://${p.name}.hasura.app`,
    created_at: iso(p.createdAt),
    tenant: () => (state.tenants.has(p.tenantId) ? tenant(state.tenants.get(p.tenantId)!) : null),
  });
  const domain = (d: SimDomain): Row => ({
    id: d.id,
    fqdn: d.fqdn,
    tenant_id: d.tenantId,
    created_at: iso(d.createdAt),
    dns_validation: `CNAME ${d.fqdn} ${state.projects.get(state.tenants.get(d.tenantId)?.projectId ?? '')?.name ?? 'project'}.hasura.app`,
    cert: null,
  });
  const tenant = (t: SimTenant): Row => {
    const ready = state.isReady(t);
    const owner = state.projects.get(t.projectId);
    const message = ready ? 'healthy' : state.now() - t.createdAt < state.timings.provisionMs ? 'provisioning' : 'applying configuration';
    return {
      id: t.id,
      slug: owner?.name ?? null,
      region: t.region,
      cloud: t.cloud,
      active: t.active,
      active_status_reason: t.activeStatusReason,
      health_status: { status: ready ? 'healthy' : 'unhealthy', message },
      config: { hash: envHash(t.environment) },
      project: () => (owner ? project(owner) : null),
      status: { has_inconsistent_metadata: false, is_active: ready, message, updated_at: iso(state.now()) },
      tenant_public_status: { endpoint: owner ? `https://${owner.name}.hasura.app` : null, is_active: ready, message },
      custom_domains: (args: ListArgs) => applyListArgs([...state.domains.values()].filter((d) => d.tenantId === t.id).map(domain), args),
    };
  };
  const job = (j: SimJob): Row => {
    const now = state.now();
    return {
      id: j.id,
      status: jobStatus(j, now),
      created_at: iso(j.createdAt),
      updated_at: iso(now),
      tasks: (args: ListArgs) =>
        applyListArgs(
          visibleTasks(j, now).map((task) => ({
            id: task.id,
            name: task.name,
            cloud: task.cloud,
            region: task.region,
            created_at: iso(task.createdAt),
            updated_at: iso(task.updatedAt),
            task_events: (eventArgs: ListArgs) => applyListArgs(task.events.map(({ at, ...event }) => ({ ...event, created_at: iso(at), updated_at: iso(at) })), eventArgs),
          })),
          args,
        ),
    };
  };
  const env = (t: SimTenant) => ({ hash: envHash(t.environment), envVars: { ...t.extra, environment: { ...t.environment } } });

  return {
    // Queries
    projects: (args: ListArgs) => applyListArgs([...state.projects.values()].map(project), args),
    projects_by_pk: ({ id }: { id: string }) => (state.projects.has(id) ? project(state.projects.get(id)!) : null),
    tenant: (args: ListArgs) => applyListArgs([...state.tenants.values()].map(tenant), args),
    tenant_by_pk: ({ id }: { id: string }) => (state.tenants.has(id) ? tenant(state.tenants.get(id)!) : null),
    jobs: (args: ListArgs) => applyListArgs([...state.jobs.values()].map(job), args),
    jobs_by_pk: ({ id }: { id: string }) => (state.jobs.has(id) ? job(state.jobs.get(id)!) : null),
    custom_domain: (args: ListArgs) => applyListArgs([...state.domains.values()].map(domain), args),
    custom_domain_by_pk: ({ id }: { id: string }) => (state.domains.has(id) ? domain(state.domains.get(id)!) : null),
    region: (args: ListArgs) => applyListArgs(state.regions.map((r) => ({ nat_ip: r.nat_ip, is_active: r.is_active })), args),
    config_status: (args: ListArgs) =>
      applyListArgs(
        [...state.tenants.values()].map((t) => ({ tenant_id: t.id, hash: t.liveHash, message: state.isReady(t) ? 'live' : 'rolling out', is_active: true, worker_state: 'live' })),
        args,
      ),
    getTenantEnv: ({ tenantId }: { tenantId: string }) => env(state.tenant(tenantId)),

    // Mutations
    createTenant: (args: { cloud: string; region: string; plan?: string | null; name?: string | null; envs?: Array<{ key: string; value: string } | null> | null; databaseUrl?: string | null }) => {
      const created = state.createTenant(args);
      return { id: created.id, name: state.projects.get(created.projectId)!.name, tenant: tenant(created) };
    },
    deleteTenant: ({ tenantId }: { tenantId: string }) => {
      state.deleteTenant(tenantId);
      return { status: 'deleted' };
    },
    updateTenantName: ({ tenantId, name }: { tenantId: string; name: string }) => {
      const t = state.tenant(tenantId);
      state.renameProject(t.projectId, name);
      return { tenant: tenant(t) };
    },
    updateTenantEnv: ({ tenantId, currentHash, envs }: { tenantId: string; currentHash: string; envs: Array<{ key: string; value: string }> }) => env(state.updateEnv(tenantId, currentHash, envs)),
    deleteTenantEnv: ({ tenantId, currentHash, deleteEnvs }: { tenantId: string; currentHash: string; deleteEnvs: string[] }) => env(state.deleteEnv(tenantId, currentHash, deleteEnvs)),
    createGitHubPreviewApp: ({ payload }: { payload: PreviewPayload }) => ({ githubPreviewAppJobID: queuePreviewApp(state, payload, takePreviewPlan()).id }),
    insert_custom_domain_one: ({ object }: { object: { fqdn?: string | null; tenant_id?: string | null } }) => {
      if (!object.fqdn || !object.tenant_id) throw new SimError('fqdn and tenant_id are required', 'constraint-violation');
      return domain(state.addDomain(object.tenant_id, object.fqdn));
    },
    update_projects_by_pk: ({ pk_columns, _set }: { pk_columns: { id: string }; _set?: { name?: string | null } | null }) => {
      const p = state.projects.get(pk_columns.id);
      if (!p) return null;
      if (_set?.name) state.renameProject(p.id, _set.name);
      return project(p);
    },
  };
}
