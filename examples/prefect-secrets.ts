// Secrets and the key-value store. Secret values are write-only through the API (names can be listed) and never
// appear in the client's logs or errors; key-value entries are JSON read back by key.
import { connect } from './prefect-client';

export async function main(): Promise<string[]> {
  const { client, close } = await connect();
  try {
    await client.setSecret('SLACK_WEBHOOK_URL', 'https://hooks.slack.example/T000/B000/XXXX');
    await client.setSecret('WAREHOUSE', { user: 'etl', password: process.env.WAREHOUSE_PASSWORD ?? 'change-me' });
    const names = await client.listSecretNames();
    console.log(`Secrets: ${names.join(', ')}`);

    await client.setKeyValue('etl/watermark', { lastLoaded: '2026-01-01T00:00:00Z' });
    const watermark = await client.getKeyValue<{ lastLoaded: string }>('etl/watermark');
    console.log(`Watermark: ${watermark?.lastLoaded ?? 'none'}`);

    await client.deleteSecret('SLACK_WEBHOOK_URL');
    await client.deleteKeyValue('etl/watermark');
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
