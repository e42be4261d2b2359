import { createTransport } from '@x/core';
import { createFaultyFetch, faults, VirtualClock } from '@x/core/testing';

// A 429 with Retry-After, then a 503 burst: the client waits it out on a virtual clock, instantly.
const clock = new VirtualClock({ auto: true });
const faulty = createFaultyFetch([faults.retryAfterSeconds(5), faults.serverError(503)], { clock, fallback: faults.json(200, { ok: true }) });
const transport = createTransport({ provider: { name: 'test' }, auth: { token: 'test-token' }, fetch: faulty.fetch, clock });

const response = await transport.fetch('https://api.example.test/v1/projects');
console.log(response.status, faulty.calls.length, clock.elapsed); // 200, 3, a little over 5 000 ms of virtual time
clock.stop();
