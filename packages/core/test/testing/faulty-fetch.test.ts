import { describe, expect, it } from 'vitest';
import { answer, createFaultyFetch, faults, networkError, truncatedStream, VirtualClock } from '../../src/testing/index';

describe('createFaultyFetch', () => {
  it('answers from the script, one fault per call, then from the fallback, recording what was sent', async () => {
    const faulty = createFaultyFetch([faults.serverError(503)], { fallback: faults.json(201, { id: 'p1' }) });
    const first = await faulty.fetch('https://api.example.test/v1/projects', { method: 'POST', body: '{"name":"x"}', headers: { 'x-a': '1' } });
    const second = await faulty.fetch('https://api.example.test/v1/projects');
    expect([first.status, second.status]).toEqual([503, 201]);
    expect(await second.json()).toEqual({ id: 'p1' });
    expect(faulty.calls[0]).toMatchObject({ method: 'POST', url: 'https://api.example.test/v1/projects', body: '{"name":"x"}', headers: { 'x-a': '1' } });
    expect(faulty.remaining()).toBe(0);
  });

  it('answers 200 {} by default and accepts a function as fallback', async () => {
    expect(await (await createFaultyFetch([]).fetch('https://a.test/')).json()).toEqual({});
    const echo = createFaultyFetch([], { fallback: (request) => Response.json({ path: new URL(request.url).pathname }) });
    expect(await (await echo.fetch('https://a.test/v1/x')).json()).toEqual({ path: '/v1/x' });
  });

  it('throws Node-shaped network errors for resets and refusals', async () => {
    const faulty = createFaultyFetch([faults.reset(), faults.refused()]);
    await expect(faulty.fetch('https://a.test/')).rejects.toMatchObject({ name: 'TypeError', cause: { code: 'ECONNRESET' } });
    await expect(faulty.fetch('https://a.test/')).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
  });

  it('hangs until the request is aborted', async () => {
    const controller = new AbortController();
    const pending = createFaultyFetch([faults.hang()]).fetch('https://a.test/', { signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('answers slowly on the clock', async () => {
    const clock = new VirtualClock({ start: 0 });
    const pending = createFaultyFetch([faults.slow(2_000, faults.json(200, { late: true }))], { clock }).fetch('https://a.test/');
    await clock.advance(2_000);
    expect(await (await pending).json()).toEqual({ late: true });
  });

  it('breaks a truncated body halfway', async () => {
    const response = await createFaultyFetch([faults.truncated('{"items":[1,2,3,4]}')]).fetch('https://a.test/');
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});

describe('faults', () => {
  it('build the hints the matrix needs', async () => {
    const play = (fault: Parameters<typeof answer>[0]) => answer(fault, new AbortController().signal);
    expect((await play(faults.retryAfterSeconds(3))).headers.get('retry-after')).toBe('3');
    expect((await play(faults.retryAfterMs(250))).headers.get('retry-after-ms')).toBe('250');
    expect((await play(faults.retryAfterDate(new Date(Date.UTC(2026, 0, 1))))).headers.get('retry-after')).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    const reset = await play(faults.rateLimitReset(12, 60));
    expect(Object.fromEntries(reset.headers)).toMatchObject({ 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '12' });
    expect((await play(faults.rateLimitedBare())).status).toBe(429);
    expect(await (await play(faults.htmlPage(502))).text()).toContain('502 Bad Gateway');
    expect(await (await play(faults.notJson())).text()).toBe('{"oops": ');
    expect(await (await play(faults.empty(200))).text()).toBe('');
  });

  it('make network errors and truncated streams on their own', async () => {
    expect(networkError('ECONNRESET').cause).toMatchObject({ code: 'ECONNRESET' });
    const reader = truncatedStream('abcdef').getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('abc');
    await expect(reader.read()).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } });
  });
});
