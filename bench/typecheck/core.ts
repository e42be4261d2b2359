// One request through the core transport, read through the Paginator the clients build on.
import { createTransport, paginateToken } from '@x/core';

export async function main(): Promise<number> {
  const transport = createTransport({ provider: { name: 'example' }, auth: { token: 'token' } });
  const pages = paginateToken<{ id: string }>(async (token) => {
    const response = await transport.fetch(`https://api.example.com/items${token ? `?cursor=${token}` : ''}`);
    return (await response.json()) as { items: Array<{ id: string }>; next?: string };
  });
  let count = 0;
  for await (const item of pages) count += item.id.length;
  return count;
}
