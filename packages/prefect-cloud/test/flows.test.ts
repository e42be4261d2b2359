import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../src/index';
import { rejectionOf, useSimulator } from './helpers';

const env = useSimulator();

function addFlows(count: number) {
  const { project } = env.sim.state.defaults;
  for (let i = 0; i < count; i++) env.sim.state.addFlow({ projectId: project.id, name: `flow-${String(i).padStart(3, '0')}` });
}

describe('flows', () => {
  it('lists every flow across pages with the flow_aggregate count as total', async () => {
    addFlows(24);
    const client = env.client();
    const flows = client.listFlows({ pageSize: 10, orderBy: { name: 'asc' } });
    const names: string[] = [];
    for await (const flow of flows) names.push(flow.name!);
    expect(names).toHaveLength(25);
    expect(names[0]).toBe('etl');
    expect(flows.total).toBe(25);
    expect(env.sim.state.calls.filter((c) => c.operationName === 'ListFlows')).toHaveLength(3);
  });

  it('leaves archived versions out unless asked', async () => {
    const client = env.client();
    expect((await client.listFlows().toArray()).map((f) => f.version)).toEqual([2]);
    const all = await client.listFlows({ includeArchived: true, orderBy: { version: 'asc' } }).toArray();
    expect(all.map((f) => [f.version, f.archived])).toEqual([[1, true], [2, false]]);
  });

  it('filters by project id, project name and flow name, combined with a free where', async () => {
    const { state } = env.sim;
    const other = state.addProject({ tenantId: state.defaults.tenant.id, name: 'ml' });
    state.addFlow({ projectId: other.id, name: 'train' });
    state.addFlow({ projectId: other.id, name: 'score' });
    const client = env.client();
    expect((await client.listFlowsByProject(other.id, { orderBy: { name: 'asc' } }).toArray()).map((f) => f.name)).toEqual(['score', 'train']);
    expect((await client.listFlows({ projectName: 'data-eng' }).toArray()).map((f) => f.name)).toEqual(['etl']);
    expect((await client.listFlows({ name: 'train' }).toArray()).map((f) => f.project_id)).toEqual([other.id]);
    expect((await client.listFlows({ where: { name: { _ilike: '%CO%' } } }).toArray()).map((f) => f.name)).toEqual(['score']);
  });

  it('stops at maxItems without fetching further pages, and resumes from a saved cursor', async () => {
    addFlows(30);
    const client = env.client();
    const first = client.listFlows({ pageSize: 5, maxItems: 7, orderBy: { name: 'asc' } });
    const head = await first.toArray();
    expect(head).toHaveLength(7);
    const calls = env.sim.state.calls.filter((c) => c.operationName === 'ListFlows').length;
    expect(calls).toBeLessThanOrEqual(2);
    const rest = await client.listFlows({ pageSize: 10, startAt: 10, orderBy: { name: 'asc' } }).toArray();
    expect(rest).toHaveLength(21);
  });

  it('gets a flow with its project, flow group and parameters', async () => {
    const flow = await env.client().getFlow(env.sim.state.defaults.flow.id);
    expect(flow).toMatchObject({ name: 'etl', version: 2, project: { name: 'data-eng' }, flow_group: { labels: [] } });
    expect(flow.parameters).toEqual([{ name: 'date', required: false, default: null }]);
  });

  it('throws NotFoundError for a flow of another tenant', async () => {
    const error = await rejectionOf(env.client().getFlow(env.sim.state.defaults.otherFlow.id));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/flow .* listFlows\(\)/);
  });

  it('archives a flow, which then cannot be run', async () => {
    const client = env.client();
    const { flow } = env.sim.state.defaults;
    await client.archiveFlow(flow.id);
    expect((await client.getFlow(flow.id)).archived).toBe(true);
    await expect(client.createFlowRun({ flowId: flow.id })).rejects.toThrow(/archived/);
  });

  it('deletes a flow, and a second delete says it is gone', async () => {
    const client = env.client();
    const { flow } = env.sim.state.defaults;
    await client.deleteFlow(flow.id);
    expect(env.sim.state.flows.has(flow.id)).toBe(false);
    await expect(client.deleteFlow(flow.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('rejects a page size that is not a positive integer before sending', () => {
    expect(() => env.client().listFlows({ pageSize: 0 })).toThrow(ValidationError);
  });
});
