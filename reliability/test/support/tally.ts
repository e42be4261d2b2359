// Counts what each scenario ended in, and prints it as a short table when a file's tests are done.
const table = new Map<string, { runs: number; outcomes: Map<string, number> }>();

/** The outcome of a settled call: `data`, or the class name of the error. */
export function outcomeName(result: { ok: true } | { ok: false; error: unknown }): string {
  if (result.ok) return 'data';
  const error = result.error;
  return error instanceof Error ? error.name : typeof error;
}

/** Records one run of `scenario` ending in `outcome`. */
export function tally(scenario: string, outcome: string, count = 1): void {
  let row = table.get(scenario);
  if (!row) table.set(scenario, (row = { runs: 0, outcomes: new Map() }));
  row.runs += count;
  row.outcomes.set(outcome, (row.outcomes.get(outcome) ?? 0) + count);
}

/** Settles `promise` into data or error, tallies it, and hands the settlement back. */
export async function settle<T>(scenario: string, promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  const result = await promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  tally(scenario, outcomeName(result));
  return result;
}

/** The table as text: scenario, runs, outcome counts. */
export function formatTally(title: string): string {
  const rows = [...table].map(([scenario, row]) => [scenario, String(row.runs), describeOutcomes(row.outcomes)]);
  const head = ['scenario', 'runs', 'outcomes'];
  const widths = head.map((h, i) => Math.min(90, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  return [`${title}: ${rows.length} scenarios, ${rows.reduce((n, r) => n + Number(r[1]), 0)} runs`, line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** The five most frequent outcomes, then a count of the rest. */
function describeOutcomes(outcomes: Map<string, number>): string {
  const sorted = [...outcomes].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, 5).map(([name, n]) => `${name} ${n}`);
  const rest = sorted.slice(5);
  if (rest.length) shown.push(`${rest.length} other kinds ${rest.reduce((n, [, count]) => n + count, 0)}`);
  return shown.join(', ');
}

/** Prints the table (for a vitest afterAll). */
export function printTally(title: string): void {
  if (table.size) console.log(`\n${formatTally(title)}\n`);
}
