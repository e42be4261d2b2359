import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, LOG_LEVEL_ENV, readEnv, type TransportHooks } from '../src/index';
import { faults } from '../src/testing/index';
import { BASE, captureLogger, scriptedTransport } from './helpers';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const emitAll = (logger: ReturnType<typeof createLogger>) => {
  logger.error('e');
  logger.warn('w');
  logger.info('i');
  logger.debug('d');
};

describe('createLogger', () => {
  it('defaults to warn: errors and warnings pass, info and debug do not', () => {
    const sink = captureLogger();
    const logger = createLogger({ logger: sink });
    emitAll(logger);
    expect(logger.level).toBe('warn');
    expect(sink.lines.map((line) => line.message)).toEqual(['e', 'w']);
  });

  it.each([
    ['off', []],
    ['error', ['e']],
    ['warn', ['e', 'w']],
    ['info', ['e', 'w', 'i']],
    ['debug', ['e', 'w', 'i', 'd']],
  ] as const)('at level %s passes %j', (level, expected) => {
    const sink = captureLogger();
    emitAll(createLogger({ level, logger: sink }));
    expect(sink.lines.map((line) => line.message)).toEqual(expected);
  });

  it('lets X_SDK_LOG override the level a client chose', () => {
    vi.stubEnv(LOG_LEVEL_ENV, 'debug');
    const sink = captureLogger();
    const logger = createLogger({ level: 'off', logger: sink });
    emitAll(logger);
    expect(LOG_LEVEL_ENV).toBe('X_SDK_LOG');
    expect(logger.level).toBe('debug');
    expect(sink.lines).toHaveLength(4);
  });

  it('ignores an X_SDK_LOG value that is not a level', () => {
    vi.stubEnv(LOG_LEVEL_ENV, 'verbose');
    expect(createLogger({ level: 'error' }).level).toBe('error');
  });

  it('hands the message and its details to a pluggable logger, and only the message when there are none', () => {
    const sink = captureLogger();
    const logger = createLogger({ logger: sink });
    logger.warn('careful', { requestId: 'req_1' });
    logger.error('bad');
    expect(sink.lines).toEqual([
      { level: 'warn', message: 'careful', details: { requestId: 'req_1' } },
      { level: 'error', message: 'bad' },
    ]);
  });

  it('writes to the console by default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createLogger().warn('to the console');
    expect(warn).toHaveBeenCalledWith('to the console');
  });
});

describe('readEnv', () => {
  it('reads a trimmed variable and treats a blank one as unset', () => {
    vi.stubEnv('X_SDK_TEST_VAR', '  value  ');
    expect(readEnv('X_SDK_TEST_VAR')).toBe('value');
    vi.stubEnv('X_SDK_TEST_VAR', '   ');
    expect(readEnv('X_SDK_TEST_VAR')).toBeUndefined();
  });
});

describe('what the transport logs', () => {
  it('logs every attempt at debug, chaining retries under one request id', async () => {
    const logger = captureLogger();
    const { transport } = scriptedTransport([faults.serverError(503), faults.serverError(503)], { logger, logLevel: 'debug' });
    await transport.fetch(`${BASE}/v1/projects`);
    const sent = logger.lines.filter((line) => line.message.startsWith('→'));
    expect(sent.map((line) => line.details?.attempt)).toEqual([1, 2, 3]);
    const ids = new Set(logger.lines.map((line) => line.details?.requestId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^req_/);
    expect(logger.lines.filter((line) => line.level === 'info').map((line) => line.message)).toEqual([
      expect.stringMatching(/^Retrying GET https:\/\/api\.example\.test\/v1\/projects in \d+ ms \(status 503\)$/),
      expect.stringMatching(/^Retrying GET .* \(status 503\)$/),
    ]);
  });

  it('gives each logical request its own id', async () => {
    const logger = captureLogger();
    const { transport } = scriptedTransport([], { logger, logLevel: 'debug' });
    await transport.fetch(`${BASE}/v1/a`);
    await transport.fetch(`${BASE}/v1/b`);
    expect(new Set(logger.lines.map((line) => line.details?.requestId)).size).toBe(2);
  });

  it('warns, at the default level, when it gives up after retrying', async () => {
    const logger = captureLogger();
    const { transport } = scriptedTransport([], { logger, logLevel: undefined, fallback: faults.serverError(500) });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(logger.lines).toEqual([{ level: 'warn', message: 'Giving up on GET https://api.example.test/v1/projects: attempt 3 failed', details: { requestId: expect.any(String) } }]);
  });

  it('says nothing at the default level for a request that succeeded after a retry', async () => {
    const logger = captureLogger();
    const { transport } = scriptedTransport([faults.serverError(500)], { logger, logLevel: undefined });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(logger.lines).toEqual([]);
  });

  it('names the operation in its messages when it has one', async () => {
    const logger = captureLogger();
    const { transport } = scriptedTransport([faults.serverError(500)], { logger, logLevel: 'info' });
    await transport.fetch(`${BASE}/v1/projects`, { headers: { 'x-sdk-request-options': encodeURIComponent('{"operation":"listProjects"}') } });
    expect(logger.lines[0]?.message).toMatch(/^Retrying listProjects in/);
  });
});

describe('hooks', () => {
  it('reports request, response, retry and give-up events that share the request id', async () => {
    const events: Array<[string, Record<string, unknown>]> = [];
    const hooks: TransportHooks = {
      onRequest: (event) => events.push(['request', { ...event }]),
      onResponse: (event) => events.push(['response', { ...event }]),
      onRetry: (event) => events.push(['retry', { ...event }]),
      onGiveUp: (event) => events.push(['give-up', { ...event }]),
    };
    const { transport } = scriptedTransport([], { hooks, random: () => 0, retry: { maxRetries: 1 }, fallback: faults.serverError(502) });
    await transport.fetch(`${BASE}/v1/projects?api_key=abc`);
    expect(events.map(([kind, event]) => [kind, event.attempt, event.status])).toEqual([
      ['request', 1, undefined],
      ['response', 1, 502],
      ['retry', 1, 502],
      ['request', 2, undefined],
      ['response', 2, 502],
      ['give-up', 2, 502],
    ]);
    expect(new Set(events.map(([, event]) => event.requestId)).size).toBe(1);
    expect(events[2]![1]).toMatchObject({ delayMs: 500, reason: 'status 502', method: 'GET' });
    expect(events[5]![1]).toMatchObject({ reason: 'attempt 2 failed' });
    expect(events.every(([, event]) => event.url === `${BASE}/v1/projects?api_key=%5BREDACTED%5D`)).toBe(true);
    expect(typeof events[1]![1].durationMs).toBe('number');
  });

  it('reports a retry after a connection failure by the error name', async () => {
    const reasons: string[] = [];
    const { transport } = scriptedTransport([faults.reset()], { hooks: { onRetry: (event) => reasons.push(event.reason) } });
    await transport.fetch(`${BASE}/v1/projects`);
    expect(reasons).toEqual(['ConnectionError']);
  });

  it('does not report a give-up for a plain 404', async () => {
    const giveUps: unknown[] = [];
    const { transport } = scriptedTransport([faults.json(404, {})], { hooks: { onGiveUp: (event) => giveUps.push(event) } });
    await transport.fetch(`${BASE}/v1/projects/x`);
    expect(giveUps).toEqual([]);
  });
});
