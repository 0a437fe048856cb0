#!/usr/bin/env node
import { getProcessIo } from './io.js';
import { runCli } from './program.js';

// A reader that stops early (`parley explore FILE | head`) closes the pipe: there is no one left
// to write to, so parley stops quietly, as a tool killed by SIGPIPE would, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), getProcessIo());
