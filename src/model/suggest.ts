/**
 * Returns the candidate closest to `word` by edit distance, if it is close enough to be a likely
 * typo (at most a third of the word's length, and at least 1). Pure; O(|word| x |candidate|) each.
 */
export function findClosest(word: string, candidates: Iterable<string>): string | undefined {
  const budget = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
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

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** Lists ids for a message: `a, b, c` (at most 12, then "and N more"). */
export function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return '(none declared)';
  const shown = ids.slice(0, 12).join(', ');
  return ids.length > 12 ? `${shown} and ${ids.length - 12} more` : shown;
}
