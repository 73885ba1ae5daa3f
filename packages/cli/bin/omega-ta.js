#!/usr/bin/env node
// The `omega-ta` executable: runs the CLI (built into dist/) on the process's arguments.
import { runCli } from '../dist/index.js';

process.exitCode = await runCli(process.argv.slice(2));
