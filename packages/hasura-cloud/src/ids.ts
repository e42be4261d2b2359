import { ValidationError } from '@x/core';

declare const brand: unique symbol;

/** A Hasura Cloud project id (what the dashboard shows). Not interchangeable with a tenant id. */
export type ProjectId = string & { readonly [brand]: 'HasuraProjectId' };

/** The id of the tenant behind a project: env-var, rename and delete calls take this one. */
export type TenantId = string & { readonly [brand]: 'HasuraTenantId' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkUuid(value: string, what: string): string {
  const id = typeof value === 'string' ? value.trim() : value;
  if (typeof id !== 'string' || !UUID.test(id)) {
    throw new ValidationError(`${what} must be a UUID such as 7a79cf94-0e53-4520-a560-1b02bf522f08, got ${JSON.stringify(value)}. A project name is not an id: look it up with findProjectByName.`, { provider: 'hasura' });
  }
  return id.toLowerCase();
}

/** Marks a string as a project id (checks it is a UUID; throws ValidationError otherwise). */
export function asProjectId(id: string): ProjectId {
  return checkUuid(id, 'A project id') as ProjectId;
}

/** Marks a string as a tenant id (checks it is a UUID; throws ValidationError otherwise). */
export function asTenantId(id: string): TenantId {
  return checkUuid(id, 'A tenant id') as TenantId;
}
