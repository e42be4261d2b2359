import { describe, expect, it } from 'vitest';
import { NotFoundError, PermissionDeniedError, ValidationError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('secrets', () => {
  it('sets, replaces, lists by name and deletes tenant secrets', async () => {
    const client = env.client();
    await client.setSecret('SLACK_WEBHOOK', 'https://hooks.example.test/one');
    await client.setSecret('DB', { user: 'etl', password: 'hunter2hunter2' });
    await client.setSecret('SLACK_WEBHOOK', 'https://hooks.example.test/two');
    expect(await client.listSecretNames()).toEqual(['DB', 'SLACK_WEBHOOK']);
    expect(env.sim.state.secrets.find((s) => s.name === 'SLACK_WEBHOOK')!.value).toBe('https://hooks.example.test/two');
    await client.deleteSecret('DB');
    expect(await client.listSecretNames()).toEqual(['SLACK_WEBHOOK']);
  });

  it('keeps secrets per tenant', async () => {
    const client = env.client();
    await client.setSecret('ONLY_ACME', 'x');
    await client.switchTenant({ slug: 'globex' });
    expect(await client.listSecretNames()).toEqual([]);
  });

  it('throws NotFoundError deleting a secret that does not exist', async () => {
    await expect(env.client().deleteSecret('NOPE')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses read-only members with PermissionDeniedError', async () => {
    await expect(env.client({ apiKey: env.sim.state.defaults.readOnlyApiKey }).setSecret('X', 'y')).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('validates names and values before sending', async () => {
    const client = env.client();
    await expect(client.setSecret('', 'x')).rejects.toBeInstanceOf(ValidationError);
    await expect(client.setSecret('X', undefined)).rejects.toBeInstanceOf(ValidationError);
    expect(env.sim.state.calls).toHaveLength(0);
  });
});
