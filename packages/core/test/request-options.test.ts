import { describe, expect, it } from 'vitest';
import { decodeRequestOptions, encodeRequestOptions, OPTIONS_HEADER, requestOptionsHeaders } from '../src/index';

describe('request options through a header', () => {
  it('round-trips the serialisable options', () => {
    const options = { operation: 'createProject', idempotent: false, idempotencyKey: 'k-1', retry: { maxRetries: 4 }, timeoutMs: 5_000, deadlineMs: 20_000 };
    expect(decodeRequestOptions(encodeRequestOptions(options))).toEqual(options);
  });

  it('merges extra headers and leaves the signal out of the header', () => {
    const headers = requestOptionsHeaders({ operation: 'getProject', signal: new AbortController().signal, headers: { 'x-extra': '1' } });
    expect(headers['x-extra']).toBe('1');
    expect(decodeRequestOptions(headers[OPTIONS_HEADER]!)).toEqual({ operation: 'getProject' });
  });

  it('carries unicode and header-unsafe characters safely', () => {
    const value = requestOptionsHeaders({ operation: 'créer "projet"\n' })[OPTIONS_HEADER]!;
    expect(() => new Headers({ [OPTIONS_HEADER]: value })).not.toThrow();
    expect(decodeRequestOptions(value).operation).toBe('créer "projet"\n');
  });

  it('ignores a missing or malformed header', () => {
    expect(decodeRequestOptions(null)).toEqual({});
    expect(decodeRequestOptions('%E0%A4%A')).toEqual({});
    expect(decodeRequestOptions(encodeURIComponent('"just a string"'))).toEqual({});
  });
});
