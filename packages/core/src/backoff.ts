/** Exponential backoff: `base * 2^retry`, capped, with up to `jitter` of it taken off at random. */
export function backoffMs(retry: number, policy: { baseDelayMs: number; maxDelayMs: number; jitter: number }, random: () => number = Math.random): number {
  const raw = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxDelayMs);
  return Math.round(raw * (1 - random() * policy.jitter));
}
