import { requestOptionsHeaders } from '@x/core';
import type { Transport } from '@x/core';

declare const transport: Transport;

// Options for one logical request travel in a header the transport reads and strips before sending.
const controller = new AbortController();
const response = await transport.fetch('https://api.supabase.com/v1/projects', {
  method: 'POST',
  body: JSON.stringify({ name: 'shop', region: 'eu-west-1' }),
  signal: controller.signal,
  headers: requestOptionsHeaders({
    operation: 'createProject',
    idempotencyKey: 'create-shop-2026-01-01', // makes the POST safe to retry, where the provider honours it
    retry: { maxRetries: 4 },
    timeoutMs: 10_000,
    deadlineMs: 30_000,
  }),
});
console.log(response.status);
