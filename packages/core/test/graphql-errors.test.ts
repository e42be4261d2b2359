import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  DEFAULT_GRAPHQL_CODES,
  GraphQLError,
  graphQLErrorFrom,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '../src/index';

const entry = (message: string, code?: string, path?: Array<string | number>) => ({ message, ...(path ? { path } : {}), ...(code ? { extensions: { code } } : {}) });

describe('graphQLErrorFrom', () => {
  it('carries every errors[] entry, their codes and the partial data', () => {
    const errors = [entry('field a failed', 'SOME_CODE', ['project', 'a']), entry('field b failed', 'OTHER_CODE', ['project', 'b']), entry('no code')];
    const error = graphQLErrorFrom(errors, { httpStatus: 200, data: { project: { id: 'p1', a: null, b: null } }, provider: 'hasura', operation: 'GetProject' });
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.errors).toEqual(errors);
    expect(error.codes).toEqual(['SOME_CODE', 'OTHER_CODE']);
    expect(error.data).toEqual({ project: { id: 'p1', a: null, b: null } });
    expect(error.status).toBe(200);
    expect(error.message).toBe('hasura answered 200 on GetProject: field a failed; field b failed; no code. The GraphQL request failed; see errors[] for every entry.');
  });

  it.each([
    ['UNAUTHENTICATED', AuthenticationError],
    ['invalid-jwt', AuthenticationError],
    ['FORBIDDEN', PermissionDeniedError],
    ['access-denied', PermissionDeniedError],
    ['permission-error', PermissionDeniedError],
    ['NOT_FOUND', NotFoundError],
    ['not-found', NotFoundError],
    ['constraint-violation', ConflictError],
    ['BAD_USER_INPUT', BadRequestError],
    ['GRAPHQL_VALIDATION_FAILED', BadRequestError],
    ['validation-failed', BadRequestError],
    ['parse-failed', BadRequestError],
    ['RATE_LIMITED', RateLimitError],
    ['INTERNAL_SERVER_ERROR', InternalServerError],
    ['unexpected', InternalServerError],
  ])('maps the code %s to %o', (code, Class) => {
    const error = graphQLErrorFrom([entry('x', code)], { httpStatus: 200 });
    expect(error).toBeInstanceOf(Class);
    expect(error.errors).toHaveLength(1);
  });

  it('uses the first entry whose code is known', () => {
    expect(graphQLErrorFrom([entry('a', 'MYSTERY'), entry('b', 'NOT_FOUND'), entry('c', 'UNAUTHENTICATED')], { httpStatus: 200 })).toBeInstanceOf(NotFoundError);
  });

  it('takes the HTTP status when no code is known and the answer was a 4xx', () => {
    const error = graphQLErrorFrom([entry('Syntax Error: Unexpected Name "qeury"')], { httpStatus: 400 });
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.errors?.[0]?.message).toContain('Syntax Error');
  });

  it('lets a provider add or override codes', () => {
    expect(graphQLErrorFrom([entry('x', 'tenant-missing')], { httpStatus: 200, codes: { 'tenant-missing': 404 } })).toBeInstanceOf(NotFoundError);
    expect(graphQLErrorFrom([entry('x', 'NOT_FOUND')], { httpStatus: 200, codes: { NOT_FOUND: 403 } })).toBeInstanceOf(PermissionDeniedError);
  });

  it('exposes the default code table as data', () => {
    expect(DEFAULT_GRAPHQL_CODES.UNAUTHENTICATED).toBe(401);
    expect(DEFAULT_GRAPHQL_CODES.RATE_LIMITED).toBe(429);
  });
});
