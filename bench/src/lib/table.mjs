// The printed summary: one line per figure, its target and whether it holds.
import { holds } from './measure.mjs';

export function printTable(results) {
  const rows = [['section', 'figure', 'value', 'target', '']];
  for (const [section, result] of Object.entries(results)) {
    rows.push([section, '', '', '', result.met ? 'MET' : 'NOT MET']);
    for (const [name, value] of Object.entries(result.figures)) {
      const target = result.targets[name];
      rows.push(['', name, String(value), target ? `${target.direction} ${target.bound}` : '', target ? (holds(value, target) ? 'ok' : 'MISS') : '']);
    }
  }
  const widths = rows[0].map((_, column) => Math.min(60, Math.max(...rows.map((row) => row[column].length))));
  const line = (row) => row.map((cell, column) => (column === 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  for (const [section, result] of Object.entries(results)) for (const error of result.errors ?? []) console.log(`! ${section}: ${error}`);
}
