#!/usr/bin/env node
import { getProcessIo } from './io.js';
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2), getProcessIo());
