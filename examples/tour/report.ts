// What each tour section prints: the steps it took and what the SDK absorbed on the way.
import type { TransportStats } from '@x/core';

export interface SectionReport {
  provider: string;
  mode: 'simulator' | 'live (read-only)' | 'live (--write)';
  steps: string[];
  stats: TransportStats;
  /** Time the section waited for the API (backoff, polling, rate limits), virtual on the simulators. */
  waitedMs: number;
}

/** A section's context: whether it runs against a simulator, may write, and how to log a step. */
export interface SectionContext {
  simulated: boolean;
  write: boolean;
  step(text: string): void;
}

/** Prints one provider's report as a short block. */
export function printReport(report: SectionReport): void {
  const s = report.stats;
  console.log(`\n${report.provider} — ${report.mode}`);
  for (const step of report.steps) console.log(`  • ${step}`);
  console.log(`  ${s.requests} requests (${s.attempts} attempts), ${s.retries} retries, ${s.rateLimited} rate-limit answers absorbed, ${formatMs(report.waitedMs)} waited`);
}

export function formatMs(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
