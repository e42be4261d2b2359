import { paginateOffset, paginateToken } from '@x/core';

declare function listClusters(query: { page?: string; limit: number }, signal?: AbortSignal): Promise<{ clusters: string[]; pagination?: { next_page?: string } }>;
declare function listFlows(query: { offset: number; limit: number }): Promise<string[]>;

// A keyset page token: the server hands the next token back.
const clusters = paginateToken(
  async (page, signal) => {
    const answer = await listClusters({ page, limit: 100 }, signal);
    return { items: answer.clusters, next: answer.pagination?.next_page };
  },
  { maxItems: 500 },
);
for await (const cluster of clusters) console.log(cluster);

// Page by page, saving the cursor to resume a later run where this one stopped.
const saved = clusters.cursor;
for await (const page of paginateToken((page) => listClusters({ page, limit: 100 }).then((a) => ({ items: a.clusters, next: a.pagination?.next_page })), { startAt: saved }).pages()) {
  console.log(page.items.length);
}

// Offset/limit: stops on a short page or at the reported total.
const flows = await paginateOffset(async ({ offset, limit }) => ({ items: await listFlows({ offset, limit }) }), { limit: 50, maxPages: 10 }).toArray();
console.log(flows.length);
