import { describe, expect, it } from 'vitest';
import { methodName, methodNames } from '../lib/method-name.mjs';

describe('methodName', () => {
  it('drops the Supabase prefix and camelCases dashed ids', () => {
    expect(methodName('v1-get-project', 'v1-')).toBe('getProject');
    expect(methodName('v1-bulk-create-secrets', 'v1-')).toBe('bulkCreateSecrets');
  });

  it('treats spaces as word breaks, as in the published "v1-Delete hostname config"', () => {
    expect(methodName('v1-Delete hostname config', 'v1-')).toBe('deleteHostnameConfig');
  });

  it('drops the CockroachDB prefix and lower-cases the first letter of PascalCase ids', () => {
    expect(methodName('CockroachCloud_ListClusters', 'CockroachCloud_')).toBe('listClusters');
    expect(methodName('CockroachCloud_GetUser2', 'CockroachCloud_')).toBe('getUser2');
    expect(methodName('CockroachCloud_GetCMEKClusterInfo', 'CockroachCloud_')).toBe('getCMEKClusterInfo');
  });

  it('names SCIM operations the same way', () => {
    expect(methodName('CockroachCloud_SearchGroups', 'CockroachCloud_')).toBe('searchGroups');
    expect(methodName('CockroachCloud_GetServiceProviderConfig', 'CockroachCloud_')).toBe('getServiceProviderConfig');
  });

  it('lower-cases a leading acronym as a whole', () => {
    expect(methodName('SCIMListUsers', '')).toBe('scimListUsers');
    expect(methodName('CMEK_info', '')).toBe('cmekInfo');
  });

  it('keeps ids without the prefix whole', () => {
    expect(methodName('list_widgets', 'v1-')).toBe('listWidgets');
  });

  it('refuses an id that leaves no valid identifier', () => {
    expect(() => methodName('v1-', 'v1-')).toThrow(/no name left/);
    expect(() => methodName('v1-2fa-enroll', 'v1-')).toThrow(/not a valid method name/);
  });
});

describe('methodNames', () => {
  it('maps every operation id to its method name', () => {
    const names = methodNames(['v1-get-project', 'v1-Delete hostname config'], 'v1-');
    expect([...names]).toEqual([
      ['v1-get-project', 'getProject'],
      ['v1-Delete hostname config', 'deleteHostnameConfig'],
    ]);
  });

  it('fails loudly when two ids become the same method name', () => {
    expect(() => methodNames(['v1-get-project', 'v1-get_project'], 'v1-')).toThrow(/collision.*"v1-get-project".*"v1-get_project".*"getProject"/);
  });
});
