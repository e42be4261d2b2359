// Prefect Cloud: resolve the tenant, create a flow run and wait for it to finish; then, with a USER API token, run
// another and watch the client refresh its short-lived access token mid-run. Live: resolve the tenant and list
// flows (runs are only started on the simulator, since a flow run does real work).
import type { Clock, TransportStats } from '@x/core';
import { createPrefectCloudClient } from '@x/prefect-cloud';
import type { PrefectSimulator } from '@x/prefect-cloud/testing';
import type { SectionContext } from './report';

export async function tourPrefect(context: SectionContext, options: { clock?: Clock; simulator: PrefectSimulator }): Promise<{ stats: TransportStats }> {
  const sim = options.simulator;
  const client = context.simulated ? createPrefectCloudClient({ apiKey: sim.state.defaults.apiKey, clock: options.clock }) : createPrefectCloudClient();
  const tenantId = await client.getTenantId();
  context.step(`API key resolved its default tenant once: ${tenantId}`);
  const flows = await client.listFlows({ maxItems: 5 }).toArray();
  context.step(`flows: ${flows.map((f) => `${f.name} v${f.version}`).join(', ') || '-'}`);
  if (!context.simulated) return client;

  const flow = flows.find((f) => f.name === 'etl') ?? flows[0]!;
  const run = await runAndWait(client, flow.id, 'tour-api-key', context);
  context.step(`flow run ${run} finished`);

  // USER token mode: access tokens live 60 s on this simulator, the run takes minutes, so the client refreshes.
  const user = createPrefectCloudClient({ apiToken: sim.state.defaults.userToken, tokenScope: 'USER', clock: options.clock });
  const before = sim.state.count('refresh_token');
  await runAndWait(user, flow.id, 'tour-user-token', context);
  const refreshes = sim.state.count('refresh_token') - before;
  context.step(`with a USER token: ${refreshes} access-token refresh(es) happened mid-run, transparently`);
  const stats = client.stats;
  const userStats = user.stats;
  return {
    stats: {
      requests: stats.requests + userStats.requests,
      attempts: stats.attempts + userStats.attempts,
      retries: stats.retries + userStats.retries,
      rateLimited: stats.rateLimited + userStats.rateLimited,
      waitedMs: stats.waitedMs + userStats.waitedMs,
    },
  };
}

async function runAndWait(client: ReturnType<typeof createPrefectCloudClient>, flowId: string, name: string, context: SectionContext): Promise<string> {
  const { id } = await client.createFlowRun({ flowId, parameters: { date: '2026-11-23' }, labels: ['tour'], name, idempotencyKey: name });
  let last = '';
  const final = await client.waitForFlowRun(id, {
    onProgress: (current, { elapsedMs }) => {
      if (current.state !== last) context.step(`${name}: ${current.state} after ${Math.round(elapsedMs / 1000)} s`);
      last = current.state ?? '';
    },
  });
  return `${id.slice(0, 8)}… (${final.state})`;
}
