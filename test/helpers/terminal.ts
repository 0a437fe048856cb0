import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN } from './spawn-cli.js';
import { ROOT } from './scenarios.js';

/** A word for the shell: single-quoted. */
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * Starts the built CLI under a pseudo-terminal of `columns` columns and 40 rows (util-linux
 * `script`, part of Debian's base system). Its stdout carries everything the terminal was sent
 * (stdout and stderr as they came, escape codes and redraws included); what is written to its
 * stdin is typed at the terminal (`\x03` is Ctrl-C). It exits with the CLI's code, or 128 + the
 * signal's number when a signal ended the CLI.
 */
export function startOnTerminal(args: string[], columns = 80): ChildProcessWithoutNullStreams {
  const command = `stty cols ${columns} rows 40 && exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', SHELL: '/bin/sh' };
  // Under CI no bar is drawn, by design: the terminal is the one a person sees.
  delete env.CI;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.COLUMNS;
  return spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: ROOT, env });
}
