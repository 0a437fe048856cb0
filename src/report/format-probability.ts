import { ESTIMATIVE_BANDS } from '../model/estimative.js';

/**
 * The significant digits a probability is printed with unless `--precision` says otherwise: no
 * more than a model's inputs carry (an ICD 203 band alone spans 0.05 to 0.2).
 */
export const DEFAULT_DIGITS = 2;

/**
 * Formats a probability for people with `digits` significant digits: 0 and 1 exactly, else the
 * rounded number, or `< 0.001` / `> 0.999` (for 2 digits) when rounding would print a bare 0 or 1
 * of a probability that is neither. Pure.
 */
export function formatProbability(p: number, digits: number = DEFAULT_DIGITS): string {
  if (p === 0) return '0';
  if (p === 1) return '1';
  const edge = 10 ** -(digits + 1);
  if (p < edge) return `< ${edge.toFixed(digits + 1)}`;
  if (p > 1 - edge) return `> ${(1 - edge).toFixed(digits + 1)}`;
  const rounded = Number(p.toPrecision(digits));
  // Rounding up to 1 would claim certainty: say how close it is instead.
  if (rounded >= 1) return `> ${(1 - 10 ** -digits).toFixed(digits)}`;
  // Decimals for `digits` significant digits (toPrecision alone turns tiny numbers exponential).
  return rounded.toFixed(Math.max(0, digits - 1 - Math.floor(Math.log10(rounded))));
}

/**
 * Returns the ICD 203 word of the band a probability falls in (each band closed below, open
 * above; below the first, its word; above the last, its word), or null for 0 and 1. Pure.
 */
export function getEstimativeWord(p: number): string | null {
  if (p <= 0 || p >= 1) return null;
  const band = ESTIMATIVE_BANDS.findLast((b) => p >= b.low) ?? ESTIMATIVE_BANDS[0];
  return band?.word ?? null;
}

/** Formats a probability with its ICD 203 word: `0.055, very unlikely`. Pure. */
export function formatProbabilityWithWord(p: number, digits: number = DEFAULT_DIGITS): string {
  const word = getEstimativeWord(p);
  return word ? `${formatProbability(p, digits)}, ${word}` : formatProbability(p, digits);
}

/** Formats a change of probability with its sign and `digits` significant digits (`+0.019`; none: `+0`). Pure. */
export function formatProbabilityChange(delta: number, digits: number = DEFAULT_DIGITS): string {
  if (Math.abs(delta) < 10 ** -(digits + 2)) return '+0';
  const rounded = Number(delta.toPrecision(digits));
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(rounded))));
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(decimals)}`;
}

/**
 * Formats a probability with at least `digits` significant digits and as many more (up to 12) as
 * it takes to print it differently from each of `others` that it differs from, so that a message
 * never says "expected at least 0.066, but it is 0.066". Pure.
 */
export function formatProbabilityApart(p: number, others: readonly number[], digits: number = DEFAULT_DIGITS): string {
  let d = digits;
  const alike = (n: number) => n !== p && formatProbability(n, d) === formatProbability(p, d);
  while (d < 12 && others.some(alike)) d++;
  return formatProbability(p, d);
}

/**
 * The ICD 203 words of a range of probabilities (a confidence interval, a search's bounds): one
 * word when the range lies in one band, else `almost no chance to very unlikely`; an end at exactly
 * 0 or 1 is `no chance` or `certain`. Pure.
 */
export function describeEstimativeRange(low: number, high: number): string {
  const word = (p: number) => (p <= 0 ? 'no chance' : p >= 1 ? 'certain' : getEstimativeWord(p));
  const from = word(low);
  const to = word(high);
  return from === to ? (from ?? '') : `${from} to ${to}`;
}

/**
 * Formats the probability of one path, which is often tiny (one way among very many): as
 * `formatProbability` down to 0.001, below that in scientific notation with `digits` significant
 * digits (`4.9e-7`). Pure.
 */
export function formatPathProbability(p: number, digits: number = DEFAULT_DIGITS): string {
  if (p === 0 || p >= 10 ** -(digits + 1)) return formatProbability(p, digits);
  const [mantissa, exponent] = p.toExponential(digits - 1).split('e');
  return `${mantissa}e${Number(exponent)}`;
}
