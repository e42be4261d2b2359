import { waitFor } from '@x/core';

declare function getProject(ref: string, signal?: AbortSignal): Promise<{ status: string }>;

const project = await waitFor({
  check: (signal) => getProject('abcdefghijklmnopqrst', signal),
  until: (p) => p.status === 'ACTIVE_HEALTHY',
  failed: (p) => (p.status === 'INIT_FAILED' ? 'the project failed to start' : undefined),
  intervalMs: 2_000, // then x1.5 per poll, up to 30 s
  timeoutMs: 10 * 60_000,
  onProgress: (p, { attempt, elapsedMs }) => console.log(`#${attempt} after ${elapsedMs} ms: ${p.status}`),
  description: 'project abcdefghijklmnopqrst to become ACTIVE_HEALTHY',
});
console.log(project.status);
