// Run SQL on a project's database: the rows come back as a JSON array. readOnlyQuery refuses anything that writes.
import { connect } from './supabase-client';

export async function main(): Promise<unknown[]> {
  const { client, projectRef, close } = connect();
  try {
    const ref = await projectRef();
    const [{ version }] = (await client.readOnlyQuery({ ref, body: { query: 'select version()' } })) as Array<{ version: string }>;
    console.log(version);

    const rows = await client.runAQuery({ ref, body: { query: 'select now()' } });
    console.log(rows);
    return rows;
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
