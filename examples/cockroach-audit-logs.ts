// Export the organization audit log: pages follow `next_starting_from`; the cursor is where to tail from next time.
import { connect } from './cockroach-client';

export async function main(): Promise<number> {
  const { client, close } = await connect();
  try {
    const since = process.env.AUDIT_SINCE; // e.g. the cursor saved by the previous run
    const log = client.paginateAuditLogs({ limit: 200, sort_order: 'ASC', ...(since ? { starting_from: since } : {}) });
    let count = 0;
    for await (const entry of log) {
      count += 1;
      console.log(`${entry.created_at} ${entry.action} ${entry.cluster_name ?? ''}`);
    }
    console.log(`${count} entries; next run: AUDIT_SINCE=${log.cursor ?? since ?? ''}`);
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
