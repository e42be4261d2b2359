#!/usr/bin/env node
// Entry point of `pnpm schemas:pull`: download a provider's description and report drift. See README.md.
import { runPull } from './lib/run-pull.mjs';

process.exitCode = await runPull(process.argv.slice(2));
