// Page through every cluster with `for await`; keep the cursor to resume a long walk later.
import { connect } from './cockroach-client';

export async function main(): Promise<string[]> {
  const { client, close } = await connect();
  try {
    const names: string[] = [];
    for await (const cluster of client.paginate('listClusters', { 'pagination.limit': 2, 'pagination.sort_by': 'NAME' })) {
      names.push(cluster.name);
      console.log(`${cluster.name.padEnd(20)} ${cluster.plan.padEnd(9)} ${cluster.state}`);
    }
    // Page by page, stopping early, then resuming from the saved cursor:
    const firstPage = client.paginate('listClusters', { 'pagination.limit': 2 }, { maxPages: 1 });
    await firstPage.toArray();
    const rest = await client.paginate('listClusters', { 'pagination.limit': 2 }, { startAt: firstPage.cursor }).toArray();
    console.log(`${names.length} clusters; ${rest.length} after the first page.`);
    return names;
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
