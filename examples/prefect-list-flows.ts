// Pagination: every list is a Paginator. `for await` walks all rows page by page (limit/offset, 100 a page by
// default); `total` is the table's `_aggregate` count once the first page arrived; `pages()` hands out whole pages;
// `cursor` is the offset to resume from (`startAt`).
import { connect } from './prefect-client';

export async function main(): Promise<number> {
  const { client, close } = await connect();
  try {
    const flows = client.listFlows({ pageSize: 50, orderBy: [{ name: 'asc' }, { version: 'desc' }] });
    let count = 0;
    for await (const flow of flows) {
      count += 1;
      console.log(`${flow.name} v${flow.version} (project ${flow.project_id})`);
    }
    console.log(`${count} of ${flows.total} active flows.`);

    // Narrower: one project's flows by name, archived versions included, a page at a time.
    for await (const page of client.listFlows({ projectName: 'data-eng', includeArchived: true, pageSize: 20 }).pages()) {
      console.log(`page of ${page.items.length} (total ${page.total})`);
    }

    // Any Hasura filter works too.
    const failed = client.listFlowRuns({ state: ['Failed', 'TimedOut'], where: { created: { _gte: '2026-01-01T00:00:00Z' } }, maxItems: 10 });
    for await (const run of failed) console.log(`failed: ${run.name} ${run.state}`);
    return count;
  } finally {
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
