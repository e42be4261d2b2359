import { describe, expect, it } from 'vitest';
import { compileKeySchema, ValidationError } from '../src';

describe('compileKeySchema', () => {
  it('renders, matches and strips a prefix schema', () => {
    const schema = compileKeySchema('APP_{{secretKey}}');
    expect(schema.render('DB_URL')).toBe('APP_DB_URL');
    expect(schema.matches('APP_DB_URL')).toBe(true);
    expect(schema.matches('DB_URL')).toBe(false);
    expect(schema.strip('APP_DB_URL')).toBe('DB_URL');
    expect(schema.strip('OTHER')).toBeUndefined();
  });

  it('fills {{environment}} and handles a suffix', () => {
    const schema = compileKeySchema('{{secretKey}}_{{ environment }}', 'PROD');
    expect(schema).toMatchObject({ prefix: '', suffix: '_PROD' });
    expect(schema.render('TOKEN')).toBe('TOKEN_PROD');
    expect(schema.matches('TOKEN_PROD')).toBe(true);
    expect(schema.matches('TOKEN_DEV')).toBe(false);
    expect(schema.strip('TOKEN_PROD')).toBe('TOKEN');
  });

  it('matches a key exactly as long as prefix and suffix together', () => {
    const schema = compileKeySchema('A_{{secretKey}}_Z');
    expect(schema.matches('A__Z')).toBe(true);
    expect(schema.matches('A_Z')).toBe(false);
  });

  it('does not let the middle contain "/" when the prefix or suffix does', () => {
    const schema = compileKeySchema('team/{{secretKey}}');
    expect(schema.matches('team/KEY')).toBe(true);
    expect(schema.matches('team/sub/KEY')).toBe(false);
    expect(compileKeySchema('T_{{secretKey}}').matches('T_a/b')).toBe(true);
  });

  it('manages every key when there is no schema', () => {
    const schema = compileKeySchema(undefined);
    expect(schema.matches('ANYTHING')).toBe(true);
    expect(schema.render('K')).toBe('K');
  });

  it('rejects schemas without exactly one {{secretKey}}, unknown placeholders, and a missing environment', () => {
    expect(() => compileKeySchema('APP_')).toThrow(ValidationError);
    expect(() => compileKeySchema('{{secretKey}}{{secretKey}}')).toThrow(/exactly once/);
    expect(() => compileKeySchema('{{secretKey}}_{{region}}')).toThrow(/unknown placeholder \{\{region\}\}/);
    expect(() => compileKeySchema('{{secretKey}}_{{environment}}')).toThrow(/pass the environment option/);
  });
});
