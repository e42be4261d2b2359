import { ValidationError, XError } from '@x/core';
import type { ApiTokenScope } from './auth-token';
import type { CallOptions, PrefectContext } from './context';
import type { ListApiTokensQuery } from './generated/graphql';
import { assertSuccess } from './not-found';

/** A legacy API token's metadata. */
export type ApiToken = ListApiTokensQuery['api_token'][number];

/** A new API token. `token` is shown only this once. */
export interface CreatedApiToken {
  id: string;
  token: string;
}

const SCOPES: readonly ApiTokenScope[] = ['USER', 'TENANT', 'RUNNER'];

/** Creates a legacy API token of a scope (RUNNER tokens need a tenant admin). */
export async function createApiToken(context: PrefectContext, input: { name: string; scope: ApiTokenScope; expiresAt?: Date | string }, options?: CallOptions): Promise<CreatedApiToken> {
  if (!input?.name?.trim()) throw new ValidationError('createApiToken needs a non-empty name.', { provider: 'prefect', operation: 'CreateApiToken' });
  if (!SCOPES.includes(input.scope)) throw new ValidationError(`createApiToken scope must be one of ${SCOPES.join(', ')}, got ${String(input.scope)}.`, { provider: 'prefect', operation: 'CreateApiToken' });
  const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : input.expiresAt;
  const data = await context.call(options, (sdk, signal) => sdk.CreateApiToken({ name: input.name, scope: input.scope, expiresAt }, undefined, signal));
  const created = data.create_api_token;
  if (!created?.id || !created.token) throw new XError('Prefect Cloud answered create_api_token without the new token.', { provider: 'prefect', operation: 'CreateApiToken' });
  context.transport.addSecret(created.token);
  return { id: created.id, token: created.token };
}

/** The API tokens the caller can see, newest first. */
export async function listApiTokens(context: PrefectContext, options?: CallOptions & { scope?: ApiTokenScope | ApiTokenScope[] }): Promise<ApiToken[]> {
  const scopes = options?.scope === undefined ? undefined : Array.isArray(options.scope) ? options.scope : [options.scope];
  const where = scopes ? { scope: { _in: scopes } } : undefined;
  const data = await context.call(options, (sdk, signal) => sdk.ListApiTokens({ where, orderBy: [{ created: 'desc' }] }, undefined, signal));
  return data.api_token;
}

/** Revokes an API token. */
export async function revokeApiToken(context: PrefectContext, tokenId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteApiToken({ tokenId }, undefined, signal));
  assertSuccess(data.delete_api_token, 'DeleteApiToken', `revoke API token ${tokenId}`);
}
