#!/usr/bin/env node
// `npm run demo` / `pnpm demo`: installs what is needed on a fresh machine, builds the packages, then runs the tour
// (examples/tour.ts under ts-node): all four SDKs against built-in simulators, or the real APIs when tokens are set.
import { ensureInstalled, pnpm } from './bootstrap.mjs';

ensureInstalled();
pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only'], { quiet: true });
process.exit(pnpm(['--filter', '@x/examples', 'exec', 'ts-node', 'tour.ts', ...process.argv.slice(2)], { allowFailure: true }));
