import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './scenarios.js';

/** The built `parley` binary, as `npm ci` leaves it. */
export const BIN = join(ROOT, 'dist', 'cli', 'main.js');

/** Runs the built binary in a separate process, without colour; `asUser` runs it as that uid (needs root). */
export function spawnParley(args: string[], options: { asUser?: number; cwd?: string } = {}): SpawnSyncReturns<string> {
  const command = [process.execPath, BIN, ...args];
  const [file, ...rest] =
    options.asUser === undefined
      ? command
      : ['setpriv', `--reuid=${options.asUser}`, `--regid=${options.asUser}`, '--clear-groups', ...command];
  return spawnSync(file!, rest, { cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** Starts the built binary and returns the child, for tests that signal or stream it. */
export function startParley(args: string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1' } });
}
