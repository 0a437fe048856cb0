import { InvalidArgumentError, Option } from 'commander';
import { getDefaultMaxStates } from '../runtime/default-max-states.js';
import { DEFAULT_HORIZON_DAYS } from '../engine/horizon.js';
import { DEFAULT_DIGITS } from '../report/format-probability.js';
import type { PathKind } from '../explore/witness-path.js';
import { formatCount } from '../report/render-path.js';
import { wholeNumberAtLeast, wholeNumberBetween, type OptionRule } from '../options/option-rules.js';
import { DAY, DAY_RANGE_WORDS, DAYS, EVENTS, MAX_HORIZON_DAYS, MAX_STATES } from '../options/question-option-rules.js';

/**
 * Parses a whole number that `rule` accepts, for commander; a wrong value is a usage error (exit
 * 2), in the words the library's option checks use. A number too large to count exactly (beyond
 * 2^53 - 1) that the rule would otherwise take is refused as such, in words.
 */
export function wholeNumberWith(rule: OptionRule) {
  return (value: string): number => {
    const n = Number(value);
    const whole = /^-?\d+$/.test(value.trim());
    if (whole && rule.schema.safeParse(n).success) return n;
    const largest = Math.sign(n) * Number.MAX_SAFE_INTEGER;
    const tooLarge = whole && !Number.isSafeInteger(n) && rule.schema.safeParse(largest).success;
    throw new InvalidArgumentError(
      tooLarge
        ? `expected ${rule.expected}, got "${value}", a number too large to count exactly (the largest is ${formatCount(largest)})`
        : `expected ${rule.expected}, got "${value}"`,
    );
  };
}

/** Parses a whole number at least `min`. */
export function integerAtLeast(min: number) {
  return wholeNumberWith(wholeNumberAtLeast(min));
}

/** Parses a whole number from `min` to `max`. */
export function integerBetween(min: number, max: number) {
  return wholeNumberWith(wholeNumberBetween(min, max));
}

/**
 * Parses `LOW-HIGH`, two whole numbers of days with 1 <= LOW <= HIGH <= `MAX_HORIZON_DAYS`: `3-14`
 * (the words of the library's `DAY_RANGE`).
 */
export function dayRange(value: string): [number, number] {
  const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(value);
  const low = Number(match?.[1]);
  const high = Number(match?.[2]);
  if (!match || low < 1 || high < low || high > MAX_HORIZON_DAYS)
    throw new InvalidArgumentError(`expected ${DAY_RANGE_WORDS}, such as 3-14, got "${value}"`);
  return [low, high];
}

/** Parses a day to start from (negative before the report's day 0), within `DAY`'s bounds. */
export const day = wholeNumberWith(DAY);

/** `--max-states N`: its default depends on this machine, so help names the rule, not the number. */
export function maxStatesOption(): Option {
  return new Option('--max-states <n>', 'stop searching after this many joint states')
    .argParser(wholeNumberWith(MAX_STATES))
    .default(
      getDefaultMaxStates(),
      'sized to this machine: a quarter of its memory at 300 bytes a state, at most 20 million',
    );
}

/** The options every "from here" command shares: where to start and how far to look. */
export function startOptions(): Option[] {
  return [
    new Option('--from <event>', 'start right after this timeline event (default: the end of the timeline)').conflicts([
      'at',
      'asOf',
    ]),
    new Option('--at <day>', 'start as of this day: every timeline event up to it has happened')
      .argParser(day)
      .conflicts(['from', 'asOf']),
    new Option(
      '--as-of <day>',
      'the same as --at: the question as it stood on that day, knowing only the events reported by then',
    )
      .argParser(day)
      .conflicts(['from', 'at']),
    new Option('--horizon <days>', 'days to look ahead, the start day included; time is up when the last ends')
      .argParser(wholeNumberWith(DAYS))
      .default(DEFAULT_HORIZON_DAYS),
    new Option('--max-events <n>', 'also stop after this many hypothetical events').argParser(wholeNumberWith(EVENTS)),
    withoutOption(),
  ];
}

/** `--without EVENT`, repeatable: the timeline as it would have gone without these events. */
export function withoutOption(): Option {
  return new Option(
    '--without <event>',
    'the timeline as it would have gone without this event (repeatable): each later event happens where its requires still holds',
  ).argParser((value: string, previous: string[] = []) => [...previous, value]);
}

export interface StartOptionValues {
  readonly from?: string;
  readonly at?: number;
  readonly asOf?: number;
  readonly horizon: number;
  readonly maxEvents?: number;
  readonly without?: readonly string[];
}

/** `--precision N`: for the commands that print probabilities (their JSON keeps every digit). */
export function precisionOption(): Option {
  return new Option('--precision <digits>', 'print probabilities with this many significant digits')
    .argParser(integerBetween(1, 12))
    .default(DEFAULT_DIGITS);
}

export interface PrecisionOptionValue {
  readonly precision: number;
}

/** `--path shortest|likeliest`: which path a command shows as evidence. */
export function pathOption(): Option {
  return new Option(
    '--path <kind>',
    'the path to show: shortest (fewest moves) or likeliest (most probable), each with its exact probability',
  )
    .choices(['shortest', 'likeliest'])
    .default('shortest');
}

export interface PathOptionValue {
  readonly path: PathKind;
}
