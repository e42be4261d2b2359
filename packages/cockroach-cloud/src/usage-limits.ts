import { ValidationError } from '@x/core';
import type { UsageLimits } from './types';

/** An int64 count: a number (a safe integer), a bigint, or a string of digits. */
export type Int64 = number | bigint | string;

/** Usage limits of a Basic or Standard cluster, in the SDK's spelling. */
export interface UsageLimitsInput {
  /** Request Units a month (Basic). */
  requestUnitLimit?: Int64;
  /** Storage in MiB (Basic). */
  storageMibLimit?: Int64;
  /** Provisioned vCPUs (Standard). */
  provisionedVirtualCpus?: Int64;
}

/** Converts usage limits to the API's body: snake_case, each int64 as a decimal string (how the API sends int64). */
export function toUsageLimits(input: UsageLimitsInput): UsageLimits {
  const out: UsageLimits = {};
  if (input.requestUnitLimit !== undefined) out.request_unit_limit = toInt64String(input.requestUnitLimit, 'requestUnitLimit');
  if (input.storageMibLimit !== undefined) out.storage_mib_limit = toInt64String(input.storageMibLimit, 'storageMibLimit');
  if (input.provisionedVirtualCpus !== undefined) out.provisioned_virtual_cpus = toInt64String(input.provisionedVirtualCpus, 'provisionedVirtualCpus');
  if (Object.keys(out).length === 0) {
    throw new ValidationError('No usage limit given: pass requestUnitLimit and/or storageMibLimit (Basic), or provisionedVirtualCpus (Standard).', { provider: 'cockroach' });
  }
  return out;
}

/** A non-negative int64 as a decimal string; anything else is a ValidationError naming the field. */
export function toInt64String(value: Int64, field: string): string {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'bigint' ? value.toString() : Number.isSafeInteger(value) ? String(value) : '';
  if (!/^\d+$/.test(text) || BigInt(text) > 9_223_372_036_854_775_807n) {
    throw new ValidationError(`${field} must be a non-negative whole number (a number, bigint or digit string), got ${JSON.stringify(String(value))}.`, { provider: 'cockroach' });
  }
  return text.replace(/^0+(?=\d)/, '');
}
