// Where each provider publishes its API description, and how to authenticate when it is not public.

/**
 * @typedef {{ name: string, kind: 'openapi', url: string, schema: string, ignoreHeaders: string[] }} OpenAPIProvider
 * @typedef {{ name: string, kind: 'graphql', url: string, schema: string, tokenEnv: string, authScheme: string }} GraphQLProvider
 * @typedef {OpenAPIProvider | GraphQLProvider} Provider
 */

/** @type {Record<string, Provider>} */
export const providers = {
  supabase: {
    name: 'supabase',
    kind: 'openapi',
    url: 'https://api.supabase.com/api/v1-json',
    schema: 'schemas/supabase-mgmt.openapi.yaml',
    ignoreHeaders: [],
  },
  cockroach: {
    name: 'cockroach',
    kind: 'openapi',
    url: 'https://cockroachlabs.cloud/assets/docs/api/latest/openapi.json',
    schema: 'schemas/cockroach-cloud.openapi.yaml',
    // The project declares the version header on every operation; the published description does not.
    ignoreHeaders: ['cc-version'],
  },
  // Neither GraphQL provider publishes SDL: the schema is read by introspection, which needs a real token.
  hasura: {
    name: 'hasura',
    kind: 'graphql',
    url: 'https://data.pro.hasura.io/v1/graphql',
    schema: 'schemas/hasura-cloud.graphql',
    tokenEnv: 'HASURA_CLOUD_ACCESS_TOKEN',
    // Hasura Cloud personal access tokens use their own scheme word, not "Bearer".
    authScheme: 'pat',
  },
  prefect: {
    name: 'prefect',
    kind: 'graphql',
    url: 'https://api.prefect.io',
    schema: 'schemas/prefect-cloud.graphql',
    tokenEnv: 'PREFECT__CLOUD__API_KEY',
    authScheme: 'Bearer',
  },
};
