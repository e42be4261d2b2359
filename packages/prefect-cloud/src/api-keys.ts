import { ValidationError, XError } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { ListApiKeysQuery } from './generated/graphql';
import { assertSuccess } from './not-found';

/** An API key's metadata (the key itself is shown only once, by `createApiKey`). */
export type ApiKey = ListApiKeysQuery['auth_api_key'][number];

/** What `createApiKey` needs. */
export interface CreateApiKeyInput {
  name: string;
  /** When the key stops working; default never. */
  expiresAt?: Date | string;
  /** The tenant the key acts in when no tenant header is sent. */
  defaultTenantId?: string;
  /** Whose key it is (a user or a service account); default the caller. */
  userId?: string;
}

/** A new API key. `key` is shown only this once: store it in a secret manager now. */
export interface CreatedApiKey {
  id: string;
  key: string;
}

/** Creates an API key. */
export async function createApiKey(context: PrefectContext, input: CreateApiKeyInput, options?: CallOptions): Promise<CreatedApiKey> {
  if (!input?.name?.trim()) throw new ValidationError('createApiKey needs a non-empty name.', { provider: 'prefect', operation: 'CreateApiKey' });
  const userId = input.userId ?? (await context.call(options, (sdk, signal) => sdk.CurrentUserId(undefined, undefined, signal))).auth_info?.user_id;
  if (!userId) {
    throw new ValidationError('This credential has no user (a RUNNER token, or a service account without one): pass userId.', { provider: 'prefect', operation: 'CreateApiKey' });
  }
  const expires = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : input.expiresAt;
  const variables = { userId, name: input.name, expiresAt: expires, defaultTenantId: input.defaultTenantId };
  const data = await context.call(options, (sdk, signal) => sdk.CreateApiKey(variables, undefined, signal));
  const created = data.create_api_key;
  if (!created?.id || !created.key) throw new XError('Prefect Cloud answered create_api_key without the new key.', { provider: 'prefect', operation: 'CreateApiKey' });
  context.transport.addSecret(created.key);
  return { id: created.id, key: created.key };
}

/** The caller's API keys, newest first. */
export async function listApiKeys(context: PrefectContext, options?: CallOptions): Promise<ApiKey[]> {
  const data = await context.call(options, (sdk, signal) => sdk.ListApiKeys({ orderBy: [{ created: 'desc' }] }, undefined, signal));
  return data.auth_api_key;
}

/** Revokes an API key: requests made with it fail from now on. */
export async function revokeApiKey(context: PrefectContext, keyId: string, options?: CallOptions): Promise<void> {
  const data = await context.call(options, (sdk, signal) => sdk.DeleteApiKey({ keyId }, undefined, signal));
  assertSuccess(data.delete_api_key, 'DeleteApiKey', `revoke API key ${keyId}`);
}
