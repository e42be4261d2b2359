// The schema must accept what public tools send today (argument nullability included: a `[T]` variable cannot go
// where the schema says `[T!]`), and the simulator must answer it. Documents written in the shapes those tools use.
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createHasuraSimulator, HASURA_CLOUD_SDL } from '../src/testing';

const schema = buildSchema(HASURA_CLOUD_SDL);

const documents: Record<string, string> = {
  'create a project, env vars inline (API reference)': `mutation createProject { createTenant(cloud: "aws", region: "us-east-2", envs: [{ key: "HASURA_GRAPHQL_CORS_DOMAIN", value: "*" }]) { id name } }`,
  'create with declared variables (preview-app action style)': `mutation ($cloud: String!, $region: String!, $plan: String!, $name: String, $env: [UpdateEnvsObject]) { createTenant(cloud: $cloud, region: $region, plan: $plan, name: $name, envs: $env) { id name tenant { id slug config { hash } project { id name endpoint } health_status status { has_inconsistent_metadata is_active message updated_at } tenant_public_status { endpoint is_active message } active active_status_reason } } }`,
  'create with a database URL (older provider)': `mutation ($cloud: String!, $region: String!, $databaseUrl: String!) { createTenant(cloud: $cloud, region: $region, databaseUrl: $databaseUrl) { id } }`,
  'project tenant id': `query getProjectTenantId { projects_by_pk(id: "7a79cf94-0e53-4520-a560-1b02bf522f08") { id tenant { id } } }`,
  'project aliased': `query ($id: uuid!) { project: projects_by_pk(id: $id) { id name endpoint tenant { id } } }`,
  'projects with tenants (secret managers)': `query { projects { id name tenant { id } } }`,
  'project by name': `query ($name: String!) { projects(where: { name: { _eq: $name } }) { id tenant { id } } }`,
  'tenant details': `query getTenantDetails { tenant_by_pk(id: "7a79cf94-0e53-4520-a560-1b02bf522f08") { id slug project { id endpoint } } }`,
  'tenant by slug': `query ($slug: String!) { tenant(where: { slug: { _eq: $slug } }) { id } }`,
  'tenant by project name': `query ($name: String!) { tenant(where: { project: { name: { _eq: $name } } }, limit: 1) { id slug region cloud custom_domains { id fqdn } project { id name endpoint } } }`,
  'delete a tenant': `mutation deleteTenant { deleteTenant(tenantId: "7a79cf94-0e53-4520-a560-1b02bf522f08") { status } }`,
  'rename a tenant': `mutation ($tenantId: uuid!, $name: String!) { updateTenantName(tenantId: $tenantId, name: $name) { tenant { id } } }`,
  'read env vars': `query getTenantENV { getTenantEnv(tenantId: "7a79cf94-0e53-4520-a560-1b02bf522f08") { hash envVars } }`,
  'update env vars inline': `mutation updateTenantEnv { updateTenantEnv(tenantId: "7a79cf94-0e53-4520-a560-1b02bf522f08", currentHash: "6902a395d70072fbf8d36288f0eacc36c9d82e68", envs: [{ key: "HASURA_GRAPHQL_ENABLE_CONSOLE", value: "true" }]) { hash envVars } }`,
  'update env vars with variables': `mutation ($tenantId: uuid!, $currentHash: String!, $envs: [UpdateEnvObject!]!) { updateTenantEnv(tenantId: $tenantId, currentHash: $currentHash, envs: $envs) { hash envVars } }`,
  'delete env vars': `mutation ($tenantId: uuid!, $currentHash: String!, $deleteEnvs: [String!]!) { deleteTenantEnv(tenantId: $tenantId, currentHash: $currentHash, deleteEnvs: $deleteEnvs) { hash envVars } }`,
  'preview app inline': `mutation createGitHubPreviewApp { createGitHubPreviewApp(payload: { githubPersonalAccessToken: "ghp_x", githubRepoDetails: { branch: "main", owner: "my-org", repo: "my-repo", directory: "backend/hasura" }, projectOptions: { cloud: "aws", region: "us-east-2", plan: "cloud_free", name: "my-app-name", envVars: [{ key: "MY_ENV_VAR_1", value: "my value 1" }] } }) { githubPreviewAppJobID } }`,
  'preview app with variables': `mutation ($githubPersonalAccessToken: String!, $githubRepoOwner: String!, $githubRepoName: String!, $githubBranchName: String!, $githubDir: String!, $region: String!, $cloud: String!, $plan: String!, $name: String!, $env: [UpdateEnvsObject]) { createGitHubPreviewApp(payload: { githubPersonalAccessToken: $githubPersonalAccessToken, githubRepoDetails: { branch: $githubBranchName, owner: $githubRepoOwner, repo: $githubRepoName, directory: $githubDir }, projectOptions: { cloud: $cloud, region: $region, plan: $plan, name: $name, envVars: $env } }) { githubPreviewAppJobID } }`,
  'job status (API reference)': `query getPreviewAppCreationStatus($jobId: uuid!) { jobs_by_pk(id: $jobId) { id status tasks { id name task_events { id event_type public_event_data error } } } }`,
  'job status, ordered and limited': `query ($jobId: uuid!) { jobs_by_pk(id: $jobId) { id status tasks(order_by: { updated_at: asc }) { id name cloud region task_events(order_by: { created_at: desc }, limit: 1) { id event_type public_event_data error github_detail } } } }`,
  'egress IPs': `query { region(where: { is_active: { _eq: true }, nat_ip: { _is_null: false } }) { nat_ip } }`,
  'add a custom domain': `mutation ($fqdn: String, $tenantId: uuid) { insert_custom_domain_one(object: { fqdn: $fqdn, tenant_id: $tenantId }) { id created_at dns_validation fqdn cert } }`,
  'custom domain': `query ($id: uuid!) { custom_domain_by_pk(id: $id) { fqdn } }`,
  'rename a project': `mutation ($id: uuid!, $name: String) { update_projects_by_pk(pk_columns: { id: $id }, _set: { name: $name }) { id name endpoint } }`,
  'config rollout (console)': `query ($tenantId: uuid!) { config_status(where: { tenant_id: { _eq: $tenantId }, is_active: { _eq: true }, worker_state: { _eq: "live" } }) { hash message } }`,
  'latest projects': `query { projects(order_by: { created_at: desc }, limit: 1) { id name created_at } }`,
};

describe('the schema', () => {
  it.each(Object.entries(documents))('accepts %s', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });

  it('rejects a nullable-item list where the argument requires non-null items', () => {
    const document = `mutation ($tenantId: uuid!, $currentHash: String!, $envs: [UpdateEnvObject]!) { updateTenantEnv(tenantId: $tenantId, currentHash: $currentHash, envs: $envs) { hash } }`;
    expect(validate(schema, parse(document))).not.toHaveLength(0);
  });

  it('is answered by the simulator for every one of those reads', async () => {
    const sim = createHasuraSimulator();
    const { tenantId, projectId } = sim.state.addProject({ name: 'my-app' });
    const variables = { id: projectId, tenantId, name: 'my-app', slug: 'my-app', jobId: '00000000-0000-4000-8000-000000000999' };
    for (const [name, document] of Object.entries(documents).filter(([, d]) => d.startsWith('query'))) {
      const handler = sim.handlers[0]!;
      const request = new Request(sim.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `pat ${sim.token}` }, body: JSON.stringify({ query: document, variables }) });
      const result = await handler.run({ request, requestId: name });
      const body = (await result!.response!.json()) as { errors?: Array<{ message: string }> };
      // The literal ids of the API reference's examples simply do not exist here; nothing else may fail.
      expect({ name, errors: (body.errors ?? []).filter((e) => !/not found|not-exists/.test(e.message)) }).toEqual({ name, errors: [] });
    }
  });
});
