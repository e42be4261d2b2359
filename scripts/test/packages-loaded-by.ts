// For the packages' dist tests: what a cold require of a built entry pulls in from node_modules.
import { spawnSync } from 'node:child_process';

/** The node_modules packages a cold `require(entry)` loads, run in a fresh process in `cwd`, sorted. */
export function packagesLoadedBy(entry: string, cwd: string): string[] {
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`require(${entry}) failed: ${run.stderr}`);
  const names = new Set<string>();
  for (const file of JSON.parse(run.stdout) as string[]) {
    // The package is what follows the last node_modules/ (pnpm nests them: .pnpm/graphql@16/node_modules/graphql/).
    const parts = file.split(/[\\/]/);
    const at = parts.lastIndexOf('node_modules');
    if (at < 0) continue;
    names.add(parts[at + 1]!.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]!);
  }
  return [...names].sort();
}
