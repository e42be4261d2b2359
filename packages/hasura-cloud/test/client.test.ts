import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, asProjectId, asTenantId, createHasuraCloudClient, DEFAULT_ENDPOINT, ValidationError } from '../src';
import { rejection, useSimulator } from './helpers';

const { server, start } = useSimulator();

describe('createHasuraCloudClient', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('throws a ValidationError naming HASURA_CLOUD_ACCESS_TOKEN when no token is given or set', () => {
    vi.stubEnv('HASURA_CLOUD_ACCESS_TOKEN', '');
    expect(() => createHasuraCloudClient()).toThrow(ValidationError);
    expect(() => createHasuraCloudClient()).toThrow(/HASURA_CLOUD_ACCESS_TOKEN/);
  });

  it('sends the token as `Authorization: pat <token>` to the default endpoint', async () => {
    const { sim } = start();
    const seen: Array<{ url: string; authorization: string | null }> = [];
    server.events.on('request:start', ({ request }) => void seen.push({ url: request.url, authorization: request.headers.get('authorization') }));
    const client = createHasuraCloudClient({ accessToken: sim.token });
    expect(client.endpoint).toBe(DEFAULT_ENDPOINT);
    await client.listEgressIps();
    expect(seen).toEqual([{ url: 'https://data.pro.hasura.io/v1/graphql', authorization: `pat ${sim.token}` }]);
    server.events.removeAllListeners();
  });

  it('reads the token from HASURA_CLOUD_ACCESS_TOKEN', async () => {
    const { sim } = start();
    vi.stubEnv('HASURA_CLOUD_ACCESS_TOKEN', sim.token);
    await expect(createHasuraCloudClient().listEgressIps()).resolves.toContain('3.131.20.10');
  });

  it('talks to the endpoint given as an option', async () => {
    const { sim } = start({ sim: { endpoint: 'https://lux.example.test/v1/graphql' } });
    const client = createHasuraCloudClient({ accessToken: sim.token, endpoint: 'https://lux.example.test/v1/graphql' });
    await expect(client.listEgressIps()).resolves.toHaveLength(3);
  });

  it('turns a rejected token (access-denied in a 200 answer) into an AuthenticationError that says what to check', async () => {
    const { makeClient } = start();
    const error = await rejection(makeClient({ accessToken: 'not-the-right-token' }).listEgressIps());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/personal access token/);
    expect(error.message).toMatch(/HASURA_CLOUD_ACCESS_TOKEN/);
    expect(error.message).not.toContain('not-the-right-token');
    expect((error as AuthenticationError).codes).toEqual(['access-denied']);
  });

  it('posts each operation as its document text with its operation name and variables', async () => {
    const { sim, client } = start();
    const { projectId } = sim.state.addProject({ name: 'wire' });
    const bodies: unknown[] = [];
    server.events.on('request:start', ({ request }) => void request.clone().json().then((body) => bodies.push(body)));
    await client.listEgressIps();
    await client.getProject(asProjectId(projectId));
    await client.raw.GetProject({ projectId });
    server.events.removeAllListeners();
    expect(bodies).toHaveLength(3);
    // The text as short as GraphQL allows: no indentation or commas travel with the request.
    expect(bodies[0]).toEqual({ query: expect.stringMatching(/^query ListEgressIps\(\$isActive:Boolean!\$natIpIsNull:Boolean!\)\{/), variables: { isActive: true, natIpIsNull: false }, operationName: 'ListEgressIps' });
    expect(bodies[1]).toEqual({ query: 'query GetProject($projectId:uuid!){projects_by_pk(id:$projectId){id name endpoint created_at tenant{id}}}', variables: { projectId }, operationName: 'GetProject' });
    expect(bodies[2]).toEqual(bodies[1]);
  });

  it('never shows its token when printed or serialized', () => {
    const client = createHasuraCloudClient({ accessToken: 'pat-canary-0123456789' });
    expect(inspect(client)).not.toContain('pat-canary');
    expect(JSON.stringify(client)).not.toContain('pat-canary');
    expect(inspect(client.transport)).not.toContain('pat-canary');
    expect(JSON.stringify(client.transport)).not.toContain('pat-canary');
  });
});

describe('project and tenant ids', () => {
  it('accepts UUIDs and rejects anything else with a ValidationError that explains the difference', () => {
    expect(asProjectId('7A79CF94-0E53-4520-A560-1B02BF522F08')).toBe('7a79cf94-0e53-4520-a560-1b02bf522f08');
    expect(asTenantId('7a79cf94-0e53-4520-a560-1b02bf522f08')).toBe('7a79cf94-0e53-4520-a560-1b02bf522f08');
    expect(() => asProjectId('my-project')).toThrow(ValidationError);
    expect(() => asTenantId('')).toThrow(/UUID/);
  });

  it('keeps project ids and tenant ids apart at compile time', () => {
    const projectId = asProjectId('7a79cf94-0e53-4520-a560-1b02bf522f08');
    const tenantId = asTenantId('8b79cf94-0e53-4520-a560-1b02bf522f08');
    const takesTenant = (id: typeof tenantId) => id;
    // @ts-expect-error a project id is not a tenant id
    takesTenant(projectId);
    // @ts-expect-error a plain string is not a tenant id either
    takesTenant('8b79cf94-0e53-4520-a560-1b02bf522f08');
    expect(takesTenant(tenantId)).toBe(tenantId);
  });
});
