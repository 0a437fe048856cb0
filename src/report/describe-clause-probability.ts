import { DEFAULT_DIGITS, formatProbabilityWithWord } from './format-probability.js';

/**
 * Returns a probability clause's value as every output says it: `0.11, very unlikely`, or
 * `unknown, the search was cut` when a search cut short gave none. Pure.
 */
export function describeClauseProbability(probability: number | null, digits: number = DEFAULT_DIGITS): string {
  return probability === null ? 'unknown, the search was cut' : formatProbabilityWithWord(probability, digits);
}
