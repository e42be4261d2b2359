import { describe, expect, it } from 'vitest';
import { XError, AuthenticationError, BadRequestError, GraphQLError, InternalServerError, PermissionDeniedError, RateLimitError, VersionLockingError } from '../src/index';
import { lockVersions, refinePrefectError } from '../src/errors';
import { faults } from '../src/testing/index';
import { rejectionOf, useSimulator } from './helpers';

const env = useSimulator();

describe('errors mapped from extensions.code', () => {
  it('turns UNAUTHENTICATED into AuthenticationError that names the credential to check', async () => {
    const error = await rejectionOf(env.client({ apiKey: 'pcu_revoked_or_wrong_0000000000' }).listSecretNames());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, provider: 'prefect', operation: 'AuthInfo' });
    expect(error.message).toMatch(/PREFECT__CLOUD__API_KEY/);
  });

  it('turns FORBIDDEN into PermissionDeniedError (a read-only member creating a project)', async () => {
    const client = env.client({ apiKey: env.sim.state.defaults.readOnlyApiKey });
    const error = await rejectionOf(client.createProject({ name: 'nope' }));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error).toMatchObject({ status: 403, operation: 'CreateProject' });
    expect(env.sim.state.projects.size).toBe(2);
  });

  it('turns VERSION_LOCKING_ERROR into VersionLockingError carrying both versions', async () => {
    const client = env.client();
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id });
    const { version } = await client.getFlowRunState(id);
    await client.setFlowRunState(id, 'Running', { version: version! });
    const error = await rejectionOf(client.setFlowRunState(id, 'Success', { version: version! }));
    expect(error).toBeInstanceOf(VersionLockingError);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).toMatchObject({ expectedVersion: version, actualVersion: version! + 1, operation: 'SetFlowRunStates' });
    expect(error.message).toMatch(/getFlowRun/);
    expect((await client.getFlowRunState(id)).state).toBe('Running');
  });

  it('reads the versions from the message when extensions do not carry them', () => {
    expect(lockVersions({ message: 'Version locking error: expected version 4, found version 6', extensions: { code: 'VERSION_LOCKING_ERROR' } })).toEqual({ expectedVersion: 4, actualVersion: 6 });
    expect(lockVersions({ message: 'version mismatch', extensions: { code: 'VERSION_LOCKING_ERROR' } })).toEqual({ expectedVersion: undefined, actualVersion: undefined });
  });

  it('leaves malformed errors[] entries to the core mapping instead of failing in the refinement', () => {
    const error = new GraphQLError('x', { status: 200, errors: [null as never, { message: 42 as never, extensions: { code: 'VERSION_LOCKING_ERROR', expected_version: 'x' } }] });
    const refined = refinePrefectError(error);
    expect(refined).toBeInstanceOf(VersionLockingError);
    expect(refined).toMatchObject({ expectedVersion: undefined, actualVersion: undefined });
    const plain = new GraphQLError('y', { status: 200, errors: 'nope' as never });
    expect(refinePrefectError(plain)).toBe(plain);
  });

  it('answers an invalid document (HTTP 400 with errors[]) with BadRequestError', async () => {
    const client = env.client();
    const error = await rejectionOf(client.request('query Broken { flow { id no_such_column } nope { id } }'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, operation: 'Broken' });
    expect((error as BadRequestError).codes).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(error.message).toMatch(/Cannot query field "nope"/);
  });
});

describe('malformed answers', () => {
  it('end as an XError naming the operation, never a bare TypeError', async () => {
    const client = env.client({ tenantId: env.sim.state.defaults.tenant.id });
    env.sim.faults.inject(faults.json(200, { data: { flow: null, flow_aggregate: null } }), { operation: 'ListFlows' });
    const listed = await rejectionOf(client.listFlows().toArray());
    expect(listed).toBeInstanceOf(XError);
    expect(listed.message).toMatch(/answer to ListFlows without the fields/);
    env.sim.faults.inject(faults.json(200, { data: { switch_tenant: null, create_api_token: { id: 7 } } }), { operation: 'CreateApiToken' });
    const created = await rejectionOf(client.createApiToken({ name: 'x', scope: 'TENANT' }));
    expect(created).toBeInstanceOf(XError);
  });
});

describe('API_ERROR', () => {
  it('is retried with a short backoff for queries, and the answer comes back', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.apiError({ operation: 'ListFlows', count: 2 });
    const before = env.clock.now();
    const flows = await client.listFlows().toArray();
    expect(flows).toHaveLength(1);
    expect(env.sim.state.calls.filter((c) => c.operationName === 'ListFlows')).toHaveLength(3);
    expect(env.clock.now() - before).toBeLessThan(2_000);
  });

  it('gives up after the configured retries with InternalServerError', async () => {
    const client = env.client({ apiErrorRetries: 1 });
    await client.getTenantId();
    env.sim.faults.apiError({ operation: 'SecretNames', count: 5 });
    const error = await rejectionOf(client.listSecretNames());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).codes).toEqual(['API_ERROR']);
    expect(env.sim.state.calls.filter((c) => c.operationName === 'SecretNames')).toHaveLength(2);
  });

  it('is not retried for a mutation that could run twice', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.apiError({ operation: 'CreateFlowRun' });
    const error = await rejectionOf(client.createFlowRun({ flowId: env.sim.state.defaults.flow.id }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(env.sim.state.calls.filter((c) => c.operationName === 'CreateFlowRun')).toHaveLength(1);
  });

  it('is retried for createFlowRun with an idempotency key, and only one run exists', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.apiError({ operation: 'CreateFlowRun' });
    const { id } = await client.createFlowRun({ flowId: env.sim.state.defaults.flow.id, idempotencyKey: 'nightly-2026-01-01' });
    expect(env.sim.state.calls.filter((c) => c.operationName === 'CreateFlowRun')).toHaveLength(2);
    expect([...env.sim.state.flowRuns.keys()]).toEqual([id]);
  });
});

describe('429', () => {
  it('waits 15 s then 30 s on bare 429s before retrying', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.inject(faults.rateLimitedBare(), { operation: 'SecretNames', count: 2 });
    await expect(client.listSecretNames()).resolves.toEqual([]);
    expect(client.stats.waitedMs).toBeGreaterThanOrEqual((15_000 + 30_000) * 0.75);
    expect(client.stats.rateLimited).toBe(2);
  });

  it('follows Retry-After when the server sends one', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.inject(faults.retryAfterSeconds(5), { operation: 'SecretNames' });
    await client.listSecretNames();
    expect(client.stats.waitedMs).toBe(5_000);
  });

  it('throws RateLimitError with retryAfterMs when the server asks for a longer wait than the cap', async () => {
    const client = env.client();
    await client.getTenantId();
    env.sim.faults.inject(faults.retryAfterSeconds(180), { operation: 'SecretNames' });
    const error = await rejectionOf(client.listSecretNames());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 180_000, status: 429 });
  });
});
