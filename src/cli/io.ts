import pc from 'picocolors';
import type { Colors } from '../report/colors.js';

/**
 * Exit codes: the same for every command. `notHeld` is `check`'s alone: the query does not hold,
 * or a search cut short cannot decide it. A signal ends the process by its default effect, so a
 * shell sees 128 + the signal's number (130 for Ctrl-C), except `parley inspect`, which Ctrl-C stops
 * with 0.
 */
export const EXIT = { ok: 0, internal: 1, badInput: 2, notHeld: 3 } as const;

/** Everything a command touches outside itself, so that tests can run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Returns the process's own streams and environment. */
export function getProcessIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/**
 * Colours only on a terminal: NO_COLOR (any value) turns them off, FORCE_COLOR (not "0") on;
 * otherwise they follow whether stdout is a TTY, and never with TERM=dumb.
 */
export function getColors(io: CliIo): Colors {
  const { NO_COLOR, FORCE_COLOR, TERM } = io.env;
  let enabled = io.stdoutIsTTY && TERM !== 'dumb';
  if (FORCE_COLOR !== undefined && FORCE_COLOR !== '0') enabled = true;
  if (NO_COLOR !== undefined && NO_COLOR !== '') enabled = false;
  return pc.createColors(enabled);
}

export type { Colors };
