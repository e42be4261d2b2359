import { describe, expect, it } from 'vitest';
import { matchOperationRoute } from '../src';

describe('matchOperationRoute', () => {
  it('names the operation and decodes its path parameters', () => {
    expect(matchOperationRoute('get', '/v1/projects/abc/functions/hello%20world')).toEqual({
      name: 'getAFunction',
      template: '/v1/projects/{ref}/functions/{function_slug}',
      params: { ref: 'abc', function_slug: 'hello world' },
    });
    expect(matchOperationRoute('DELETE', '/v1/projects/abc/api-keys/k1')).toEqual({ name: 'deleteProjectApiKey', template: '/v1/projects/{ref}/api-keys/{id}', params: { ref: 'abc', id: 'k1' } });
  });

  it('prefers the template with more literal segments', () => {
    expect(matchOperationRoute('GET', '/v1/projects/available-regions')?.name).toBe('getAvailableRegions');
    expect(matchOperationRoute('GET', '/v1/projects/abc')?.name).toBe('getProject');
    expect(matchOperationRoute('GET', '/v1/projects/abc/api-keys/legacy')?.name).toBe('getProjectLegacyApiKeys');
    expect(matchOperationRoute('GET', '/v1/projects/abc/api-keys/k1')?.name).toBe('getProjectApiKey');
  });

  it('keeps a parameter that is not valid percent-encoding as it came', () => {
    expect(matchOperationRoute('GET', '/v1/projects/%E0%A4%A')?.params).toEqual({ ref: '%E0%A4%A' });
  });

  it('matches nothing for another method, an empty parameter, a trailing slash or an unknown path', () => {
    expect(matchOperationRoute('PUT', '/v1/projects/abc')).toBeUndefined();
    expect(matchOperationRoute('GET', '/v1/projects//functions')).toBeUndefined();
    expect(matchOperationRoute('GET', '/v1/projects/abc/')).toBeUndefined();
    expect(matchOperationRoute('GET', '/v1/not-a-route')).toBeUndefined();
    expect(matchOperationRoute('GET', 'v1/projects/abc')).toBeUndefined();
  });
});
