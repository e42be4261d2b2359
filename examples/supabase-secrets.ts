// Set edge-function secrets in one call and list them. The API never returns a secret's value, only a digest of
// it, so comparing digests tells whether a secret changed.
import { createHash } from 'node:crypto';
import { connect } from './supabase-client';

export async function main(): Promise<string[]> {
  const { client, projectRef, close } = connect();
  try {
    const ref = await projectRef();
    const wanted = { STRIPE_WEBHOOK_SECRET: 'whsec_example', RESEND_API_KEY: 're_example' };
    await client.bulkCreateSecrets({ ref, body: Object.entries(wanted).map(([name, value]) => ({ name, value })) });

    const secrets = await client.listAllSecrets({ ref });
    for (const secret of secrets) {
      const expected = wanted[secret.name as keyof typeof wanted];
      const state = expected === undefined ? '' : createHash('sha256').update(expected).digest('hex') === secret.value ? '(up to date)' : '(differs)';
      console.log(`${secret.name.padEnd(24)} ${secret.value.slice(0, 12)}… ${state}`);
    }
    return secrets.map((secret) => secret.name);
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
