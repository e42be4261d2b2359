// Downloads a provider's description: an OpenAPI document as published, or a GraphQL schema by introspection
// printed as SDL. Errors name the URL and status, never the token.
import { buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';

const TIMEOUT_MS = 60_000;

/**
 * @param {string} url
 * @param {RequestInit} init
 */
async function request(url, init) {
  let response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new Error(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}: ${text.slice(0, 300)}`);
  return text;
}

/**
 * The OpenAPI document exactly as served (JSON or YAML text).
 * @param {string} url
 * @param {string | undefined} token sent as a bearer token when given; the published specs need none
 */
export function fetchOpenAPI(url, token) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json, application/yaml;q=0.9, */*;q=0.8' };
  if (token) headers.authorization = `Bearer ${token}`;
  return request(url, { headers });
}

/**
 * The schema behind a GraphQL endpoint, as SDL.
 * @param {string} url
 * @param {string} authorization the full Authorization header value
 */
export async function fetchGraphQLSchema(url, authorization) {
  const text = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
    body: JSON.stringify({ query: getIntrospectionQuery({ descriptions: true }) }),
  });
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url} did not answer the introspection query with JSON: ${text.slice(0, 200)}`);
  }
  if (body.errors?.length) throw new Error(`${url} refused introspection: ${body.errors.map((/** @type {any} */ e) => e.message).join('; ')}`);
  if (!body.data?.__schema) throw new Error(`${url} answered without data.__schema; is it a GraphQL endpoint?`);
  return `${printSchema(buildClientSchema(body.data))}\n`;
}
