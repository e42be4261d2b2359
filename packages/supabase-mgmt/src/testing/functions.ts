import type { components } from '../generated/schema';
import { empty, fail, projectOr404, readJson, reply, type RouteContext, type RouteDefinition } from './routes';
import type { SimFunction } from './state';

type Schemas = components['schemas'];
type FunctionInfo = Schemas['FunctionResponse'];

const ESZIP = 'application/vnd.denoland.eszip';
const SLUG = /^[A-Za-z][A-Za-z0-9_-]*$/;

function functionsOf(context: RouteContext): Map<string, SimFunction> | Response {
  const project = projectOr404(context);
  if (project instanceof Response) return project;
  const functions = context.state.functions.get(project.ref) ?? new Map<string, SimFunction>();
  context.state.functions.set(project.ref, functions);
  return functions;
}

function upsert(context: RouteContext, functions: Map<string, SimFunction>, slug: string, changes: Partial<FunctionInfo>, bundle: Uint8Array | undefined): SimFunction {
  const now = context.state.clock.now();
  const existing = functions.get(slug);
  const info: FunctionInfo = existing
    ? { ...existing.info, ...changes, slug, version: existing.info.version + 1, updated_at: now }
    : { id: context.state.ids.uuid(), slug, name: slug, status: 'ACTIVE', version: 1, created_at: now, updated_at: now, verify_jwt: true, import_map: false, entrypoint_path: 'index.ts', ...changes };
  const fn: SimFunction = { info, bundle: bundle ?? existing?.bundle ?? new Uint8Array() };
  functions.set(slug, fn);
  return fn;
}

/** Query flags of create/update, as typed values. */
function flags(url: URL): Partial<FunctionInfo> {
  const out: Partial<FunctionInfo> = {};
  const name = url.searchParams.get('name');
  if (name) out.name = name;
  for (const key of ['verify_jwt', 'import_map'] as const) {
    const value = url.searchParams.get(key);
    if (value !== null) out[key] = value === 'true';
  }
  for (const key of ['entrypoint_path', 'import_map_path', 'ezbr_sha256'] as const) {
    const value = url.searchParams.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}

/** A JSON body or an eszip bundle, by content type. */
async function readFunctionBody(request: Request): Promise<{ json?: Schemas['V1CreateFunctionBody'] & Schemas['V1UpdateFunctionBody']; eszip?: Uint8Array } | Response> {
  const type = request.headers.get('content-type') ?? '';
  if (type.startsWith(ESZIP)) {
    const eszip = new Uint8Array(await request.arrayBuffer());
    return eszip.length ? { eszip } : fail(400, 'The eszip bundle is empty');
  }
  if (!type.startsWith('application/json')) return fail(415, `Unsupported content type ${type || '(none)'}: send application/json or ${ESZIP}`);
  const json = await readJson<Schemas['V1CreateFunctionBody']>(request);
  return json ? { json } : fail(400, 'The body must be JSON');
}

async function deploy(context: RouteContext): Promise<Response> {
  const functions = functionsOf(context);
  if (functions instanceof Response) return functions;
  const type = context.request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return fail(415, 'Deploy takes multipart/form-data: a metadata field and file parts');
  const form = await context.request.formData();
  const metadataField = form.get('metadata');
  if (typeof metadataField !== 'string') return fail(400, 'The metadata field is missing (it must be a plain form field holding JSON)');
  let metadata: Schemas['FunctionDeployBody']['metadata'];
  try {
    metadata = JSON.parse(metadataField) as typeof metadata;
  } catch {
    return fail(400, 'The metadata field is not valid JSON');
  }
  if (!metadata?.entrypoint_path) return fail(400, 'metadata.entrypoint_path is required');
  const slug = context.url.searchParams.get('slug') ?? metadata.name;
  if (!slug || !SLUG.test(slug)) return fail(400, `Invalid function slug ${JSON.stringify(slug)}`);
  const files: Array<{ field: string; name: string; type: string; content: string }> = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ field, name: value.name, type: value.type, content: await value.text() });
  }
  context.state.deployments.push({ ref: context.params.ref!, slug, metadata, files });
  const entry = files.find((file) => file.name === metadata.entrypoint_path) ?? files[0];
  const fn = upsert(
    context,
    functions,
    slug,
    {
      name: metadata.name ?? functions.get(slug)?.info.name ?? slug,
      entrypoint_path: metadata.entrypoint_path,
      ...(metadata.import_map_path !== undefined && { import_map_path: metadata.import_map_path, import_map: true }),
      ...(metadata.verify_jwt !== undefined && { verify_jwt: metadata.verify_jwt }),
    },
    entry ? new TextEncoder().encode(entry.content) : undefined,
  );
  return reply<Schemas['DeployFunctionResponse']>(fn.info, 201);
}

function one(context: RouteContext): SimFunction | Response {
  const functions = functionsOf(context);
  if (functions instanceof Response) return functions;
  return functions.get(context.params.function_slug!) ?? fail(404, `Function ${context.params.function_slug} not found`);
}

/** Edge functions: list, create (JSON or eszip), deploy (multipart), get, body (bytes), update, delete. */
export function functionRoutes(): RouteDefinition[] {
  return [
    {
      method: 'GET',
      path: '/v1/projects/{ref}/functions',
      resolve: (context) => {
        const functions = functionsOf(context);
        return functions instanceof Response ? functions : reply<FunctionInfo[]>([...functions.values()].map((fn) => fn.info));
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/{ref}/functions',
      resolve: async (context) => {
        const functions = functionsOf(context);
        if (functions instanceof Response) return functions;
        const body = await readFunctionBody(context.request);
        if (body instanceof Response) return body;
        const slug = body.json?.slug ?? context.url.searchParams.get('slug');
        if (!slug || !SLUG.test(slug)) return fail(400, `Invalid function slug ${JSON.stringify(slug)}`);
        if (functions.has(slug)) return fail(400, `Function ${slug} already exists; update or deploy it instead`);
        const fn = upsert(context, functions, slug, { ...flags(context.url), ...(body.json && { name: body.json.name, verify_jwt: body.json.verify_jwt ?? true }) }, body.eszip ?? new TextEncoder().encode(body.json?.body ?? ''));
        return reply<FunctionInfo>(fn.info, 201);
      },
    },
    { method: 'POST', path: '/v1/projects/{ref}/functions/deploy', resolve: deploy },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/functions/{function_slug}',
      resolve: (context) => {
        const fn = one(context);
        return fn instanceof Response ? fn : reply<Schemas['FunctionSlugResponse']>(fn.info);
      },
    },
    {
      method: 'GET',
      path: '/v1/projects/{ref}/functions/{function_slug}/body',
      resolve: (context) => {
        const fn = one(context);
        return fn instanceof Response ? fn : new Response(fn.bundle.slice(), { status: 200, headers: { 'content-type': 'application/octet-stream' } });
      },
    },
    {
      method: 'PATCH',
      path: '/v1/projects/{ref}/functions/{function_slug}',
      resolve: async (context) => {
        const fn = one(context);
        if (fn instanceof Response) return fn;
        const body = await readFunctionBody(context.request);
        if (body instanceof Response) return body;
        const functions = context.state.functions.get(context.params.ref!)!;
        const updated = upsert(context, functions, fn.info.slug, { ...flags(context.url), ...(body.json?.name && { name: body.json.name }), ...(body.json?.verify_jwt !== undefined && { verify_jwt: body.json.verify_jwt }) }, body.eszip ?? (body.json?.body !== undefined ? new TextEncoder().encode(body.json.body) : undefined));
        return reply<FunctionInfo>(updated.info);
      },
    },
    {
      method: 'DELETE',
      path: '/v1/projects/{ref}/functions/{function_slug}',
      resolve: (context) => {
        const fn = one(context);
        if (fn instanceof Response) return fn;
        context.state.functions.get(context.params.ref!)!.delete(fn.info.slug);
        return empty(200);
      },
    },
  ];
}
