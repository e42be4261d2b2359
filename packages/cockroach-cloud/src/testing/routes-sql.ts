import type { components } from '../generated/schema';
import { keysetPage } from './keyset';
import { mapOf, requireCluster, type Route } from './route';
import { invalidField, SimError } from './sim-error';

type Schemas = components['schemas'];

const SQL_NAME = /^[a-z_][a-z0-9_.-]{0,62}$/i;

/** SQL users (the path parameter is `{name}`) and databases of a cluster. */
export const sqlRoutes: Route[] = [
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/sql-users',
    handle: ({ state, params, url }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const page = keysetPage([...mapOf(state.sqlUsers, cluster.id).values()], (u) => u.name, url.searchParams);
      return { users: page.items.map((u) => ({ name: u.name })), pagination: page.pagination };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/{cluster_id}/sql-users',
    handle: async ({ state, params, body }) => {
      const cluster = requireCluster(state, params.cluster_id!, { ready: true });
      const input = await body<Partial<Schemas['CreateSQLUserBody']>>();
      if (typeof input.name !== 'string' || !SQL_NAME.test(input.name)) throw invalidField('name', 'a SQL user name starts with a letter or underscore');
      if (typeof input.password !== 'string' || input.password.length < 8) throw invalidField('password', 'must be at least 8 characters');
      const users = mapOf(state.sqlUsers, cluster.id);
      if (users.has(input.name)) throw new SimError(409, `sql user ${input.name} already exists`);
      users.set(input.name, { name: input.name, password: input.password });
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CREATE_SQL_USER', cluster_id: cluster.id, cluster_name: cluster.name });
      return { name: input.name };
    },
  },
  {
    method: 'DELETE',
    path: '/api/v1/clusters/{cluster_id}/sql-users/{name}',
    handle: ({ state, params }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const users = mapOf(state.sqlUsers, cluster.id);
      if (!users.delete(params.name!)) throw new SimError(404, `sql user ${params.name} not found`);
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_DELETE_SQL_USER', cluster_id: cluster.id, cluster_name: cluster.name });
      return { name: params.name };
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/clusters/{cluster_id}/sql-users/{name}/password',
    handle: async ({ state, params, body }) => {
      const cluster = requireCluster(state, params.cluster_id!, { ready: true });
      const user = mapOf(state.sqlUsers, cluster.id).get(params.name!);
      if (!user) throw new SimError(404, `sql user ${params.name} not found`);
      const input = await body<Partial<Schemas['UpdateSQLUserPasswordBody']>>();
      if (typeof input.password !== 'string' || input.password.length < 8) throw invalidField('password', 'must be at least 8 characters');
      user.password = input.password;
      state.addAuditLog({ action: 'AUDIT_LOG_ACTION_CHANGE_SQL_USER_PASSWORD', cluster_id: cluster.id, cluster_name: cluster.name });
      return { name: user.name };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/clusters/{cluster_id}/databases',
    handle: ({ state, params, url }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const page = keysetPage([...mapOf(state.databases, cluster.id).values()], (d) => d.name, url.searchParams);
      return { databases: page.items, pagination: page.pagination };
    },
  },
  {
    method: 'POST',
    path: '/api/v1/clusters/{cluster_id}/databases',
    handle: async ({ state, params, body }) => {
      const cluster = requireCluster(state, params.cluster_id!, { ready: true });
      const input = await body<Partial<Schemas['CreateDatabaseBody']>>();
      if (typeof input.name !== 'string' || !SQL_NAME.test(input.name)) throw invalidField('name', 'not a valid database name');
      const databases = mapOf(state.databases, cluster.id);
      if (databases.has(input.name)) throw new SimError(409, `database ${input.name} already exists`);
      const database = { name: input.name, table_count: '0' };
      databases.set(input.name, database);
      return database;
    },
  },
  { method: 'PATCH', path: '/api/v1/clusters/{cluster_id}/databases', handle: async (context) => rename(context, (await context.body<Partial<Schemas['EditDatabaseBody']>>()).name) },
  { method: 'PATCH', path: '/api/v1/clusters/{cluster_id}/databases/{name}', handle: (context) => rename(context, context.params.name) },
  {
    method: 'DELETE',
    path: '/api/v1/clusters/{cluster_id}/databases/{name}',
    handle: ({ state, params }) => {
      const cluster = requireCluster(state, params.cluster_id!);
      const databases = mapOf(state.databases, cluster.id);
      const database = databases.get(params.name!);
      if (!database) throw new SimError(404, `database ${params.name} not found`);
      databases.delete(params.name!);
      return database;
    },
  },
];

async function rename({ state, params, body }: Parameters<Route['handle']>[0], name: string | undefined): Promise<Schemas['Database']> {
  const cluster = requireCluster(state, params.cluster_id!, { ready: true });
  const input = await body<Partial<Schemas['EditDatabaseBody']>>();
  if (typeof input.new_name !== 'string' || !SQL_NAME.test(input.new_name)) throw invalidField('new_name', 'not a valid database name');
  const databases = mapOf(state.databases, cluster.id);
  const database = name ? databases.get(name) : undefined;
  if (!database) throw new SimError(404, `database ${name} not found`);
  if (databases.has(input.new_name)) throw new SimError(409, `database ${input.new_name} already exists`);
  databases.delete(database.name);
  database.name = input.new_name;
  databases.set(database.name, database);
  return database;
}
