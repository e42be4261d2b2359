import { ValidationError, type Paginator } from '@x/core';
import type { CallOptions, PrefectContext } from './context';
import type { Key_Value_Order_By, ListKeyValuesQuery } from './generated/graphql';
import { offsetList, type ListOptions } from './list';
import { assertSuccess, notFound } from './not-found';

/** One entry of the tenant's key-value store. */
export type KeyValue = ListKeyValuesQuery['key_value'][number];

function checkKey(key: string, operation: string): void {
  if (typeof key !== 'string' || !key) throw new ValidationError(`${operation} needs a non-empty key.`, { provider: 'prefect', operation });
}

/** Stores a JSON value under a key (creating or replacing it) and returns the entry's id. */
export async function setKeyValue(context: PrefectContext, key: string, value: unknown, options?: CallOptions): Promise<{ id: string }> {
  checkKey(key, 'SetKeyValue');
  if (value === undefined) throw new ValidationError(`setKeyValue("${key}") needs a value; use deleteKeyValue to remove one.`, { provider: 'prefect', operation: 'SetKeyValue' });
  const data = await context.call(options, (sdk, signal) => sdk.SetKeyValue({ key, value }, undefined, signal));
  const id = data.set_key_value?.id;
  if (!id) throw notFound('SetKeyValue', 'key-value store in this tenant', 'The key-value store is a Prefect Cloud feature of paid tiers.');
  return { id };
}

/** The value stored under a key, or undefined when there is none. */
export async function getKeyValue<T = unknown>(context: PrefectContext, key: string, options?: CallOptions): Promise<T | undefined> {
  checkKey(key, 'GetKeyValue');
  const data = await context.call(options, (sdk, signal) => sdk.GetKeyValue({ key }, undefined, signal));
  const entry = data.key_value[0];
  return entry ? (entry.value as T) : undefined;
}

/** Deletes the entry under a key; NotFoundError when there is none. */
export async function deleteKeyValue(context: PrefectContext, key: string, options?: CallOptions): Promise<void> {
  checkKey(key, 'DeleteKeyValue');
  const found = await context.call(options, (sdk, signal) => sdk.GetKeyValue({ key }, undefined, signal));
  const entry = found.key_value[0];
  if (!entry) throw notFound('DeleteKeyValue', `key-value entry "${key}"`, 'listKeyValues() shows the stored keys.');
  const data = await context.call(options, (sdk, signal) => sdk.DeleteKeyValue({ keyValueId: entry.id }, undefined, signal));
  assertSuccess(data.delete_key_value, 'DeleteKeyValue', `delete key-value entry "${key}"`);
}

/** Every entry, by key, as a `for await` list whose `total` is `key_value_aggregate`. */
export function listKeyValues(context: PrefectContext, options: Omit<ListOptions<never, Key_Value_Order_By>, 'where'> = {}): Paginator<KeyValue, number> {
  const orderBy = options.orderBy ?? [{ key: 'asc' }];
  return offsetList('ListKeyValues', options, async ({ limit, offset }, call) => {
    const data = await context.call(call, (sdk, signal) => sdk.ListKeyValues({ orderBy, limit, offset }, undefined, signal));
    return { items: data.key_value, total: data.key_value_aggregate.aggregate?.count };
  });
}
