import type { components } from '../generated/schema';
import { keysetPage } from './keyset';
import { mapOf, requireCluster, type Route } from './route';
import { invalidField, preconditionFailed, SimError } from './sim-error';
import { regionOf, type CockroachSimState } from './state';

type Schemas = components['schemas'];
type Cluster = Schemas['Cluster'];

const PROVIDERS = ['GCP', 'AWS', 'AZURE'];
const INACTIVE = new Set(['DELETED', 'CREATION_FAILED']);

/** Regions the simulated organization may place clusters in. */
export const SIM_REGIONS: Array<Schemas['CloudProviderRegion']> = [
  ['GCP', 'us-central1', 'Iowa', true],
  ['GCP', 'us-east1', 'South Carolina', true],
  ['GCP', 'europe-west1', 'Belgium', true],
  ['GCP', 'asia-southeast1', 'Singapore', true],
  ['GCP', 'us-west2', 'California', false],
  ['AWS', 'us-east-1', 'N. Virginia', true],
  ['AWS', 'us-west-2', 'Oregon', true],
  ['AWS', 'eu-central-1', 'Frankfurt', true],
  ['AWS', 'ap-south-1', 'Mumbai', false],
  ['AZURE', 'eastus2', 'Virginia', true],
  ['AZURE', 'westeurope', 'Netherlands', false],
].map(([provider, name, location, serverless]) => ({ provider, name, location, serverless, distance: 0 }) as Schemas['CloudProviderRegion']);

/** Clusters: list (keyset), create (CREATING → CREATED after a virtual delay), get, update, delete; nodes; regions. */
export const clusterRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/clusters/available-regions',
    handle: ({ url }) => {
      const provider = url.searchParams.get('provider');
      if (provider !== null && !PROVIDERS.includes(provider)) throw invalidField('provider', 'must be GCP, AWS or AZURE');
      const serverless = url.searchParams.get('serverless');
      const regions = SIM_REGIONS.filter((r) => (!provider || r.provider === provider) && (serverless !== 'true' || r.serverless));
      const page = keysetPage(regions, (r) => `${r.provider}/${r.name}`, url.searchParams);
      return { regions: page.items, pagination: page.pagination };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/clusters',
    handle: ({ url, state }) => {
      const all = url.searchParams.get('show_inactive') === 'true';
      const sortBy = url.searchParams.get('pagination.sort_by');
      if (sortBy !== null && !['NAME', 'CREATED_AT', 'DELETED_AT'].includes(sortBy)) throw invalidField('pagination.sort_by', 'must be NAME, CREATED_AT or DELETED_AT');
      const clusters = [...state.clusters.values()].filter((c) => all || !INACTIVE.has(c.state));
      const key =
        sortBy === 'NAME'
          ? (c: Cluster) => `${c.name}\u0000${state.orderKey(c.id)}`
          : sortBy === 'DELETED_AT'
            ? (c: Cluster) => `${c.deleted_at ?? ''}\u0000${state.orderKey(c.id)}`
            : (c: Cluster) => state.orderKey(c.id);
      const page = keysetPage(clusters, key, url.searchParams);
      return { clusters: page.items, pagination: page.pagination };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters',
    handle: async ({ state, body }) => {
      const input = await body<Partial<Schemas['CreateClusterRequest']>>();
      const name = input.name;
      if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/.test(name)) throw invalidField('name', 'use 3 to 40 lowercase letters, digits and dashes');
      if (!input.provider || !PROVIDERS.includes(input.provider)) throw invalidField('provider', 'must be GCP, AWS or AZURE');
      const spec = input.spec ?? {};
      const serverless = spec.serverless as (Schemas['ServerlessClusterCreateSpecification'] & Record<string, unknown>) | undefined;
      if (!serverless === !spec.dedicated) throw invalidField('spec', 'give exactly one of serverless or dedicated');
      if (serverless && ('spendLimit' in serverless || 'spend_limit' in serverless)) throw invalidField('spec.serverless.spend_limit', 'spend limits were replaced by usage_limits');
      if (serverless && (!Array.isArray(serverless.regions) || serverless.regions.length === 0)) throw invalidField('spec.serverless.regions', 'at least one region is required');
      if ([...state.clusters.values()].some((c) => c.name === name && c.state !== 'DELETED')) throw new SimError(409, `a cluster named ${name} already exists`);
      const regions = serverless ? serverless.regions : Object.keys(spec.dedicated!.region_nodes ?? {});
      for (const region of regions) {
        if (!SIM_REGIONS.some((r) => r.provider === input.provider && r.name === region)) throw invalidField('regions', `${region} is not a ${input.provider} region`);
      }
      const cluster = state.seedCluster({
        name,
        cloud_provider: input.provider,
        plan: spec.plan ?? (serverless ? 'BASIC' : 'ADVANCED'),
        state: 'CREATING',
        labels: spec.labels ?? {},
        delete_protection: spec.delete_protection ?? 'DISABLED',
        ...(spec.parent_id ? { parent_id: spec.parent_id } : {}),
        regions: regions.map((region, index) =>
          regionOf(name, region, serverless ? 0 : (spec.dedicated!.region_nodes[region] ?? 3), serverless ? region === (serverless.primary_region ?? regions[0]) : index === 0),
        ),
        config: serverless
          ? { serverless: { routing_id: `${name}-${state.ids.next('')}`, upgrade_type: serverless.upgrade_type ?? 'AUTOMATIC', ...(serverless.usage_limits ? { usage_limits: int64Strings(serverless.usage_limits) } : {}) } }
          : { dedicated: { machine_type: spec.dedicated!.hardware.machine_spec?.machine_type ?? 'n2-standard-4', num_virtual_cpus: spec.dedicated!.hardware.machine_spec?.num_virtual_cpus ?? 4, storage_gib: spec.dedicated!.hardware.storage_gib, memory_gib: 16, disk_iops: spec.dedicated!.hardware.disk_iops ?? 450 } },
      });
      state.schedule(state.delays.clusterCreateMs, () => {
        if (cluster.state === 'CREATING') Object.assign(cluster, { state: 'CREATED', updated_at: state.nowIso() });
      });
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CREATE_CLUSTER', cluster_id: cluster.id, cluster_name: name });
      return cluster;
    },
  },
  { method: 'GET', path: '/api/v1/clusters/{cluster_id}', handle: ({ state, params }) => requireCluster(state, params.cluster_id!) },
  {
    method: 'PATCH',
    path: '/api/v1/clusters/{cluster_id}',
    handle: async ({ state, params, body }) => {
      const cluster = requireCluster(state, params.cluster_id!, { ready: true });
      const input = await body<Schemas['UpdateClusterSpecification']>();
      if (input.serverless) {
        if (!cluster.config.serverless) throw preconditionFailed('serverless settings apply to Basic and Standard clusters only');
        if (input.serverless.usage_limits) cluster.config.serverless.usage_limits = int64Strings(input.serverless.usage_limits);
        if (input.serverless.regions) cluster.regions = input.serverless.regions.map((r) => regionOf(cluster.name, r, 0, r === input.serverless!.primary_region));
        if (input.serverless.upgrade_type) cluster.config.serverless.upgrade_type = input.serverless.upgrade_type;
      }
      if (input.labels) cluster.labels = input.labels;
      if (input.delete_protection) cluster.delete_protection = input.delete_protection;
      if (input.plan) cluster.plan = input.plan;
      if (input.cockroach_version) startUpgrade(state, cluster, input.cockroach_version);
      cluster.updated_at = state.nowIso();
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_UPDATE_CLUSTER', cluster_id: cluster.id, cluster_name: cluster.name });
      return cluster;
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/clusters/{cluster_id}',
    handle: ({ state, params }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      if (cluster.state === 'DELETED') throw new SimError(404, `cluster ${cluster.id} not found`);
      if (cluster.delete_protection === 'ENABLED') throw preconditionFailed('delete protection is enabled on this cluster; disable it first');
      Object.assign(cluster, { state: 'DELETED', deleted_at: state.nowIso(), updated_at: state.nowIso() });
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_DELETE_CLUSTER', cluster_id: cluster.id, cluster_name: cluster.name });
      return cluster;
    },
  },
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/nodes',
    handle: ({ state, params, url }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const only = url.searchParams.get('region_name');
      const nodes = cluster.regions
        .filter((r) => !only || r.name === only)
        .flatMap((r) => Array.from({ length: cluster.config.dedicated ? r.node_count : 0 }, (_, i) => ({ name: `${cluster.name}-${r.name}-${i + 1}`, region_name: r.name, status: cluster.state === 'CREATED' ? ('LIVE' as const) : ('NOT_READY' as const) })));
      const page = keysetPage(nodes, (n) => n.name, url.searchParams);
      return { nodes: page.items, pagination: page.pagination };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/connection-string',
    handle: ({ state, params, url }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const user = url.searchParams.get('sql_user');
      if (user && !mapOf(state.sqlUsers, cluster.id).has(user)) throw new SimError(404, `sql user ${user} not found`);
      const os = url.searchParams.get('os');
      if (os !== null && !['MAC', 'LINUX', 'WINDOWS'].includes(os)) throw invalidField('os', 'must be MAC, LINUX or WINDOWS');
      const database = url.searchParams.get('database') || 'defaultdb';
      const host = cluster.regions[0]?.sql_dns ?? `${cluster.name}.sim.cockroachlabs.cloud`;
      const who = user ? `${encodeURIComponent(user)}@` : '';
      return {
        connection_string: `postgresql://${who}${host}:26257/${encodeURIComponent(database)}?sslmode=verify-full`,
        params: { Host: host, Port: '26257', Database: database, ...(user ? { Username: user } : {}) },
      };
    },
  },
];

function startUpgrade(state: CockroachSimState, cluster: Cluster, version: string): void {
  if (!/^v?\d+\.\d+(\.\d+)?$/.test(version)) throw invalidField('cockroach_version', 'must look like v24.3');
  if (cluster.upgrade_status === 'MAJOR_UPGRADE_RUNNING') throw preconditionFailed('an upgrade is already running');
  const target = version.startsWith('v') ? version : `v${version}`;
  Object.assign(cluster, { upgrade_status: 'MAJOR_UPGRADE_RUNNING', operation_status: 'CRDB_MAJOR_UPGRADE_RUNNING' });
  state.schedule(state.delays.upgradeMs, () => {
    if (cluster.upgrade_status !== 'MAJOR_UPGRADE_RUNNING') return;
    Object.assign(cluster, {
      cockroach_version: /^v\d+\.\d+$/.test(target) ? `${target}.0` : target,
      upgrade_status: cluster.config.serverless ? 'FINALIZED' : 'PENDING_FINALIZATION',
      operation_status: 'UNSPECIFIED',
      updated_at: state.nowIso(),
    });
  });
}

// The API sends int64 as strings and takes numbers or strings: store what it would send back.
function int64Strings(limits: Schemas['UsageLimits']): Schemas['UsageLimits'] {
  const out: Record<string, string> = {};
  for (const [field, value] of Object.entries(limits ?? {})) {
    if (value === undefined || value === null) continue;
    if (!/^\d+$/.test(String(value))) throw invalidField(`usage_limits.${field}`, 'must be a non-negative integer');
    out[field] = String(value);
  }
  return out;
}
