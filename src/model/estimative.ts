/**
 * Words of estimative probability, from the US Intelligence Community Directive 203 (ICD 203,
 * "Analytic Standards", 2015), which ties each word to a band of probabilities. A likelihood
 * written as a word stands for the midpoint of its band; the band is kept for sensitivity analysis.
 */
export interface EstimativeBand {
  /** The word as ICD 203 spells it, in lower case, such as `likely`. */
  readonly word: string;
  /** The other words the directive gives for the same band, such as `probable`. */
  readonly synonyms: readonly string[];
  /** The band's lowest probability, 0..1: where sensitivity analysis moves the likelihood down to. */
  readonly low: number;
  /** The band's highest probability, 0..1: where sensitivity analysis moves the likelihood up to. */
  readonly high: number;
  /** The number a word stands for: the midpoint of its band. */
  readonly value: number;
}

function band(word: string, synonyms: string[], low: number, high: number): EstimativeBand {
  return { word, synonyms, low, high, value: Math.round(((low + high) / 2) * 1000) / 1000 };
}

/** ICD 203's seven bands, from `almost no chance` to `almost certain`; neighbouring bands share an end. */
export const ESTIMATIVE_BANDS: readonly EstimativeBand[] = [
  band('almost no chance', ['remote'], 0.01, 0.05),
  band('very unlikely', ['highly improbable'], 0.05, 0.2),
  band('unlikely', ['improbable'], 0.2, 0.45),
  band('roughly even chance', ['roughly even odds'], 0.45, 0.55),
  band('likely', ['probable'], 0.55, 0.8),
  band('very likely', ['highly probable'], 0.8, 0.95),
  band('almost certain', ['nearly certain'], 0.95, 0.99),
];

/** Every accepted word, main words first, for error messages and the JSON Schema. */
export const ESTIMATIVE_WORDS: readonly string[] = [
  ...ESTIMATIVE_BANDS.map((b) => b.word),
  ...ESTIMATIVE_BANDS.flatMap((b) => b.synonyms),
];

/** A word as it is compared: lower case, single spaces, no spaces around. Pure. */
export function normaliseEstimativeText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Returns the band a word belongs to (whatever its case), or undefined for a word outside ICD 203. Pure. */
export function findEstimativeBand(word: string): EstimativeBand | undefined {
  const normalised = normaliseEstimativeText(word);
  return ESTIMATIVE_BANDS.find((b) => b.word === normalised || b.synonyms.includes(normalised));
}
