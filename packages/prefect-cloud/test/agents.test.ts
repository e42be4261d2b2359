import { describe, expect, it } from 'vitest';
import { useSimulator } from './helpers';

const env = useSimulator();

describe('agents', () => {
  it('lists agents, most recently active first, across pages with the total', async () => {
    const { state } = env.sim;
    state.addAgent({ tenantId: state.defaults.tenant.id, name: 'idle-agent', lastQueried: null });
    state.addAgent({ tenantId: state.defaults.tenant.id, name: 'old-agent', lastQueried: '2025-12-01T00:00:00.000Z' });
    state.addAgent({ tenantId: state.defaults.otherTenant.id, name: 'elsewhere' });
    const agents = env.client().listAgents({ pageSize: 2 });
    expect((await agents.toArray()).map((a) => a.name)).toEqual(['k8s-agent', 'old-agent', 'idle-agent']);
    expect(agents.total).toBe(3);
  });

  it('filters with a where on labels', async () => {
    const { state } = env.sim;
    state.addAgent({ tenantId: state.defaults.tenant.id, name: 'gpu', labels: ['gpu', 'prod'] });
    const agents = await env.client().listAgents({ where: { labels: { _contains: ['gpu'] } } }).toArray();
    expect(agents.map((a) => a.name)).toEqual(['gpu']);
  });
});
