import type { Model } from '../model/model.js';
import { resolveStart, type Start } from '../run/start-point.js';
import type { CliIo } from './io.js';
import { getStartPoint, type StartOptionValues } from './options.js';

/** Resolves `--from`/`--at` for a command; prints the reason and returns undefined when it does not exist. */
export function resolveStartForCommand(model: Model, options: StartOptionValues, io: CliIo): Start | undefined {
  const start = resolveStart(model, getStartPoint(options));
  if ('error' in start) {
    io.stderr(`error: --from: ${start.error}\n`);
    return undefined;
  }
  return start;
}
