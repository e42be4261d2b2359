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
});
