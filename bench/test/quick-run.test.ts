import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const benchDir = path.resolve(__dirname, '..');

interface Section {
  figures: Record<string, number>;
  targets: Record<string, { bound: number; direction: '<=' | '>=' }>;
  met: boolean;
  errors?: string[];
}

describe('pnpm bench --quick', () => {
  it('measures pagination and rate limiting and writes every figure, target and verdict to the results file', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'results.json');
    const run = spawnSync(process.execPath, ['--expose-gc', 'src/run.mjs', '--quick', '--no-build', '--only', 'pagination,rate_limit', '--out', out], { cwd: benchDir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('paginator_vs_loop');

    const results = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, Section> & { quick: boolean };
    expect(results.quick).toBe(true);
    for (const name of ['pagination', 'rate_limit']) {
      const section = results[name]!;
      expect(section.errors ?? []).toEqual([]);
      expect(Object.keys(section.targets).length).toBeGreaterThan(0);
      for (const [figure, target] of Object.entries(section.targets)) {
        expect(typeof section.figures[figure], `${name}.${figure}`).toBe('number');
        expect(['<=', '>=']).toContain(target.direction);
        expect(typeof target.bound).toBe('number');
      }
      const everyTargetHolds = Object.entries(section.targets).every(([figure, { bound, direction }]) =>
        direction === '<=' ? section.figures[figure]! <= bound : section.figures[figure]! >= bound,
      );
      expect(section.met).toBe(everyTargetHolds);
    }
    expect(results.pagination.figures.paginator_vs_loop).toBeGreaterThan(0);
    expect(results.rate_limit.figures.ours_failed).toBe(0);
    expect(results.rate_limit.figures.naive_429s).toBeGreaterThan(0);
  });

  it('splits each client bundle into the package itself, its generated table and its share of the core', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'results.json');
    const run = spawnSync(process.execPath, ['--expose-gc', 'src/run.mjs', '--no-build', '--only', 'bundle', '--out', out], { cwd: benchDir, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const { bundle } = JSON.parse(fs.readFileSync(out, 'utf8')) as Record<string, Section>;
    expect(bundle!.errors ?? []).toEqual([]);
    const f = bundle!.figures;
    // Left out for real: the package alone is smaller than the client that carries the core and openapi-fetch.
    expect(f.supabase_mgmt_own_gzip_kb).toBeLessThan(f.supabase_mgmt_client_gzip_kb! - f.openapi_fetch_client_gzip_kb!);
    expect(f.supabase_mgmt_operations_gzip_kb).toBeGreaterThan(0);
    expect(f.supabase_mgmt_operations_gzip_kb).toBeLessThan(f.supabase_mgmt_own_gzip_kb!);
    expect(f.supabase_mgmt_core_share_gzip_kb).toBeCloseTo(f.supabase_mgmt_client_gzip_kb! - f.supabase_mgmt_own_gzip_kb! - f.openapi_fetch_client_gzip_kb!, 3);
    expect(f.hasura_cloud_own_gzip_kb).toBeLessThan(f.hasura_cloud_client_gzip_kb!);
    // The core's share of a client is most of the core's own client bundle and never more than its whole entry.
    expect(f.supabase_mgmt_core_share_gzip_kb).toBeGreaterThan(f.core_client_gzip_kb! * 0.5);
    expect(f.supabase_mgmt_core_share_gzip_kb).toBeLessThan(f.core_entry_gzip_kb!);
    // Every package is measured, the two REST clients alike.
    for (const name of ['core', 'supabase_mgmt', 'cockroach_cloud', 'hasura_cloud', 'prefect_cloud']) expect(typeof f[`${name}_client_gzip_kb`], name).toBe('number');
    expect(f.cockroach_cloud_operations_gzip_kb).toBeLessThan(f.cockroach_cloud_own_gzip_kb!);
    // Prefect's first chunk leaves out the graphql parser its `request` loads on first use; a client without such an
    // import is one chunk.
    expect(f.prefect_cloud_client_initial_gzip_kb).toBeLessThan(f.prefect_cloud_client_gzip_kb! - 5);
    expect(f.supabase_mgmt_client_initial_gzip_kb).toBe(f.supabase_mgmt_client_gzip_kb);
  });
});
