import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortError,
  APIError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  GraphQLError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
  ValidationError,
  WaitFailedError,
  XError,
} from '../src/index';

const context = { provider: 'supabase', operation: 'getProject', method: 'GET', url: 'https://api.example.test/v1/projects/abc', attempts: 2, requestId: 'req_1' };

describe('the error hierarchy', () => {
  it('derives every server-answer class from APIError and every error from XError', () => {
    for (const Class of [BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, GraphQLError]) {
      const error = new Class('m', { status: 400 });
      expect(error).toBeInstanceOf(APIError);
      expect(error).toBeInstanceOf(XError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(Class.name);
    }
    for (const error of [new ConnectionError('m'), new TimeoutError('m'), new AbortError(), new ValidationError('m'), new WaitFailedError('m')]) {
      expect(error).toBeInstanceOf(XError);
      expect(error).not.toBeInstanceOf(APIError);
    }
  });

  it('carries status, headers, body, request id, provider, operation, method, url, attempts and retryAfterMs', () => {
    const error = new RateLimitError('slow down', { ...context, status: 429, headers: { 'retry-after': '3' }, body: { message: 'slow' }, retryAfterMs: 3_000 });
    expect(error).toMatchObject({ ...context, status: 429, headers: { 'retry-after': '3' }, body: { message: 'slow' }, retryAfterMs: 3_000, message: 'slow down' });
  });

  it('lists the distinct GraphQL codes', () => {
    const error = new GraphQLError('m', { status: 200, errors: [{ message: 'a', extensions: { code: 'X' } }, { message: 'b', extensions: { code: 'X' } }, { message: 'c', extensions: { code: 'Y' } }, { message: 'd' }] });
    expect(error.codes).toEqual(['X', 'Y']);
  });

  it('keeps the cause for debugging but leaves it out of JSON and inspection', () => {
    const cause = new Error('socket hang up with secret_in_cause');
    const error = new ConnectionError('Could not reach Supabase.', { ...context, cause });
    expect(error.cause).toBe(cause);
    expect(JSON.stringify(error)).not.toContain('secret_in_cause');
    expect(inspect(error)).not.toContain('secret_in_cause');
  });

  it('serialises its public fields with JSON.stringify', () => {
    const error = new NotFoundError('Supabase answered 404.', { ...context, status: 404, body: { message: 'not found' } });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'NotFoundError', message: 'Supabase answered 404.', status: 404, provider: 'supabase', operation: 'getProject', attempts: 2 });
  });

  it('prints its name, message and fields through util.inspect', () => {
    const text = inspect(new TimeoutError('No answer within 1000 ms.', { ...context, timeoutMs: 1_000 }));
    expect(text).toContain('TimeoutError: No answer within 1000 ms.');
    expect(text).toContain('"timeoutMs": 1000');
  });

  it('gives AbortError a default message and WaitFailedError the last value observed', () => {
    expect(new AbortError().message).toBe('The request was aborted by the caller.');
    expect(new WaitFailedError('failed', { last: { status: 'INIT_FAILED' } }).last).toEqual({ status: 'INIT_FAILED' });
  });
});
