import { waitFor } from '@x/core';
import type { CockroachCloudApi } from './client';
import type { PrivateEndpointConnection, WaitOptions } from './types';

// Statuses a connection does not leave for AVAILABLE by itself.
const FAILED = new Set(['STATUS_REJECTED', 'STATUS_FAILED', 'STATUS_EXPIRED', 'STATUS_DELETING', 'STATUS_DELETED', 'STATUS_STALE']);

/**
 * Polls a cluster's private endpoint connections until `endpointId` is `STATUS_AVAILABLE` and returns it. A
 * rejected, failed, expired, stale or deleted connection fails fast with a WaitFailedError, and so does an
 * endpoint the cluster does not list (register it with `addPrivateEndpointConnection` first). Default timeout 15 min.
 */
export function waitForPrivateEndpoint(
  client: CockroachCloudApi,
  clusterId: string,
  endpointId: string,
  options: WaitOptions<PrivateEndpointConnection | undefined> = {},
): Promise<PrivateEndpointConnection> {
  return waitFor<PrivateEndpointConnection | undefined>({
    check: async (signal) => {
      const { connections } = await client.listPrivateEndpointConnections({ cluster_id: clusterId }, { signal: signal ?? null });
      return connections.find((connection) => connection.endpoint_id === endpointId);
    },
    until: (connection) => connection?.status === 'STATUS_AVAILABLE',
    failed: (connection) => {
      if (!connection) return `cluster ${clusterId} lists no private endpoint connection ${endpointId}; register it with addPrivateEndpointConnection first.`;
      if (FAILED.has(connection.status)) return `private endpoint ${endpointId} is ${connection.status}. Check the endpoint in your cloud account (and its trusted owners), then register it again.`;
      return undefined;
    },
    description: `private endpoint ${endpointId} of cluster ${clusterId} to be available`,
    timeoutMs: options.timeoutMs ?? 15 * 60_000,
    intervalMs: options.intervalMs ?? 5_000,
    maxIntervalMs: options.maxIntervalMs ?? 30_000,
    signal: options.signal,
    onProgress: options.onProgress,
    clock: client.transport.clock,
  }) as Promise<PrivateEndpointConnection>;
}
