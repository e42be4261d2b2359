import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createCockroachCloudClient } from '../src/index';

describe('a client made before msw starts', () => {
  const server = setupServer();
  afterEach(() => server.close());

  it('still sends the JSON content type and the body of a create', async () => {
    const client = createCockroachCloudClient({ apiKey: 'late-start-key-123456', baseUrl: 'https://cockroach.test' });
    let seen: { type: string | null; body: unknown } | undefined;
    server.use(
      http.post('https://cockroach.test/api/v1/clusters/:id/sql-users', async ({ request }) => {
        seen = { type: request.headers.get('content-type'), body: await request.json() };
        return HttpResponse.json({ name: 'app' });
      }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    await client.createSQLUser({ cluster_id: 'c1', body: { name: 'app', password: 'a-long-password-1' } });
    expect(seen?.type).toContain('application/json');
    expect(seen?.body).toEqual({ name: 'app', password: 'a-long-password-1' });
  });
});
