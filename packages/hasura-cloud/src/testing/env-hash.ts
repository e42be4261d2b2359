/**
 * The simulator's config hash: a 40-hex digest of the env vars in canonical form (keys sorted), so equal env vars
 * always give equal hashes and any change gives a new one. Portable (no node:crypto), not cryptographic.
 */
export function envHash(environment: Record<string, unknown>): string {
  const text = canonical(environment);
  let out = '';
  for (let round = 0; round < 5; round++) {
    // FNV-1a, 32 bits, seeded per round.
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
