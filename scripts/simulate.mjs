#!/usr/bin/env node
// `pnpm simulate`: serves the four provider simulators over HTTP on localhost (see examples/simulate.ts).
import { ensureInstalled, pnpm } from './bootstrap.mjs';

ensureInstalled();
pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { quiet: true });
process.exit(pnpm(['--filter', '@x/examples', 'exec', 'ts-node', 'simulate.ts', ...process.argv.slice(2)], { allowFailure: true }));
