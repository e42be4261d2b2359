import { getResponse, type RequestHandler } from 'msw';

/** A running HTTP server that answers with msw handlers. */
export interface ServedHandlers {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves msw handlers over HTTP on localhost, so tools in any language (or curl) can use a simulator. Requests no
 * handler matches get a JSON 404. Node only (the import is dynamic so the rest of the module stays portable).
 */
export async function serveHandlers(handlers: RequestHandler[], options: { port?: number; host?: string } = {}): Promise<ServedHandlers> {
  const http = await import('node:http');
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(async (incoming, outgoing) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of incoming) chunks.push(chunk as Buffer);
      const body = chunks.length && !['GET', 'HEAD'].includes(incoming.method ?? 'GET') ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://${incoming.headers.host ?? host}${incoming.url}`, { method: incoming.method, headers, body });
      const response = (await getResponse(handlers, request)) ?? Response.json({ message: `No route for ${incoming.method} ${incoming.url}` }, { status: 404 });
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500, { 'content-type': 'application/json' });
      outgoing.end(JSON.stringify({ message: error instanceof Error ? error.message : 'simulator error' }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 0;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
