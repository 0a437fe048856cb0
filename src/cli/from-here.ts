import { StartError } from '../api/start.js';
import { toScenario, type Scenario } from '../api/scenario.js';
import type { From, Within } from '../api/start.js';
import { EncodingOverflow } from '../compile/state-encoding.js';
import type { CliIo } from './io.js';
import { loadForCommand } from './load-for-command.js';
import type { StartOptionValues } from './options.js';
import { createProgress, type Progress } from './progress.js';

/** Loads the scenario for a command; prints its problems and returns undefined when it has errors. */
export function loadScenarioForCommand(file: string, io: CliIo): Scenario | undefined {
  const { checked } = loadForCommand(file, io);
  return checked.model ? toScenario(checked) : undefined;
}

/**
 * The library's `from`, `without` and `within` for the command-line options `--from`/`--at`,
 * `--without`, `--horizon`, `--max-events`.
 */
export function getFromWithin(options: StartOptionValues): {
  from: From;
  without?: readonly string[];
  within: Within;
} {
  const day = options.at ?? options.asOf;
  const from = options.from ?? (day !== undefined ? { day } : undefined);
  return {
    from,
    ...(options.without && { without: options.without }),
    within: { days: options.horizon, ...(options.maxEvents !== undefined && { events: options.maxEvents }) },
  };
}

/**
 * Runs long work with a progress display. A start that does not exist, or a state space too large
 * to number, is printed as a message (and undefined returned) rather than a crash.
 */
export async function runWithProgress<T>(
  io: CliIo,
  work: (progress: Progress) => T | Promise<T>,
): Promise<T | undefined> {
  const progress = createProgress(io);
  try {
    return await work(progress);
  } catch (cause) {
    if (cause instanceof StartError) io.stderr(`error: --${cause.about}: ${cause.message}\n`);
    else if (cause instanceof EncodingOverflow)
      io.stderr(`error: ${cause.message}; shorten the horizon or the event limit, or simplify the model\n`);
    else throw cause;
    return undefined;
  } finally {
    progress.stop();
  }
}
