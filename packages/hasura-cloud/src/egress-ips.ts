import type { CallOptions, HasuraContext } from './context';

/** The gateway egress IPs of Hasura Cloud (the NAT addresses of active regions): allow-list them in your database. */
export async function listEgressIps(context: HasuraContext, options: CallOptions = {}): Promise<string[]> {
  const data = await context.sdk.ListEgressIps({ isActive: true, natIpIsNull: false }, undefined, options.signal);
  const ips = data.region.map((region) => region.nat_ip).filter((ip): ip is string => !!ip);
  return [...new Set(ips)].sort();
}
