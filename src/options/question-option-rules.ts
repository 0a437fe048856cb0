import * as z from 'zod';
import {
  BOOLEAN,
  FUNCTION,
  PROBABILITY,
  SEED,
  oneOf,
  wholeNumberAtLeast,
  wholeNumberBetween,
  type OptionRule,
} from './option-rules.js';
import type { OptionRules } from './validate-options.js';
import { formatCount } from '../report/render-path.js';

/** The farthest a start day may lie from day 0 either way: far past any negotiation, and its horizon's end still counts exactly. */
export const MAX_START_DAY = 1_000_000_000;

/** A day to start from, as `--at`, `--as-of` and `--between` take it (0 is the day of the report). */
export const DAY = wholeNumberBetween(-MAX_START_DAY, MAX_START_DAY);

/** `from`: a timeline event's id, or `{ day }`. */
export const FROM: OptionRule = {
  expected: `a timeline event's id, or { day: ${DAY.expected} }`,
  schema: z.union([z.string().min(1), z.strictObject({ day: DAY.schema })]),
};

/** Timeline events a question takes out (`--without`): the timeline as it would have gone without them. */
export const WITHOUT: OptionRule = {
  expected: "a list of timeline events' ids",
  schema: z.array(z.string().min(1)),
};

/**
 * The longest horizon a question may look ahead, in days (about 273 years): past any negotiation,
 * and small enough that what is kept per day (a day condition's table, the odds of each outcome
 * by day) stays a few megabytes. Far longer horizons once ran out of memory before the search began.
 */
export const MAX_HORIZON_DAYS = 100_000;

/**
 * The days of a horizon, the start day included: from 1 to `MAX_HORIZON_DAYS`, as `--horizon`, a
 * library call's `within` and a query's `within N days` take them.
 */
export const DAYS = wholeNumberBetween(1, MAX_HORIZON_DAYS, 'days');

/** What a range of days (`--window-range`, `--horizon-range`, the library's `windowRange`) takes, in words. */
export const DAY_RANGE_WORDS = `LOW-HIGH, whole numbers of days with 1 <= LOW <= HIGH <= ${formatCount(MAX_HORIZON_DAYS)}`;
/** A limit on hypothetical events, as `--max-events` takes it. */
export const EVENTS = wholeNumberAtLeast(0, 'events');

/** `within`: days, or `{ days?, events? }`. */
export const WITHIN: OptionRule = {
  expected: `${DAYS.expected}, or { days?: ${DAYS.expected}, events?: ${EVENTS.expected} }`,
  schema: z.union([DAYS.schema, z.strictObject({ days: DAYS.schema.optional(), events: EVENTS.schema.optional() })]),
};

export const MAX_STATES = wholeNumberAtLeast(1);
export const PATH = oneOf(['shortest', 'likeliest']);

/** Where a question starts, how far it looks, how much it may search: every question takes these. */
export const QUESTION_OPTIONS: OptionRules = {
  from: FROM,
  without: WITHOUT,
  within: WITHIN,
  maxStates: MAX_STATES,
  shouldStop: FUNCTION,
  onProgress: FUNCTION,
};

/** What the reachability matchers take. */
export const REACH_OPTIONS: OptionRules = {
  from: FROM,
  without: WITHOUT,
  within: WITHIN,
  maxStates: MAX_STATES,
  path: PATH,
};

/** What `toHaveNoInertElements` takes: where to look from, and which outcomes count. */
export const INERT_OPTIONS: OptionRules = {
  from: FROM,
  without: WITHOUT,
  within: WITHIN,
  maxStates: MAX_STATES,
  outcomes: { expected: 'a list of outcome ids', schema: z.array(z.string().min(1)) },
};

/** What `toBeStable` takes: where to look from, and one party instead of every party with preferences. */
export const STABLE_OPTIONS: OptionRules = {
  from: FROM,
  without: WITHOUT,
  within: WITHIN,
  maxStates: MAX_STATES,
  party: { expected: "a party's id", schema: z.string().min(1) },
};

/** A sampled probability: how many runs, from which seed. */
export const SAMPLED: OptionRule = {
  expected: '{ runs: a whole number of at least 1, seed: a string or a number }',
  schema: z.strictObject({ runs: wholeNumberAtLeast(1).schema, seed: SEED.schema }),
};

/** What `toHaveOutcomeProbability` takes. */
export const PROBABILITY_OPTIONS: OptionRules = {
  ...REACH_OPTIONS,
  atLeast: PROBABILITY,
  atMost: PROBABILITY,
  atEnd: BOOLEAN,
  sampled: SAMPLED,
};

export { BOOLEAN, FUNCTION, SEED, PROBABILITY };
