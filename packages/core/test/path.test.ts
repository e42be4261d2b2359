import { describe, expect, it } from 'vitest';
import { checkPathParams, encodePathParam, ValidationError } from '../src/index';

describe('encodePathParam', () => {
  it.each([
    ['../admin', '..%2Fadmin'],
    ['a/b', 'a%2Fb'],
    ['what?x=1', 'what%3Fx%3D1'],
    ['frag#ment', 'frag%23ment'],
    ['already%2Fencoded', 'already%252Fencoded'],
    ['café-ß-東京', 'caf%C3%A9-%C3%9F-%E6%9D%B1%E4%BA%AC'],
    ['with space', 'with%20space'],
    ['plain-ref_123', 'plain-ref_123'],
  ])('encodes %j as %j so it cannot change the route', (value, encoded) => {
    expect(encodePathParam('ref', value)).toBe(encoded);
  });

  it('accepts numbers and bigints', () => {
    expect(encodePathParam('id', 42)).toBe('42');
    expect(encodePathParam('id', 10n)).toBe('10');
  });

  it.each([undefined, null])('rejects a missing value (%s) before anything is sent', (value) => {
    expect(() => encodePathParam('ref', value)).toThrow(new ValidationError('Missing path parameter "ref".'));
  });

  it.each(['', '.', '..'])('rejects %j, which would address another resource', (value) => {
    expect(() => encodePathParam('ref', value)).toThrow(ValidationError);
  });

  it('rejects objects, which would print as [object Object]', () => {
    expect(() => encodePathParam('ref', { id: 1 })).toThrow('Path parameter "ref" must be a string or a number, got object.');
  });
});

describe('checkPathParams', () => {
  it('passes when every {name} in the template has a value', () => {
    expect(() => checkPathParams('/v1/projects/{ref}/functions/{slug}', { ref: 'abc', slug: 'hello' })).not.toThrow();
  });

  it('names the first missing parameter', () => {
    expect(() => checkPathParams('/v1/projects/{ref}/functions/{slug}', { ref: 'abc' })).toThrow('Missing path parameter "slug".');
    expect(() => checkPathParams('/v1/projects/{ref}', undefined)).toThrow(ValidationError);
  });
});
