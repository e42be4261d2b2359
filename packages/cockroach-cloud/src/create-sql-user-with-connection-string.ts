import { XError, ValidationError, type RequestOptions } from '@x/core';
import type { CockroachCloudApi } from './client';
import { generatePassword } from './generate-password';
import type { ConnectionStringResponse, SQLUser } from './types';

/** What `createSqlUserWithConnectionString` needs. */
export interface CreateSqlUserOptions {
  clusterId: string;
  /** The SQL user name. */
  name: string;
  /** Default: a generated 32-character password (crypto.getRandomValues). */
  password?: string;
  /** Default: the API's default database (`defaultdb`). */
  database?: string;
  /** The client OS the connection string is formatted for. */
  os?: 'MAC' | 'LINUX' | 'WINDOWS';
  request?: RequestOptions;
}

/** A new SQL user with its password and a ready-to-use connection string (the password embedded). */
export interface SqlUserCredentials {
  user: SQLUser;
  password: string;
  /** `postgresql://name:password@host:26257/database?...`: treat it as a secret. */
  connectionString: string;
  /** Host, port, database and user name, as the API reports them. */
  params: ConnectionStringResponse['params'];
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Creates a SQL user (with a generated strong password when none is given) and returns it with a connection
 * string from the API's connection-string endpoint, the password filled in. The password is never logged; the
 * returned object prints with it masked (`console.log`), but `JSON.stringify` keeps it, so store it as a secret.
 */
export async function createSqlUserWithConnectionString(client: CockroachCloudApi, options: CreateSqlUserOptions): Promise<SqlUserCredentials> {
  if (!options.name?.trim()) throw new ValidationError('A SQL user needs a name.', { provider: 'cockroach' });
  const password = options.password ?? generatePassword();
  if (!password) throw new ValidationError('The SQL user password may not be empty (leave it out to generate one).', { provider: 'cockroach' });
  const user = await client.createSQLUser({ cluster_id: options.clusterId, body: { name: options.name, password } }, options.request);
  let answer: ConnectionStringResponse;
  try {
    answer = await client.getConnectionString(
      { cluster_id: options.clusterId, sql_user: user.name, ...(options.database ? { database: options.database } : {}), ...(options.os ? { os: options.os } : {}) },
      options.request,
    );
  } catch (error) {
    throw new XError(
      `SQL user ${user.name} was created on cluster ${options.clusterId}, but its connection string could not be fetched (${error instanceof Error ? error.message : String(error)}). Set a password you know with rotateSqlUserPassword, then build the string from getConnectionString.`,
      { provider: 'cockroach', operation: 'getConnectionString', cause: error },
    );
  }
  return credentials(user, password, withPassword(answer.connection_string, password), answer.params);
}

/** Puts the password into the user-info part of a `postgresql://user@host/...` URL. */
export function withPassword(connectionString: string, password: string): string {
  return connectionString.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/:?#]+)(?::[^@/?#]*)?@/i, (_, scheme: string, user: string) => `${scheme}${user}:${encodeURIComponent(password)}@`);
}

function credentials(user: SQLUser, password: string, connectionString: string, params: ConnectionStringResponse['params']): SqlUserCredentials {
  const result: SqlUserCredentials = { user, password, connectionString, params };
  Object.defineProperty(result, inspectSymbol, {
    enumerable: false,
    value: () => `SqlUserCredentials { user: '${user.name}', password: '[REDACTED]', connectionString: '${connectionString.split(encodeURIComponent(password)).join('[REDACTED]')}' }`,
  });
  return result;
}
