// Create a SQL user with a generated password and get a ready connection string; then rotate the password.
import { connect } from './cockroach-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    const clusterId = process.env.COCKROACH_CLUSTER_ID ?? (await client.listClusters()).clusters[0]!.id;
    const { user, connectionString } = await client.createSqlUserWithConnectionString({
      clusterId,
      name: `app_${Date.now().toString(36)}`,
      database: 'defaultdb',
    });
    // The connection string holds the password: hand it to a secret store, never to a log.
    console.log(`Created SQL user ${user.name}; connection string ready (${connectionString.length} characters).`);
    const rotated = await client.rotateSqlUserPassword({ clusterId, name: user.name });
    console.log(`Rotated the password of ${rotated.user.name}.`);
    return user.name;
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
