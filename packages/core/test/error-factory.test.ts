import { describe, expect, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  describeAPIError,
  InternalServerError,
  makeAPIError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  requestOptionsHeaders,
  serverMessage,
  UnprocessableEntityError,
} from '../src/index';
import { faults } from '../src/testing/index';
import { BASE, scriptedTransport } from './helpers';

const hints = { displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN' };

describe('makeAPIError picks the class by status', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [502, InternalServerError],
    [503, InternalServerError],
    [504, InternalServerError],
    [599, InternalServerError],
  ])('%i → %o', (status, Class) => {
    expect(makeAPIError({ status })).toBeInstanceOf(Class);
  });

  it.each([405, 410, 418, 451])('falls back to APIError for %i', (status) => {
    const error = makeAPIError({ status });
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(status);
  });
});

describe('messages say what happened and what to do', () => {
  const message = (status: number, extra: Record<string, unknown> = {}) => makeAPIError({ status, provider: 'supabase', operation: 'getProject', ...extra }, hints).message;

  it('names the provider, the status, the operation and the server\'s own words', () => {
    expect(message(404, { body: { message: 'Project abc not found' } })).toMatch(/^Supabase answered 404 on getProject: Project abc not found\. Check the identifiers/);
  });

  it('points a 401 at the credential and where it comes from', () => {
    expect(message(401)).toContain('Check the credential (option or SUPABASE_ACCESS_TOKEN): it is missing, invalid or expired.');
  });

  it('explains a 403 is about permission, not the credential', () => {
    expect(message(403)).toContain('lacks permission');
  });

  it('sends 400 and 422 back to the API reference', () => {
    expect(message(400)).toContain('Check the request parameters and body');
    expect(message(422)).toContain('Check the request parameters and body');
  });

  it('suggests re-reading on a 409', () => {
    expect(message(409)).toContain('re-read it and retry');
  });

  it('tells how long a 429 asks to wait and after how many attempts', () => {
    expect(message(429, { retryAfterMs: 61_000, attempts: 3 })).toContain('Rate limited after 3 attempts; the server asks to wait 61 s (see retryAfterMs).');
    expect(message(429)).toContain('slow down or lower concurrency');
  });

  it('says a 5xx is the provider\'s failure, after how many attempts', () => {
    expect(message(503, { attempts: 3 })).toContain('The provider failed after 3 attempts; retry later.');
  });

  it('names the method and path when there is no operation name', () => {
    expect(makeAPIError({ status: 404, method: 'DELETE', url: 'https://api.example.test/v1/projects/abc?x=1' }).message).toMatch(/^The API answered 404 on DELETE \/v1\/projects\/abc\./);
  });

  it('ends with the request id', () => {
    expect(message(500, { requestId: 'req_abc' })).toMatch(/\[request req_abc\]$/);
  });

  it('describes an HTML error page instead of quoting it', () => {
    expect(message(502, { body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>' })).toContain('Supabase answered 502 on getProject: an HTML error page instead of JSON.');
  });

  it('is the same text describeAPIError builds', () => {
    expect(describeAPIError({ status: 409, provider: 'p' })).toBe(makeAPIError({ status: 409, provider: 'p' }).message);
  });
});

describe('serverMessage reads the usual body shapes', () => {
  it.each([
    [{ message: 'a' }, 'a'],
    [{ error: { message: 'b' } }, 'b'],
    [{ error: 'c' }, 'c'],
    [{ msg: 'd' }, 'd'],
    [{ error_description: 'e' }, 'e'],
    [{ detail: 'f' }, 'f'],
    [{ errors: [{ message: 'g1' }, { message: 'g2' }] }, 'g1; g2'],
    ['plain text\n  answer', 'plain text answer'],
    ['', undefined],
    [{ unrelated: 1 }, undefined],
    [null, undefined],
  ])('%j → %j', (body, expected) => {
    expect(serverMessage(body)).toBe(expected);
  });

  it('clips a long explanation to 300 characters', () => {
    const said = serverMessage({ message: 'x'.repeat(1_000) })!;
    expect(said).toHaveLength(300);
    expect(said.endsWith('...')).toBe(true);
  });
});

describe('errorFromResponse builds the error from what the transport returned', () => {
  it('parses a JSON body, redacts cookies in the headers and takes the server request id', async () => {
    const { transport } = scriptedTransport([faults.json(409, { message: 'name taken' }, { 'x-request-id': 'srv-123', 'set-cookie': 'session=abc' })]);
    const answer = await transport.fetch(`${BASE}/v1/projects`, { method: 'POST', body: '{}', headers: requestOptionsHeaders({ operation: 'createProject' }) });
    const error = await transport.errorFromResponse(answer);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      status: 409,
      body: { message: 'name taken' },
      requestId: 'srv-123',
      provider: 'supabase',
      operation: 'createProject',
      method: 'POST',
      url: `${BASE}/v1/projects`,
      attempts: 1,
    });
    expect(error.headers['set-cookie']).toBe('[REDACTED]');
    expect(error.message).toBe('Supabase answered 409 on createProject: name taken. The resource changed or already exists: re-read it and retry. [request srv-123]');
  });

  it('keeps a body that is not JSON as text', async () => {
    const { transport } = scriptedTransport([faults.htmlPage(502)], { retry: { maxRetries: 0 } });
    const error = await transport.errorFromResponse(await transport.fetch(`${BASE}/v1/projects`));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toContain('<h1>502 Bad Gateway</h1>');
    expect(error.message).toContain('an HTML error page instead of JSON');
  });

  it('falls back to the SDK request id when the server sends none', async () => {
    const { transport } = scriptedTransport([faults.json(404, {})]);
    const error = await transport.errorFromResponse(await transport.fetch(`${BASE}/v1/projects/x`));
    expect(error.requestId).toMatch(/^req_/);
  });

  it('reads the request id from sb-request-id and request-id too', async () => {
    const { transport } = scriptedTransport([faults.json(404, {}, { 'sb-request-id': 'sb-1' }), faults.json(404, {}, { 'request-id': 'r-2' })]);
    expect((await transport.errorFromResponse(await transport.fetch(`${BASE}/a`))).requestId).toBe('sb-1');
    expect((await transport.errorFromResponse(await transport.fetch(`${BASE}/b`))).requestId).toBe('r-2');
  });

  it('handles an empty error body', async () => {
    const { transport } = scriptedTransport([{ kind: 'response', status: 404, body: '' }]);
    const error = await transport.errorFromResponse(await transport.fetch(`${BASE}/v1/x`));
    expect(error.body).toBeUndefined();
    expect(error.message).toMatch(/^Supabase answered 404 on GET \/v1\/x\. Check the identifiers/);
  });

  it('leaves the response readable for the caller', async () => {
    const { transport } = scriptedTransport([faults.json(400, { message: 'bad' })]);
    const answer = await transport.fetch(`${BASE}/v1/x`);
    await transport.errorFromResponse(answer);
    expect(await answer.json()).toEqual({ message: 'bad' });
  });
});
