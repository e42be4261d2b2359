import type { components } from '../generated/schema';
import { empty, fail, projectOr404, readJson, reply, type RouteContext, type RouteDefinition } from './routes';

type Schemas = components['schemas'];
type ApiKey = Schemas['ApiKeyResponse'];

/** Secret keys are shown in full only with `reveal=true`, as the API does. */
function shown(key: ApiKey, url: URL): ApiKey {
  if (key.type !== 'secret' || url.searchParams.get('reveal') === 'true') return { ...key };
  return { ...key, api_key: `${key.prefix ?? ''}${'·'.repeat(8)}` };
}

function keysOf(context: RouteContext): ApiKey[] | Response {
  const project = projectOr404(context);
  return project instanceof Response ? project : (context.state.apiKeys.get(project.ref) ?? []);
}

function keyOf(context: RouteContext): { keys: ApiKey[]; index: number } | Response {
  const keys = keysOf(context);
  if (keys instanceof Response) return keys;
  const index = keys.findIndex((key) => key.id === context.params.id);
  return index < 0 ? fail(404, `API key ${context.params.id} not found`) : { keys, index };
}

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** API keys (legacy, publishable, secret) and edge-function secrets (bulk create, list as digests, bulk delete). */
export function keyAndSecretRoutes(): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/v1/projects/{ref}/api-keys',
      resolve: (context) => {
        const keys = keysOf(context);
        return keys instanceof Response ? keys : reply<ApiKey[]>(keys.map((key) => shown(key, context.url)));
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/api-keys',
      resolve: async (context) => {
        const keys = keysOf(context);
        if (keys instanceof Response) return keys;
        const body = await readJson<Schemas['CreateApiKeyBody']>(context.request);
        if (!body?.name || (body.type !== 'publishable' && body.type !== 'secret')) return fail(400, 'name and type (publishable or secret) are required');
        if (keys.some((key) => key.name === body.name)) return fail(409, `An API key named ${body.name} already exists`);
        const stamp = context.state.iso();
        const prefix = `sb_${body.type}_`;
        const key: ApiKey = { id: context.state.ids.uuid(), type: body.type, prefix, name: body.name, description: body.description ?? null, api_key: `${prefix}${context.state.ids.ref(32)}`, secret_jwt_template: body.secret_jwt_template ?? null, inserted_at: stamp, updated_at: stamp };
        keys.push(key);
        return reply<ApiKey>(shown(key, context.url), 201);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/api-keys/legacy',
      resolve: (context) => {
        const project = projectOr404(context);
        return project instanceof Response ? project : reply<Schemas['LegacyApiKeysResponse']>({ enabled: true });
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/api-keys/{id}',
      resolve: (context) => {
        const found = keyOf(context);
        return found instanceof Response ? found : reply<ApiKey>(shown(found.keys[found.index]!, context.url));
      },
    },
    {
      method: 'PATCH',
      path: '/v1/projects/{ref}/api-keys/{id}',
      resolve: async (context) => {
        const found = keyOf(context);
        if (found instanceof Response) return found;
        const body = await readJson<Schemas['UpdateApiKeyBody']>(context.request);
        if (!body) return fail(400, 'The body must be JSON');
        const key = found.keys[found.index]!;
        Object.assign(key, { ...body, updated_at: context.state.iso() });
        return reply<ApiKey>(shown(key, context.url));
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{ref}/api-keys/{id}',
      resolve: (context) => {
        const found = keyOf(context);
        if (found instanceof Response) return found;
        const [key] = found.keys.splice(found.index, 1);
        return reply<ApiKey>(shown(key!, context.url));
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/secrets',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const secrets = [...(context.state.secrets.get(project.ref) ?? new Map()).entries()].sort(([a], [b]) => a.localeCompare(b));
        // The API never returns a secret's value, only its SHA-256 digest.
        return reply<Schemas['SecretResponse'][]>(await Promise.all(secrets.map(async ([name, secret]) => ({ name, value: await sha256(secret.value), updated_at: secret.updated_at }))));
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/secrets',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const body = await readJson<Schemas['CreateSecretBody']>(context.request);
        if (!Array.isArray(body) || body.some((secret) => typeof secret?.name !== 'string' || typeof secret.value !== 'string')) return fail(400, 'The body must be an array of { name, value }');
        const reserved = body.find((secret) => /^SUPABASE_/i.test(secret.name));
        if (reserved) return fail(400, `Secret name ${reserved.name} is reserved: names starting with SUPABASE_ are set by the platform`);
        const secrets = context.state.secrets.get(project.ref) ?? new Map();
        context.state.secrets.set(project.ref, secrets);
        for (const secret of body) secrets.set(secret.name, { value: secret.value, updated_at: context.state.iso() });
        return empty(201);
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{ref}/secrets',
      resolve: async (context) => {
        const project = projectOr404(context);
        if (project instanceof Response) return project;
        const body = await readJson<Schemas['DeleteSecretsBody']>(context.request);
        if (!Array.isArray(body)) return fail(400, 'The body must be an array of secret names');
        const secrets = context.state.secrets.get(project.ref);
        for (const name of body) secrets?.delete(name);
        return empty(200);
      },
    },
  ];
}
