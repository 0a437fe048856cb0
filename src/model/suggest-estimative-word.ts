import { findEstimativeBand, normaliseEstimativeText, ESTIMATIVE_WORDS } from './estimative.js';
import { findClosest } from './suggest.js';

/**
 * Common estimative phrasings outside ICD 203, each with the ICD 203 word of the band it is
 * usually read as (Kent's and later scales): a suggestion must mean the same band, and a typo's
 * nearest word can mean the opposite ("almost certainly not" is one edit-budget from "almost certain").
 */
const PHRASINGS: Readonly<Record<string, string>> = {
  'almost certainly not': 'almost no chance',
  'almost certainly will not': 'almost no chance',
  'no chance': 'almost no chance',
  'virtually no chance': 'almost no chance',
  'highly unlikely': 'very unlikely',
  'very improbable': 'very unlikely',
  'probably not': 'unlikely',
  'not likely': 'unlikely',
  'even chance': 'roughly even chance',
  'even odds': 'roughly even chance',
  'fifty-fifty': 'roughly even chance',
  'toss-up': 'roughly even chance',
  probably: 'likely',
  'more likely than not': 'likely',
  'highly likely': 'very likely',
  'very probable': 'very likely',
  'almost certainly': 'almost certain',
  'virtually certain': 'almost certain',
  certain: 'almost certain',
};

/** A word negates when it says "not", "no", "never" or starts with "un"/"im" ("unlikely", "improbable"). */
function countNegations(text: string): number {
  return text.split(/[\s-]+/).filter((w) => /^(not|no|never|.*n't|un.+|im.+)$/.test(w)).length;
}

/**
 * Returns `did you mean "x"?` for text that is not an ICD 203 word but means one: a known phrasing,
 * or a typo whose nearest word says "not" as often (else the suggestion could flip the band). Pure.
 */
export function suggestEstimativeWord(text: string): string | undefined {
  const normalised = normaliseEstimativeText(text);
  const meant =
    PHRASINGS[normalised] ??
    findClosest(
      normalised,
      ESTIMATIVE_WORDS.filter((w) => countNegations(w) === countNegations(normalised)),
    );
  const band = meant === undefined ? undefined : findEstimativeBand(meant);
  if (!meant || !band) return undefined;
  return `did you mean "${meant}"? (ICD 203: ${band.low} to ${band.high})`;
}

/** Whether text is an ICD 203 word, whatever its case and spacing. Pure. */
export function isEstimativeWord(text: string): boolean {
  return findEstimativeBand(text) !== undefined;
}

/** A JSON Schema pattern matching every word whatever its case (JSON Schema patterns take no flags). */
export function getEstimativeWordPattern(): string {
  const anyCase = (word: string) =>
    [...word].map((ch) => (/[a-z]/.test(ch) ? `[${ch}${ch.toUpperCase()}]` : ch === ' ' ? '\\s+' : ch)).join('');
  return `^\\s*(?:${ESTIMATIVE_WORDS.map(anyCase).join('|')})\\s*$`;
}
