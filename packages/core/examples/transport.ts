import createClient from 'openapi-fetch';
import { createTransport } from '@x/core';

// One transport per client: auth, retries, rate limiting, timeouts and logging live here.
const transport = createTransport({
  provider: { name: 'supabase', displayName: 'Supabase', tokenEnv: 'SUPABASE_ACCESS_TOKEN', resetKind: 'seconds' },
  auth: { token: () => process.env.SUPABASE_ACCESS_TOKEN ?? '' },
  headers: { 'x-app': 'inventory-sync' },
  rateLimit: { rule: { limit: 120, windowMs: 60_000 } },
  deadlineMs: 120_000,
});

// Hand its fetch to the generated layer; retries run underneath any openapi-fetch middleware.
const client = createClient({ baseUrl: 'https://api.supabase.com', fetch: transport.fetch });

const response = await transport.fetch('https://api.supabase.com/v1/projects');
if (!response.ok) throw await transport.errorFromResponse(response, { operation: 'listProjects' });
console.log(await response.json(), client, transport.stats);
