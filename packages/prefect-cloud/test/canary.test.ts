// Canary credentials go through every path that can print something (debug logs, retries, every error class,
// inspect and JSON of the client and its errors, a server echoing a token back) and must never come out.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { faults } from '../src/testing/index';
import { captureLogger, useSimulator } from './helpers';

const env = useSimulator(() => ({ accessTokenTtlMs: 120_000 }));

const API_KEY = 'pcu_CANARY_api_key_0123456789abcdef';
const USER_TOKEN = 'CANARY-user-token-0123456789abcdef';
const SECRET_VALUE = 'CANARY-secret-value-0123456789';

describe('no credential or secret leaks', () => {
  it('keeps every token out of logs, events, errors and printed clients', async () => {
    const { state } = env.sim;
    state.issueApiKey({ userId: state.defaults.user.id, defaultTenantId: state.defaults.tenant.id, key: API_KEY });
    state.issueApiToken({ scope: 'USER', userId: state.defaults.user.id, token: USER_TOKEN });
    const logger = captureLogger();
    const events: unknown[] = [];
    const hooks = { onRequest: (e: unknown) => events.push(e), onResponse: (e: unknown) => events.push(e), onRetry: (e: unknown) => events.push(e), onGiveUp: (e: unknown) => events.push(e) };
    const printed: string[] = [];
    const record = (error: unknown) => printed.push(String(error), JSON.stringify(error), inspect(error, { depth: 8 }), String((error as Error).stack));

    const keyClient = env.client({ apiKey: API_KEY, logLevel: 'debug', logger, hooks });
    await keyClient.setSecret('DB_PASSWORD', SECRET_VALUE);
    env.sim.faults.apiError({ operation: 'SecretNames', count: 1 });
    await keyClient.listSecretNames();
    // A server that echoes the credential and the secret back in its error.
    env.sim.faults.inject(faults.json(500, { message: `rejected Bearer ${API_KEY} for ${SECRET_VALUE}` }), { operation: 'SecretNames', count: 3 });
    await keyClient.listSecretNames().catch(record);
    env.sim.faults.inject({ kind: 'graphql', code: 'BAD', message: `value ${SECRET_VALUE} with ${API_KEY}` }, { operation: 'SetSecret' });
    await keyClient.setSecret('DB_PASSWORD', SECRET_VALUE).catch(record);
    await keyClient.createProject({ name: '' }).catch(record);
    await env.client({ apiKey: `${API_KEY}-wrong`, logLevel: 'debug', logger, hooks }).listSecretNames().catch(record);

    const tokenClient = env.client({ apiToken: USER_TOKEN, tokenScope: 'USER', logLevel: 'debug', logger, hooks });
    await tokenClient.listSecretNames();
    await env.clock.advance(120_000);
    await tokenClient.listSecretNames();
    env.sim.faults.inject(faults.json(502, { message: `bad ${USER_TOKEN}` }), { count: 3 });
    await tokenClient.listTenants().catch(record);
    printed.push(inspect(keyClient, { depth: 8 }), JSON.stringify(keyClient), inspect(tokenClient, { depth: 8 }), JSON.stringify(tokenClient));

    const sessionTokens = [...state.sessions.values()].flatMap((s) => [s.accessToken, s.refreshToken]);
    expect(sessionTokens.length).toBeGreaterThanOrEqual(4);
    expect(state.count('refresh_token')).toBe(1);
    expect(printed.length).toBeGreaterThan(10);
    const everything = [logger.text(), JSON.stringify(events), ...printed].join('\n');
    expect(logger.lines.length).toBeGreaterThan(10);
    for (const canary of [API_KEY, USER_TOKEN, SECRET_VALUE, ...sessionTokens]) expect(everything).not.toContain(canary);
    expect(everything).toContain('[REDACTED]');
  });
});
