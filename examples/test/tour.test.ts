import { describe, expect, it } from 'vitest';
import { main } from '../tour';

describe('the tour behind pnpm demo', () => {
  it('runs all four SDKs against the simulators and reports each provider without a failure', async () => {
    for (const name of ['SUPABASE_ACCESS_TOKEN', 'COCKROACH_API_KEY', 'HASURA_CLOUD_ACCESS_TOKEN', 'PREFECT__CLOUD__API_KEY']) delete process.env[name];
    const reports = await main([]);
    expect(reports.map((r) => r.provider)).toEqual(['Supabase Management API', 'CockroachDB Cloud API', 'Hasura Cloud API', 'Prefect Cloud API']);
    for (const report of reports) {
      expect(report.mode).toBe('simulator');
      expect(report.steps.join('\n')).not.toContain('FAILED');
      expect(report.stats.requests).toBeGreaterThan(0);
    }
    const supabase = reports[0]!;
    expect(supabase.stats.rateLimited).toBeGreaterThanOrEqual(4);
    expect(supabase.steps.some((s) => s.includes('ACTIVE_HEALTHY'))).toBe(true);
    expect(reports[3]!.steps.some((s) => /[1-9]\d* access-token refresh/.test(s))).toBe(true);
  });
});
