import { describe, expect, it } from 'vitest';
import { isSecretHeader, REDACTED, redactBody, redactHeaders, redactUrl, SecretScrubber } from '../src/index';

describe('redactHeaders', () => {
  it('masks every credential header, whatever its case, and keeps the rest', () => {
    const headers = new Headers({
      Authorization: 'Bearer abc',
      'Proxy-Authorization': 'Basic abc',
      Cookie: 'session=abc',
      'Set-Cookie': 'session=abc',
      'X-Api-Key': 'abc',
      apikey: 'abc',
      'api-key': 'abc',
      'X-Hasura-Admin-Secret': 'abc',
      'Content-Type': 'application/json',
      'X-Request-Id': 'req-1',
    });
    expect(redactHeaders(headers)).toEqual({
      authorization: REDACTED,
      'proxy-authorization': REDACTED,
      cookie: REDACTED,
      'set-cookie': REDACTED,
      'x-api-key': REDACTED,
      apikey: REDACTED,
      'api-key': REDACTED,
      'x-hasura-admin-secret': REDACTED,
      'content-type': 'application/json',
      'x-request-id': 'req-1',
    });
  });

  it('accepts a plain object and nothing at all', () => {
    expect(redactHeaders({ AUTHORIZATION: 'x', Accept: 'y' })).toEqual({ authorization: REDACTED, accept: 'y' });
    expect(redactHeaders(undefined)).toEqual({});
  });

  it('knows which headers carry credentials', () => {
    expect(isSecretHeader('X-HASURA-ADMIN-SECRET')).toBe(true);
    expect(isSecretHeader('x-request-id')).toBe(false);
  });
});

describe('redactUrl', () => {
  it('masks token-bearing query parameters and keeps the others', () => {
    const url = redactUrl('https://api.example.test/cb?code=c1&state=s1&access_token=t1&refresh_token=r1&api_key=k1&token=t2&client_secret=cs&page=2');
    const params = new URL(url).searchParams;
    for (const name of ['code', 'access_token', 'refresh_token', 'api_key', 'token', 'client_secret']) expect(params.get(name)).toBe(REDACTED);
    expect(params.get('state')).toBe('s1');
    expect(params.get('page')).toBe('2');
  });

  it('masks query parameter names whatever their case', () => {
    expect(new URL(redactUrl('https://a.test/?Access_Token=x')).searchParams.get('Access_Token')).toBe(REDACTED);
  });

  it('masks a user and password in the URL', () => {
    expect(redactUrl('https://user:hunter2@api.example.test/v1')).toBe('https://%5BREDACTED%5D:%5BREDACTED%5D@api.example.test/v1');
  });

  it('returns something that is not a URL unchanged', () => {
    expect(redactUrl('/relative/path?token=x')).toBe('/relative/path?token=x');
  });
});

describe('redactBody', () => {
  it('masks password, db_pass, secret, token, api_key and githubPersonalAccessToken, at any depth', () => {
    const body = {
      name: 'shop',
      db_pass: 'p1',
      password: 'p2',
      nested: { secret: 's', token: 't', api_key: 'k', list: [{ githubPersonalAccessToken: 'ghp_x', keep: 1 }] },
      secrets: [{ name: 'STRIPE_KEY', value: 'sk_live_x' }],
    };
    expect(redactBody(body)).toEqual({
      name: 'shop',
      db_pass: REDACTED,
      password: REDACTED,
      nested: { secret: REDACTED, token: REDACTED, api_key: REDACTED, list: [{ githubPersonalAccessToken: REDACTED, keep: 1 }] },
      secrets: REDACTED,
    });
  });

  it('masks the value of an env-var-like entry', () => {
    expect(redactBody([{ name: 'DATABASE_URL', value: 'postgres://u:p@h/db' }])).toEqual([{ name: 'DATABASE_URL', value: REDACTED }]);
  });

  it('matches field names whatever their case and leaves null secrets visible as null', () => {
    expect(redactBody({ PASSWORD: 'x', Token: 'y', secret: null })).toEqual({ PASSWORD: REDACTED, Token: REDACTED, secret: null });
  });

  it('leaves the input untouched and survives cycles and very deep values', () => {
    const input: Record<string, unknown> = { password: 'x' };
    input.self = input;
    let deep: Record<string, unknown> = { password: 'deep' };
    for (let i = 0; i < 30; i++) deep = { inner: deep };
    const out = redactBody({ input, deep }) as { input: Record<string, unknown> };
    expect(input.password).toBe('x');
    expect(out.input.self).toBe('[…]');
    expect(JSON.stringify(out)).not.toContain('"password":"deep"');
    expect(JSON.stringify(out)).toContain('[…]');
  });

  it('passes primitives through', () => {
    expect(redactBody('text')).toBe('text');
    expect(redactBody(3)).toBe(3);
    expect(redactBody(null)).toBe(null);
  });
});

describe('SecretScrubber', () => {
  it('erases every known secret from text and from the strings of a value', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('sbp_0123456789abcdef');
    expect(scrubber.scrubText('token sbp_0123456789abcdef was rejected (sbp_0123456789abcdef)')).toBe(`token ${REDACTED} was rejected (${REDACTED})`);
    expect(scrubber.scrub({ message: 'bad sbp_0123456789abcdef', list: ['sbp_0123456789abcdef'], count: 1 })).toEqual({ message: `bad ${REDACTED}`, list: [REDACTED], count: 1 });
  });

  it('masks secret fields even before it knows any secret', () => {
    expect(new SecretScrubber().scrub({ password: 'x' })).toEqual({ password: REDACTED });
  });

  it('ignores values too short to be secrets, which would erase ordinary words', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('abc');
    scrubber.add(undefined);
    expect(scrubber.scrubText('abc')).toBe('abc');
  });

  it('remembers at most 1,000 secrets, letting go of the one seen longest ago, so a long-lived client does not grow', () => {
    const scrubber = new SecretScrubber();
    const secret = (i: number) => `value-${String(i).padStart(6, '0')}-secret`;
    scrubber.add('in-use-credential-0001');
    for (let i = 0; i < 5_000; i++) {
      scrubber.add(secret(i));
      // A credential in use is seen again on every request: it never becomes the oldest.
      if (i % 400 === 0) scrubber.add('in-use-credential-0001');
    }
    expect(JSON.stringify(scrubber)).toBe('"SecretScrubber(1000)"');
    expect(scrubber.scrubText('in-use-credential-0001')).toBe(REDACTED);
    expect(scrubber.scrubText(secret(4_999))).toBe(REDACTED);
    expect(scrubber.scrubText(secret(4_001))).toBe(REDACTED);
    expect(scrubber.scrubText(secret(0))).toBe(secret(0));
  });

  it('serialises without the secrets it holds', () => {
    const scrubber = new SecretScrubber();
    scrubber.add('sbp_0123456789abcdef');
    expect(JSON.stringify({ scrubber })).toBe('{"scrubber":"SecretScrubber(1)"}');
  });
});
