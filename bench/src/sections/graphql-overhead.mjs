// graphql_overhead: sequential GetProject queries through @x/hasura-cloud's raw layer (the generated SDK,
// `client.raw.GetProject`) and named layer (`client.getProject`) with default options, against bare
// graphql-request and bare fetch, all on one loopback server that answers at once. Bare graphql-request runs two ways,
// with the parsed document (printed on every call) and with the document's text (`excludeOperationName`, so it
// neither prints nor parses); the baseline is whichever is faster, which is the text one, as ours sends text too.
import { parse, stripIgnoredCharacters } from 'graphql';
import { GraphQLClient } from 'graphql-request';
import { atMost, chunkedRounds, median, sectionResult } from '../lib/measure.mjs';
import { need } from '../lib/packages.mjs';
import { startServer } from '../lib/server.mjs';

const PROJECT_ID = '3f1c2b9e-8a4d-4c6e-9f10-2b7d5e8a1c34';
const TOKEN = 'bench-hasura-token-000000000000';
// Calls timed together: each round's calls in a row are timed in chunks of this many, and the figure is the median chunk.
const CHUNK = 250;
// The document as @x/hasura-cloud sends it (checked below), so every client posts the same bytes.
const QUERY = stripIgnoredCharacters(`query GetProject($projectId: uuid!) {
  projects_by_pk(id: $projectId) {
    id
    name
    endpoint
    created_at
    tenant {
      id
    }
  }
}`);
const ANSWER = { projects_by_pk: { id: PROJECT_ID, name: 'bench-project', endpoint: 'https://bench-project.hasura.app', created_at: '2024-01-01T00:00:00.000Z', tenant: { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' } } };

export async function graphqlOverhead({ quick, packages, missing }) {
  const hasura = need(packages, missing, '@x/hasura-cloud');
  const calls = quick ? 500 : 5_000;
  const rounds = quick ? 3 : 5;
  const server = await startServer('graphql', { answers: { GetProject: ANSWER } });
  try {
    const endpoint = `${server.url}/v1/graphql`;
    const ours = hasura.createHasuraCloudClient({ accessToken: TOKEN, endpoint });
    await sameDocument(hasura, endpoint);
    const bare = new GraphQLClient(endpoint, { headers: { authorization: `pat ${TOKEN}` } });
    const bareText = new GraphQLClient(endpoint, { headers: { authorization: `pat ${TOKEN}` }, excludeOperationName: true });
    const document = parse(QUERY);
    const one = {
      fetch: async () => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { authorization: `pat ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ query: QUERY, variables: { projectId: PROJECT_ID }, operationName: 'GetProject' }),
        });
        const body = await response.json();
        if (body.errors) throw new Error('fetch: errors');
        return body.data.projects_by_pk;
      },
      graphql_request_document: async () => (await bare.request(document, { projectId: PROJECT_ID })).projects_by_pk,
      graphql_request_text: async () => (await bareText.request(QUERY, { projectId: PROJECT_ID })).projects_by_pk,
      // What a careful user of bare graphql-request writes to get the per-attempt timeout ours has by default (60 s).
      graphql_request_timed: async () => {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 60_000);
        try {
          return (await bareText.request({ document: QUERY, variables: { projectId: PROJECT_ID }, signal: controller.signal })).projects_by_pk;
        } finally {
          clearTimeout(timer);
        }
      },
      ours_raw: async () => (await ours.raw.GetProject({ projectId: PROJECT_ID })).projects_by_pk,
      ours_named: () => ours.getProject(PROJECT_ID),
    };
    for (const [name, call] of Object.entries(one)) {
      const project = await call();
      if (project?.id !== PROJECT_ID) throw new Error(`${name} did not read the project back`);
    }
    await chunkedRounds(one, { calls, chunk: CHUNK, rounds: 1 });
    const { wall, cpu } = await chunkedRounds(one, { calls, chunk: CHUNK, rounds });
    const figures = {};
    for (const name of Object.keys(wall)) figures[`${name}_us_per_call`] = median(wall[name]);
    figures.graphql_request_us_per_call = Math.min(figures.graphql_request_document_us_per_call, figures.graphql_request_text_us_per_call);
    for (const name of ['ours_raw', 'ours_named', 'fetch', 'graphql_request_timed']) figures[`${name}_vs_graphql_request`] = figures[`${name}_us_per_call`] / figures.graphql_request_us_per_call;
    // Like for like: bare graphql-request with the same per-attempt timeout (no target; the target is against the bare call).
    for (const name of ['ours_raw', 'ours_named']) figures[`${name}_vs_graphql_request_timed`] = figures[`${name}_us_per_call`] / figures.graphql_request_timed_us_per_call;
    // CPU time of this process per call: the client's own work, less sensitive to a busy machine than wall time.
    for (const name of Object.keys(cpu)) figures[`${name}_cpu_us_per_call`] = median(cpu[name]);
    figures.graphql_request_cpu_us_per_call = Math.min(figures.graphql_request_document_cpu_us_per_call, figures.graphql_request_text_cpu_us_per_call);
    for (const name of ['ours_raw', 'ours_named']) figures[`${name}_cpu_vs_graphql_request`] = figures[`${name}_cpu_us_per_call`] / figures.graphql_request_cpu_us_per_call;
    return sectionResult({
      figures,
      targets: { ours_raw_vs_graphql_request: atMost(1.05), ours_named_vs_graphql_request: atMost(1.05) },
      notes: [
        'graphql_request_timed: bare graphql-request (document text) given the per-attempt timeout ours has by default (an AbortController, a 60 s timer cleared after the call); *_vs_graphql_request_timed compares like for like. No target.',
        `${calls} sequential GetProject queries per round per client, ${rounds} rounds interleaved; every ${CHUNK} calls in a row are timed on their own and the figure is the median of those chunks; bare graphql-request sends the parsed document (*_document) and its text (*_text); graphql_request_* is the faster of the two; the server runs in its own process.`,
      ],
    });
  } finally {
    await server.close();
  }
}

/** Fails the section unless our client posts exactly the text the baselines are given. */
async function sameDocument(hasura, endpoint) {
  let sent;
  const capture = hasura.createHasuraCloudClient({
    accessToken: TOKEN,
    endpoint,
    fetch: (url, init) => {
      sent = JSON.parse(String(init.body)).query;
      return fetch(url, init);
    },
  });
  await capture.getProject(PROJECT_ID);
  if (sent !== QUERY) throw new Error(`@x/hasura-cloud sends GetProject as ${JSON.stringify(sent)}, not the text the baselines send (${JSON.stringify(QUERY)}): update QUERY.`);
}

