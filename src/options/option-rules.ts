import * as z from 'zod';
import { formatCount } from '../report/render-path.js';

/**
 * What an option accepts: its schema, and the words that say so in every message about it (the
 * command line's and the library's alike: `expected a whole number of at least 1`).
 */
export interface OptionRule {
  readonly expected: string;
  readonly schema: z.ZodType;
}

/** A whole number of at least `min` (NaN, infinities and fractions refused). */
export function wholeNumberAtLeast(min: number, unit = ''): OptionRule {
  return {
    expected: `a whole number${unit ? ` of ${unit}` : ''} of at least ${min}`,
    schema: z.number().int().min(min).max(Number.MAX_SAFE_INTEGER),
  };
}

/** A whole number from `min` to `max` (written with thousands separators: `from 0 to 65,535`). */
export function wholeNumberBetween(min: number, max: number, unit = ''): OptionRule {
  return {
    expected: `a whole number${unit ? ` of ${unit}` : ''} from ${formatCount(min)} to ${formatCount(max)}`,
    schema: z.number().int().min(min).max(max),
  };
}

/** A number of seconds above 0, as `--timeout` takes it (fractions allowed, infinity not). */
export const SECONDS: OptionRule = {
  expected: 'a finite number of seconds above 0, such as 30 or 2.5',
  schema: z.number().positive().finite(),
};

/** A probability, from 0 to 1. */
export const PROBABILITY: OptionRule = { expected: 'a probability from 0 to 1', schema: z.number().min(0).max(1) };

/** One of a few words. */
export function oneOf(values: readonly [string, ...string[]]): OptionRule {
  return { expected: `one of ${values.map((v) => `"${v}"`).join(', ')}`, schema: z.enum(values) };
}

export const BOOLEAN: OptionRule = { expected: 'true or false', schema: z.boolean() };

export const FUNCTION: OptionRule = { expected: 'a function', schema: z.custom((v) => typeof v === 'function') };

/** A seed: any string or number, written as it will be reported. */
export const SEED: OptionRule = { expected: 'a string or a number', schema: z.union([z.string(), z.number()]) };
