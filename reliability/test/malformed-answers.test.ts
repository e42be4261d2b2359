// Malformed answers the fuzz turned up, one test each, through the real clients: every one must end in a typed
// error (an XError) with a readable, bounded message, never a TypeError from inside the SDK.
import { afterAll, describe, expect, it } from 'vitest';
import { XError } from '@x/core';
import { createSupabaseMgmtClient } from '@x/supabase-mgmt';
import { createCockroachCloudClient } from '@x/cockroach-cloud';
import { asProjectId, asTenantId, createHasuraCloudClient } from '@x/hasura-cloud';
import { createPrefectCloudClient } from '@x/prefect-cloud';
import { printTally, settle } from './support/tally';

/** A fetch that answers every request with the same status, headers and body. */
function answering(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return async () => new Response(body === '' ? null : body, { status, headers });
}

const base = { logLevel: 'off' as const, rateLimit: false as const, retry: { maxRetries: 0 } };
const supabase = (fetch: ReturnType<typeof answering>) => createSupabaseMgmtClient({ accessToken: 'sbp_malformed_token_01', fetch, ...base });
const cockroach = (fetch: ReturnType<typeof answering>) => createCockroachCloudClient({ apiKey: 'ccdb_malformed_key_001', fetch, ...base });
const hasura = (fetch: ReturnType<typeof answering>) => createHasuraCloudClient({ accessToken: 'hasura_malformed_token', fetch, ...base });
const prefect = (fetch: ReturnType<typeof answering>) => createPrefectCloudClient({ apiKey: 'pcu_malformed_key_0001', tenantId: 'tenant-1', fetch, ...base });

async function expectTyped(scenario: string, call: Promise<unknown>): Promise<XError> {
  const result = await settle(scenario, call);
  expect(result.ok, 'the call should fail').toBe(false);
  const error = (result as { error: unknown }).error;
  expect(error, `${(error as Error)?.name}: ${(error as Error)?.message}`).toBeInstanceOf(XError);
  expect((error as XError).message.length).toBeLessThan(2_000);
  return error as XError;
}

afterAll(() => printTally('Malformed answers'));

describe('error bodies whose errors[] holds null entries', () => {
  it('Supabase: a 400 whose body is {"errors": [null]} throws a typed error', async () => {
    await expectTyped('REST errors: [null]', supabase(answering(400, '{"errors": [null]}')).listAllProjects());
  });

  it('CockroachDB: a 500 whose body is {"errors": [null]} throws a typed error', async () => {
    await expectTyped('REST errors: [null]', cockroach(answering(500, '{"errors": [null]}')).listClusters());
  });

  it('Hasura: an HTTP 200 with {"errors": [null]} throws a typed error', async () => {
    await expectTyped('GraphQL errors: [null]', hasura(answering(200, '{"errors": [null]}')).getTenant(asTenantId('7a2d0f3b-0000-4000-8000-000000000001')));
  });

  it('Prefect: a 403 with {"errors": [null]} throws a typed error', async () => {
    await expectTyped('GraphQL errors: [null]', prefect(answering(403, '{"errors": [null]}')).getFlow('flow-1'));
  });
});

describe('GraphQL answers whose errors field is not a list', () => {
  it('Prefect: an HTTP 200 with {"errors": {}} throws a typed error', async () => {
    await expectTyped('GraphQL errors: {}', prefect(answering(200, '{"errors": {}}')).getFlow('flow-1'));
  });

  it('Hasura: an HTTP 200 with {"errors": {}} throws a typed error', async () => {
    await expectTyped('GraphQL errors: {}', hasura(answering(200, '{"errors": {}}')).getProject(asProjectId('6f1c9e2a-0000-4000-8000-000000000001')));
  });
});

describe('GraphQL answers without data', () => {
  it('Hasura: an HTTP 200 with {"data": null} throws a typed error', async () => {
    await expectTyped('GraphQL data: null', hasura(answering(200, '{"data": null}')).getProject(asProjectId('6f1c9e2a-0000-4000-8000-000000000001')));
  });

  it('Hasura: an HTTP 200 with {"errors": []} (no data) throws a typed error', async () => {
    await expectTyped('GraphQL errors: [] without data', hasura(answering(200, '{"errors": []}')).getTenant(asTenantId('7a2d0f3b-0000-4000-8000-000000000001')));
  });

  it('Prefect: an HTTP 200 with {"errors": [], "data": null} to createFlowRun throws a typed error', async () => {
    await expectTyped('GraphQL data: null', prefect(answering(200, '{"errors": [], "data": null}')).createFlowRun({ flowId: 'flow-1' }));
  });

  it('Prefect: an HTTP 200 with {"data": null} to listSecretNames throws a typed error', async () => {
    await expectTyped('GraphQL data: null', prefect(answering(200, '{"data": null}')).listSecretNames());
  });
});

describe('GraphQL answers missing the root field asked for', () => {
  it('Hasura: listEgressIps answered {"data": {}} throws a typed error', async () => {
    await expectTyped('GraphQL data without its root field', hasura(answering(200, '{"data": {}}')).listEgressIps());
  });
});

describe('answers that cannot be read at all', () => {
  it('Hasura: a 200 HTML page of 500 kB gives an error message of bounded length', async () => {
    const error = await expectTyped('GraphQL unreadable huge body', hasura(answering(200, `<html>${'x'.repeat(500_000)}</html>`, { 'content-type': 'text/html' })).listEgressIps());
    expect(error.message).toMatch(/Hasura Cloud/);
  });

  it('Prefect: a 200 body of 5,000 nested brackets gives an error message of bounded length', async () => {
    await expectTyped('GraphQL unreadable deep body', prefect(answering(200, '['.repeat(5_000), { 'content-type': 'text/html' })).listSecretNames());
  });
});
