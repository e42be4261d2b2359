import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('key-value store', () => {
  it('sets, replaces, gets, lists and deletes JSON values', async () => {
    const client = env.client();
    const first = await client.setKeyValue('watermark', { last: '2026-01-01' });
    const again = await client.setKeyValue('watermark', { last: '2026-01-02' });
    expect(again.id).toBe(first.id);
    await client.setKeyValue('attempts', 3);
    expect(await client.getKeyValue<{ last: string }>('watermark')).toEqual({ last: '2026-01-02' });
    expect(await client.getKeyValue('missing')).toBeUndefined();
    const entries = client.listKeyValues();
    expect((await entries.toArray()).map((e) => [e.key, e.value])).toEqual([['attempts', 3], ['watermark', { last: '2026-01-02' }]]);
    expect(entries.total).toBe(2);
    await client.deleteKeyValue('attempts');
    expect(await client.getKeyValue('attempts')).toBeUndefined();
    await expect(client.deleteKeyValue('attempts')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('retries setKeyValue after an API_ERROR since it is an upsert', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.apiError({ operation: 'SetKeyValue' });
    await client.setKeyValue('k', 'v');
    expect(await client.getKeyValue('k')).toBe('v');
  });
});
