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

/** A `parley inspect` of the built binary, serving: the address it printed, and what it wrote to stderr so far. */
export interface RunningInspector {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
  /** Ctrl-C, as a person would press it: resolves to how the process ended. */
  readonly stop: () => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `parley inspect ARGS` and waits for the address it serves on; rejects if it ends first. */
export async function startInspector(args: string[]): Promise<RunningInspector> {
  const child = startParley(['inspect', ...args]);
  let [stdout, stderr] = ['', ''];
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const match = /http:\/\/\S+?:\d+\//.exec(stdout);
      if (match) resolve(match[0]);
    });
    void ended.then(() => reject(new Error(`exited early: ${stdout}${stderr}`)));
  });
  return {
    child,
    url,
    stderr: () => stderr,
    stop: () => {
      child.kill('SIGINT');
      return ended;
    },
  };
}
