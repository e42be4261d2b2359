import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { faults } from '@x/core/testing';
import { asTenantId, type TransportEvent } from '../src';
import { captureLogger, rejection, useSimulator } from './helpers';

const { start } = useSimulator();

const PAT = 'pat_canary_Zx81Qm4Lr0Tt9Wv2';
const GITHUB = 'ghp_canary_Yp73Nd2Hs5Kk0Ju8';

/** Everything a user could print about an error, flattened to text. */
function everything(error: unknown): string {
  return [String(error), (error as Error).stack, JSON.stringify(error), inspect(error, { depth: 10 }), inspect((error as Error).cause, { depth: 10 })].join('\n');
}

function observed() {
  const logger = captureLogger();
  const events: TransportEvent[] = [];
  const record = (event: TransportEvent) => void events.push(event);
  return { logger, events, options: { logger, logLevel: 'debug' as const, hooks: { onRequest: record, onResponse: record, onRetry: record, onGiveUp: record } } };
}

describe('secrets never reach errors, logs or events', () => {
  it('erases the access token when the server echoes it back', async () => {
    const { logger, events, options } = observed();
    const { sim, client } = start({ sim: { token: PAT }, client: options });
    sim.faults.graphqlError({ message: `token ${PAT} is not allowed here`, code: 'permission-error' });
    const error = await rejection(client.listEgressIps());
    expect(error.message).toMatch(/is not allowed here/);
    expect(everything(error)).not.toContain(PAT);
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(logger.text()).not.toContain(PAT);
    expect(JSON.stringify(events)).not.toContain(PAT);
  });

  it('keeps the token out of connection failures and retries', async () => {
    const { logger, options } = observed();
    const { sim, client } = start({ sim: { token: PAT }, client: options });
    sim.faults.inject(faults.reset(), { count: 3 });
    const error = await rejection(client.getEnvVars(asTenantId('00000000-0000-4000-8000-000000000001')));
    expect(error.name).toBe('ConnectionError');
    expect(everything(error)).not.toContain(PAT);
    expect(logger.text()).not.toContain(PAT);
  });

  it('redacts the GitHub token of a preview app from errors, logs and the simulator record', async () => {
    const { logger, events, options } = observed();
    const { sim, client } = start({ sim: { token: PAT }, client: options });
    sim.faults.graphqlError({ message: `Bad credentials: GitHub rejected ${GITHUB}`, code: 'bad-request' }, { operation: 'CreateGitHubPreviewApp' });
    const error = await rejection(
      client.createPreviewApp({ githubPersonalAccessToken: GITHUB, owner: 'o', repo: 'r', branch: 'b', directory: 'd', cloud: 'aws', region: 'us-east-2', plan: 'cloud_free', name: 'canary-app' }),
    );
    expect(error.message).toMatch(/Bad credentials/);
    expect(everything(error)).not.toContain(GITHUB);
    expect(logger.text()).not.toContain(GITHUB);
    expect(JSON.stringify(events)).not.toContain(GITHUB);
    expect(JSON.stringify(sim.state.calls)).not.toContain(GITHUB);
    expect(sim.state.calls[0]!.variables).toMatchObject({ githubPersonalAccessToken: '[REDACTED]' });
  });

  it('keeps env var values out of errors about env writes', async () => {
    const { sim, client } = start({ sim: { token: PAT } });
    const { tenantId } = sim.state.addProject({ name: 'vals' });
    sim.faults.graphqlError({ message: 'rejected', code: 'bad-request' }, { operation: 'UpdateTenantEnv' });
    const error = await rejection(client.setEnvVars(asTenantId(tenantId), { DB_PASSWORD: 'secret-value-canary-123' }));
    expect(everything(error)).not.toContain('secret-value-canary-123');
  });
});
