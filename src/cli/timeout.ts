import { InvalidArgumentError, Option } from 'commander';
import { SECONDS } from '../options/option-rules.js';

/** `--timeout SECONDS`: for every command that searches or samples. */
export function timeoutOption(): Option {
  return new Option(
    '--timeout <seconds>',
    'stop after this many seconds and report what was found so far, marked as partial',
  ).argParser(positiveSeconds);
}

function positiveSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !SECONDS.schema.safeParse(seconds).success)
    throw new InvalidArgumentError(`expected ${SECONDS.expected}, got "${value}"`);
  return seconds;
}

/**
 * Returns the `shouldStop` the core asks now and then: true once `seconds` have passed since
 * `startedAt` (the command's start, see `CliIo.startedAt`; wall-clock time, read here at the edge,
 * never in the core), so that a slow load or compilation is not free: a search that begins after
 * the deadline stops at its first check. No timeout, no check.
 */
export function getShouldStop(
  seconds: number | undefined,
  startedAt: number | undefined,
): { shouldStop?: () => boolean } {
  if (seconds === undefined) return {};
  const deadline = (startedAt ?? performance.now()) + seconds * 1000;
  return { shouldStop: () => performance.now() >= deadline };
}

export interface TimeoutOptionValue {
  readonly timeout?: number;
}
