#!/usr/bin/env node
// Entry point of `pnpm codegen`: schemas/ -> packages/*/src/generated/. See README.md.
import { runCodegen } from './lib/run-codegen.mjs';

process.exitCode = await runCodegen(process.argv.slice(2));
