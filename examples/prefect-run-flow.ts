// Run a flow and wait for it: create a run with parameters and labels, poll it to a terminal state, and show the
// task runs and error logs when it did not succeed. The idempotency key makes a retried job reuse its first run
// (and lets the client retry the create after an ambiguous failure).
import { isSuccessfulState } from '@x/prefect-cloud';
import { connect } from './prefect-client';

export async function main(): Promise<string> {
  const { client, close } = await connect();
  try {
    const name = process.env.PREFECT_FLOW_NAME ?? 'etl';
    const [flow] = await client.listFlows({ name, maxItems: 1 }).toArray();
    if (!flow) throw new Error(`No active flow named ${name}: see prefect-list-flows.ts.`);

    const date = '2026-01-01';
    const { id } = await client.createFlowRun({
      flowId: flow.id,
      parameters: { date },
      labels: ['prod'],
      name: `${name}-${date}`,
      idempotencyKey: `${name}-${date}`,
    });
    console.log(`Started flow run ${id} of ${flow.name} v${flow.version}.`);

    const final = await client.waitForFlowRun(id, {
      timeoutMs: 30 * 60_000,
      onProgress: (run, { elapsedMs }) => console.log(`  ${Math.round(elapsedMs / 1000)} s: ${run.state}`),
    });

    if (!isSuccessfulState(final.state)) {
      const run = await client.getFlowRun(id);
      for (const task of run.task_runs) console.log(`  task ${task.name}: ${task.state}`);
      for await (const line of client.listFlowRunLogs(id, { level: ['ERROR', 'CRITICAL'] })) console.log(`  ${line.timestamp} ${line.message}`);
      throw new Error(`Flow run ${id} ended ${final.state}: ${final.state_message ?? 'no message'}`);
    }
    console.log(`Flow run ${id} finished: ${final.state}.`);
    return final.state!;
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
