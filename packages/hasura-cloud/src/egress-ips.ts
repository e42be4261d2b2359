import { XError } from '@x/core';
import type { CallOptions, HasuraContext } from './context';

/** The gateway egress IPs of Hasura Cloud (the NAT addresses of active regions): allow-list them in your database. */
export async function listEgressIps(context: HasuraContext, options: CallOptions = {}): Promise<string[]> {
  const data = await context.sdk(options).ListEgressIps({ isActive: true, natIpIsNull: false }, undefined, options.signal);
  // A malformed answer (no region list) is the provider's failure, reported as a typed error, never a TypeError.
  if (!Array.isArray(data?.region)) throw new XError('Hasura Cloud answered ListEgressIps without a region list.', { provider: 'hasura', operation: 'ListEgressIps' });
  const ips = data.region.map((region) => region?.nat_ip).filter((ip): ip is string => !!ip);
  return [...new Set(ips)].sort();
}
