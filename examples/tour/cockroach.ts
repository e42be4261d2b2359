// CockroachDB Cloud: create a serverless cluster and wait for it, create a SQL user, page through clusters and the
// audit log. Live without --write: only the reads.
import { createCockroachCloudClient, type CockroachCloudClient } from '@x/cockroach-cloud';
import type { Clock } from '@x/core';
import type { SectionContext } from './report';

export async function tourCockroach(context: SectionContext, clock?: Clock): Promise<CockroachCloudClient> {
  const client = context.simulated ? createCockroachCloudClient({ apiKey: 'tour-simulated-key', clock }) : createCockroachCloudClient();
  let created: string | undefined;
  let lastState = '';
  try {
    if (context.write) {
      const cluster = await client.createServerlessClusterAndWait({
        name: `tour-${Date.now().toString(36)}`,
        provider: 'GCP',
        regions: ['us-central1'],
        usageLimits: { requestUnitLimit: 10_000_000, storageMibLimit: 5_120 },
        wait: {
          onProgress: (c, { elapsedMs }) => {
            if (c.state !== lastState) context.step(`cluster ${c.name}: ${c.state} after ${Math.round(elapsedMs / 1000)} s`);
            lastState = c.state ?? '';
          },
        },
      });
      created = cluster.id;
      context.step(`serverless cluster ${cluster.name} is ${cluster.state}`);
      const user = await client.createSqlUserWithConnectionString({ clusterId: cluster.id, name: 'tour_app' });
      context.step(`SQL user ${user.user.name} created; connection string ready (password kept out of logs)`);
    }
    let clusters = 0;
    for await (const cluster of client.paginate('listClusters', { 'pagination.limit': 2 })) {
      clusters += 1;
      if (clusters <= 3) context.step(`cluster ${cluster.name} (${cluster.state}, ${cluster.plan})`);
    }
    context.step(`paged through ${clusters} cluster(s), 2 per page`);
    let events = 0;
    for await (const _entry of client.paginateAuditLogs({ limit: 5 }, { maxItems: 20 })) events += 1;
    context.step(`read ${events} audit-log entr${events === 1 ? 'y' : 'ies'}`);
  } finally {
    if (created && !context.simulated) {
      await client.deleteCluster({ cluster_id: created });
      context.step('clean-up: deleted the tour cluster');
    }
  }
  return client;
}
