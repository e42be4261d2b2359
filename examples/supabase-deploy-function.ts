// Deploy an edge function from source files: deployFunction sends one multipart request (the metadata and a part
// per file), and the function is live when it returns.
import { connect } from './supabase-client';

const INDEX_TS = `import { greet } from './greet.ts';

Deno.serve(async (request) => {
  const { name } = await request.json();
  return Response.json({ message: greet(name) });
});
`;

export async function main(): Promise<number> {
  const { client, projectRef, close } = connect();
  try {
    const ref = await projectRef();
    const deployed = await client.deployFunction({
      ref,
      slug: 'hello-world',
      files: [
        { name: 'index.ts', content: INDEX_TS, type: 'application/typescript' },
        { name: 'greet.ts', content: 'export const greet = (name: string) => `Hello, ${name}!`;\n', type: 'application/typescript' },
      ],
      metadata: { name: 'hello-world', entrypoint_path: 'index.ts', verify_jwt: true },
    });
    console.log(`deployed ${deployed.slug} version ${deployed.version}: ${deployed.status}`);

    const functions = await client.listAllFunctions({ ref });
    console.log(`${functions.length} function(s): ${functions.map((fn) => fn.slug).join(', ')}`);
    return deployed.version;
  } finally {
    close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
