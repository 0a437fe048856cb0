/** Past this length a word is no typo of an id: it is not compared (an edit table costs the product of the lengths). */
const MAX_SUGGESTED_LENGTH = 64;

/** The most candidates compared for one word: past them, the hint is left out rather than slow. */
const MAX_CANDIDATES = 10_000;

/**
 * Returns the candidate closest to `word` by edit distance, if it is close enough to be a likely
 * typo (at most a third of the word's length, and at least 1). Pure; bounded: a word or candidate
 * longer than 64 characters, or whose length differs from the word's by more than the budget, is
 * not compared, and at most 10,000 candidates are, so one call costs at most about 40 million
 * steps and usually a few hundred.
 */
export function findClosest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const budget = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  let compared = 0;
  for (const candidate of candidates) {
    if (++compared > MAX_CANDIDATES) break;
    if (Math.abs(candidate.length - word.length) > budget || candidate.length > MAX_SUGGESTED_LENGTH) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance <= budget) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Returns `did you mean "x"?` for a likely typo, else undefined. Pure. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const closest = findClosest(word, candidates);
  return closest === undefined ? undefined : `did you mean "${closest}"?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. Three rows, not a table. */
function editDistance(a: string, b: string): number {
  const cols = b.length + 1;
  let before = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let row = new Array<number>(cols).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] as number) + 1);
      row[j] = v;
    }
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length] as number;
}

/** Lists ids for a message: `a, b, c` (at most 12, then "and N more"). */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return '(none declared)';
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown} and ${ids.length - 12} more` : shown;
}
