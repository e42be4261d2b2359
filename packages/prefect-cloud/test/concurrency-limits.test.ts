import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../src/index';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('concurrency limits', () => {
  it('updates, lists and deletes task tag limits', async () => {
    const client = env.client();
    const { id } = await client.updateTaskTagLimit('database', 5);
    await client.updateTaskTagLimit('database', 2);
    await client.updateTaskTagLimit('api', 10);
    expect((await client.listTaskTagLimits()).map((l) => [l.tag, l.limit])).toEqual([['api', 10], ['database', 2]]);
    await client.deleteTaskTagLimit(id);
    expect((await client.listTaskTagLimits()).map((l) => l.tag)).toEqual(['api']);
    await expect(client.deleteTaskTagLimit(id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('updates, lists and deletes flow concurrency limits', async () => {
    const client = env.client();
    const { id } = await client.updateFlowConcurrencyLimit('prod', 3);
    expect((await client.listFlowConcurrencyLimits()).map((l) => [l.name, l.limit])).toEqual([['prod', 3]]);
    await client.deleteFlowConcurrencyLimit(id);
    expect(await client.listFlowConcurrencyLimits()).toEqual([]);
  });

  it('validates the limit before sending', async () => {
    const client = env.client();
    await expect(client.updateTaskTagLimit('x', -1)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.updateFlowConcurrencyLimit('x', 1.5)).rejects.toBeInstanceOf(ValidationError);
    expect(env.sim.state.calls).toHaveLength(0);
  });
});
