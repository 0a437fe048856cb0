import { EncodingOverflow } from '../compile/state-encoding.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import type { StartOptionValues } from './options.js';
import { createProgress, type Progress } from './progress.js';
import { resolveStartForCommand } from './resolve-start-for-command.js';

/**
 * Loads the scenario and resolves `--from`/`--at` for a "from here" command; prints what is wrong
 * and returns undefined when either fails (the command then exits 2).
 */
export function loadFromHere(file: string, options: StartOptionValues, io: CliIo): { model: Model; start: Start } | undefined {
  const { model } = loadForCommand(file, io);
  const start = model && resolveStartForCommand(model, options, io);
  return model && start ? { model, start } : undefined;
}

/**
 * Runs long work with a progress display, and turns a state space too large to number into a
 * message (returning undefined) rather than a crash.
 */
export async function runWithProgress<T>(io: CliIo, format: string, total: number, work: (progress: Progress) => T | Promise<T>): Promise<T | undefined> {
  const progress = createProgress(io, format, total);
  try {
    return await work(progress);
  } catch (cause) {
    if (!(cause instanceof EncodingOverflow)) throw cause;
    io.stderr(`error: ${cause.message}; shorten the horizon or the event limit, or simplify the model\n`);
    return undefined;
  } finally {
    progress.stop();
  }
}
