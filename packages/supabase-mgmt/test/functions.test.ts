import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, ValidationError } from '../src';
import { rejection, simulated, useMsw } from './helpers';

useMsw();

function withProject() {
  const setup = simulated();
  const project = setup.sim.state.addProject({ name: 'fns', organization_slug: 'acme' });
  return { ...setup, ref: project.ref };
}

const HELLO = 'Deno.serve(() => new Response("hello"));\n';

describe('edge functions', () => {
  it('deploys from files (multipart), then lists, gets, downloads the body as bytes and deletes', async () => {
    const { client, ref, sim } = withProject();
    const deployed = await client.deployFunction({
      ref,
      files: [
        { name: 'index.ts', content: HELLO, type: 'application/typescript' },
        { name: 'deno.json', content: new TextEncoder().encode('{"imports":{}}') },
      ],
      metadata: { name: 'hello', entrypoint_path: 'index.ts', verify_jwt: false },
    });
    expect(deployed).toMatchObject({ slug: 'hello', name: 'hello', status: 'ACTIVE', version: 1, verify_jwt: false, entrypoint_path: 'index.ts' });
    expect(sim.state.deployments).toEqual([
      {
        ref,
        slug: 'hello',
        metadata: { name: 'hello', entrypoint_path: 'index.ts', verify_jwt: false },
        files: [
          { field: 'file', name: 'index.ts', type: 'application/typescript', content: HELLO },
          { field: 'file', name: 'deno.json', type: 'application/octet-stream', content: '{"imports":{}}' },
        ],
      },
    ]);

    expect((await client.listAllFunctions({ ref })).map((fn) => fn.slug)).toEqual(['hello']);
    expect(await client.getAFunction({ ref, function_slug: 'hello' })).toMatchObject({ slug: 'hello', version: 1 });
    const body = await client.getAFunctionBody({ ref, function_slug: 'hello' });
    expect(body).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(body)).toBe(HELLO);

    const again = await client.deployFunction({ ref, slug: 'hello', files: [{ name: 'index.ts', content: HELLO }], metadata: { entrypoint_path: 'index.ts' } });
    expect(again.version).toBe(2);

    await client.deleteAFunction({ ref, function_slug: 'hello' });
    expect(await rejection(client.getAFunction({ ref, function_slug: 'hello' }))).toBeInstanceOf(NotFoundError);
  });

  it('creates from an eszip bundle and from JSON, and updates with a new bundle', async () => {
    const { client, ref } = withProject();
    const eszip = new Uint8Array([0x45, 0x53, 0x5a, 0x49, 0x50, 0x32, 0, 255]);
    const created = await client.createAFunction({ ref, slug: 'bundled', name: 'Bundled', body: eszip });
    expect(created).toMatchObject({ slug: 'bundled', name: 'Bundled', version: 1 });
    expect(await client.getAFunctionBody({ ref, function_slug: 'bundled' })).toEqual(eszip);

    const fromJson = await client.createAFunction({ ref, body: { slug: 'plain', name: 'Plain', body: HELLO } });
    expect(fromJson.slug).toBe('plain');

    const next = new Uint8Array([1, 2, 3]);
    const updated = await client.updateAFunction({ ref, function_slug: 'bundled', body: next });
    expect(updated.version).toBe(2);
    expect(await client.getAFunctionBody({ ref, function_slug: 'bundled' })).toEqual(next);
  });

  it('reads a function through the raw layer', async () => {
    const { client, ref } = withProject();
    await client.deployFunction({ ref, files: [{ name: 'index.ts', content: HELLO }], metadata: { name: 'raw', entrypoint_path: 'index.ts' } });
    const { data, response } = await client.raw.GET('/v1/projects/{ref}/functions/{function_slug}', { params: { path: { ref, function_slug: 'raw' } } });
    expect(response.status).toBe(200);
    expect(data?.slug).toBe('raw');
  });

  it('refuses a deploy without files or with a bad slug before sending anything', async () => {
    const { client, ref, sim } = withProject();
    const before = sim.calls.length;
    const empty = await rejection(client.deployFunction({ ref, files: [], metadata: { name: 'x', entrypoint_path: 'index.ts' } }));
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.message).toContain('files is empty');
    const badSlug = await rejection(client.deployFunction({ ref, slug: '1-bad', files: [{ name: 'index.ts', content: HELLO }], metadata: { entrypoint_path: 'index.ts' } }));
    expect(badSlug).toBeInstanceOf(ValidationError);
    expect(badSlug.message).toContain('"1-bad"');
    expect(sim.calls.length).toBe(before);
  });

  it('refuses to create a function that exists with a BadRequestError', async () => {
    const { client, ref } = withProject();
    await client.createAFunction({ ref, body: { slug: 'dup', name: 'dup', body: HELLO } });
    const error = await rejection(client.createAFunction({ ref, body: { slug: 'dup', name: 'dup', body: HELLO } }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toContain('already exists');
  });
});
