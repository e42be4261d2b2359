import { ValidationError, type RequestOptions } from '@x/core';
import type { CockroachCloudApi } from './client';
import { generatePassword } from './generate-password';
import type { SQLUser } from './types';

/** What `rotateSqlUserPassword` needs. */
export interface RotateSqlUserPasswordOptions {
  clusterId: string;
  name: string;
  /** Default: a generated 32-character password (crypto.getRandomValues). */
  password?: string;
  request?: RequestOptions;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Sets a new password on a SQL user (`PUT .../sql-users/{name}/password`), generating a strong one when none is
 * given, and returns the user with the password now in force. The password is never logged and prints masked.
 */
export async function rotateSqlUserPassword(client: CockroachCloudApi, options: RotateSqlUserPasswordOptions): Promise<{ user: SQLUser; password: string }> {
  if (!options.name?.trim()) throw new ValidationError('Which SQL user? `name` is empty.', { provider: 'cockroach' });
  const password = options.password ?? generatePassword();
  const user = await client.updateSQLUserPassword({ cluster_id: options.clusterId, name: options.name, body: { password } }, options.request);
  const result = { user, password };
  Object.defineProperty(result, inspectSymbol, { enumerable: false, value: () => `{ user: '${user.name}', password: '[REDACTED]' }` });
  return result;
}
