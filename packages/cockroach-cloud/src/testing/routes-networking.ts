import type { components } from '../generated/schema';
import { keysetPage } from './keyset';
import { mapOf, requireCluster, type Route, type RouteContext } from './route';
import { invalidField, SimError } from './sim-error';

type Schemas = components['schemas'];
type Entry = Schemas['AllowlistEntry'];

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/** IP allowlists and private endpoint connections (STATUS_PENDING_ACCEPTANCE → STATUS_AVAILABLE over virtual time). */
export const networkingRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/networking/allowlist',
    handle: ({ state, params, url }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const page = keysetPage([...mapOf(state.allowlists, cluster.id).values()], keyOf, url.searchParams);
      return { allowlist: page.items, pagination: page.pagination, propagating: false };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/{cluster_id}/networking/allowlist',
    handle: async (context) => {
      const input = await context.body<Partial<Entry>>();
      return upsert(context, input.cidr_ip, input.cidr_mask, input, 'add');
    },
  },
  { method: 'PUT', path: '/api/v1/clusters/{cluster_id}/networking/allowlist/{cidr_ip}/{cidr_mask}', handle: async (c) => upsert(c, c.params.cidr_ip, Number(c.params.cidr_mask), await c.body(), 'put') },
  { method: 'PATCH', path: '/api/v1/clusters/{cluster_id}/networking/allowlist/{cidr_ip}/{cidr_mask}', handle: async (c) => upsert(c, c.params.cidr_ip, Number(c.params.cidr_mask), await c.body(), 'update') },
  {
    method: 'DELETE',
    path: '/api/v1/clusters/{cluster_id}/networking/allowlist/{cidr_ip}/{cidr_mask}',
    handle: ({ state, params }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const entries = mapOf(state.allowlists, cluster.id);
      const key = `${params.cidr_ip}/${params.cidr_mask}`;
      const entry = entries.get(key);
      if (!entry) throw new SimError(404, `allowlist entry ${key} not found`);
      entries.delete(key);
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_DELETE_IP_ALLOWLIST', cluster_id: cluster.id, cluster_name: cluster.name });
      return entry;
    },
  },
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/networking/private-endpoint-connections',
    handle: ({ state, params }) => ({ connections: [...mapOf(state.privateEndpoints, requireCluster(state, params.cluster_id!).id).values()] }),
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/{cluster_id}/networking/private-endpoint-connections',
    handle: async ({ state, params, body }) => {
      const cluster = requireCluster(state, params.cluster_id!, { ready: true });
      const input = await body<Partial<Schemas['AddPrivateEndpointConnectionBody']>>();
      if (typeof input.endpoint_id !== 'string' || !input.endpoint_id) throw invalidField('endpoint_id', 'is required');
      const connections = mapOf(state.privateEndpoints, cluster.id);
      if (connections.has(input.endpoint_id)) throw new SimError(409, `private endpoint ${input.endpoint_id} is already registered`);
      const connection: Schemas['PrivateEndpointConnection'] = {
        endpoint_id: input.endpoint_id,
        endpoint_service_id: `svc-${cluster.id.slice(-8)}`,
        service_name: `com.amazonaws.vpce.${cluster.regions[0]?.name ?? 'us-east-1'}.svc-${cluster.id.slice(-8)}`,
        cloud_provider: cluster.cloud_provider,
        region: cluster.regions[0]?.name,
        region_name: cluster.regions[0]?.name,
        status: 'STATUS_PENDING_ACCEPTANCE',
      } as Schemas['PrivateEndpointConnection'];
      connections.set(input.endpoint_id, connection);
      state.schedule(state.delays.privateEndpointMs, () => {
        if (connection.status === 'STATUS_PENDING_ACCEPTANCE') connection.status = 'STATUS_AVAILABLE';
      });
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_ACCEPT_PRIVATE_LINK', cluster_id: cluster.id, cluster_name: cluster.name });
      return connection;
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/clusters/{cluster_id}/networking/private-endpoint-connections/{endpoint_id}',
    handle: ({ state, params }) => {
      const connections = mapOf(state.privateEndpoints, requireCluster(state, params.cluster_id!).id);
      if (!connections.delete(params.endpoint_id!)) throw new SimError(404, `private endpoint ${params.endpoint_id} not found`);
      return {};
    },
  },
];

function keyOf(entry: Entry): string {
  return `${entry.cidr_ip.split('.').map((part) => part.padStart(3, '0')).join('.')}/${String(entry.cidr_mask).padStart(2, '0')}`;
}

function upsert({ state, params }: RouteContext, ip: string | undefined, mask: number | undefined, input: Partial<Entry>, mode: 'add' | 'put' | 'update'): Entry {
  const cluster = requireCluster(state, params.cluster_id!, { ready: true });
  if (typeof ip !== 'string' || !IPV4.test(ip)) throw invalidField('cidr_ip', 'must be an IPv4 address');
  if (typeof mask !== 'number' || !Number.isInteger(mask) || mask < 0 || mask > 32) throw invalidField('cidr_mask', 'must be 0 to 32');
  if (typeof input.sql !== 'boolean' || typeof input.ui !== 'boolean') throw invalidField('sql', 'sql and ui are required booleans');
  const entries = mapOf(state.allowlists, cluster.id);
  const key = `${ip}/${mask}`;
  if (mode === 'add' && entries.has(key)) throw new SimError(409, `allowlist entry ${key} already exists`);
  if (mode === 'update' && !entries.has(key)) throw new SimError(404, `allowlist entry ${key} not found`);
  const entry: Entry = { cidr_ip: ip, cidr_mask: mask, sql: input.sql, ui: input.ui, ...(input.name !== undefined ? { name: input.name } : {}) };
  entries.set(key, entry);
  state.addAuditLog({ action: mode === 'update' ? 'AUDIT_LOG_ACTION_EDIT_IP_ALLOWLIST' : 'AUDIT_LOG_ACTION_ADD_IP_ALLOWLIST', cluster_id: cluster.id, cluster_name: cluster.name });
  return entry;
}
