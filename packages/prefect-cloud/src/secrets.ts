import { ValidationError } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import { assertSuccess } from './not-found';

function checkName(name: string, operation: string): void {
  if (typeof name !== 'string' || !name.trim()) throw new ValidationError(`${operation} needs a non-empty secret name.`, { provider: 'prefect', operation });
}

/** Creates or replaces a tenant secret. The value (any JSON) is never logged or put in an error. */
export async function setSecret(context: PrefectContext, name: string, value: unknown, options?: CallOptions): Promise<void> {
  checkName(name, 'SetSecret');
  if (value === undefined) throw new ValidationError(`setSecret("${name}") needs a value; use deleteSecret to remove one.`, { provider: 'prefect', operation: 'SetSecret' });
  // Should the server ever echo the value back in an error, the client erases it there too.
  for (const text of stringLeaves(value)) context.transport.addSecret(text);
  const data = await context.call(options, (sdk, signal) => sdk.SetSecret({ name, value }, undefined, signal));
  assertSuccess(data.set_secret, 'SetSecret', `set secret "${name}"`);
}

/** Deletes a tenant secret; NotFoundError when there is none by that name. */
export async function deleteSecret(context: PrefectContext, name: string, options?: CallOptions): Promise<void> {
  checkName(name, 'DeleteSecret');
  const data = await context.call(options, (sdk, signal) => sdk.DeleteSecret({ name }, undefined, signal));
  assertSuccess(data.delete_secret, 'DeleteSecret', `delete secret "${name}"`);
}

/** The names of the tenant's secrets, sorted (values are never listed). */
export async function listSecretNames(context: PrefectContext, options?: CallOptions): Promise<string[]> {
  const data = await context.call(options, (sdk, signal) => sdk.SecretNames(undefined, undefined, signal));
  return [...(data.secret_names ?? [])].sort();
}

function stringLeaves(value: unknown, out: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object' && depth < 8) for (const item of Object.values(value)) stringLeaves(item, out, depth + 1);
  return out;
}
