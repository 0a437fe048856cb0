/**
 * Poisson probabilities for uniformisation: `weights[i]` is the probability of `left + i` jumps,
 * and `truncated` bounds the probability of any number of jumps outside `left ..
 * left + weights.length - 1`.
 */
export interface PoissonWeights {
  readonly left: number;
  readonly weights: Float64Array;
  readonly truncated: number;
}

/**
 * Returns the Poisson(`lambda`) probabilities e^-λ λ^k / k! for the k that matter: outwards from
 * the mode, in both directions, until the mass of the tail beyond is at most `epsilon / 2` on
 * each side. Each tail is bounded by a geometric series, since beyond the mode each term is at
 * most a fixed fraction of the one before (λ/(k+2) to the right, (k-1)/λ to the left); the mode's
 * term is computed in log space, so no term overflows and none that matters underflows (the
 * truncation points of Fox and Glynn, "Computing Poisson probabilities", CACM 31(4), 1988,
 * without their scaling, which the log space makes unneeded). Pure; O(sqrt(λ log(1/ε))) terms.
 */
export function getPoissonWeights(lambda: number, epsilon: number): PoissonWeights {
  if (!(lambda > 0)) return { left: 0, weights: Float64Array.of(1), truncated: 0 };
  const mode = Math.floor(lambda);
  const atMode = Math.exp(-lambda + mode * Math.log(lambda) - getLogFactorial(mode));
  const right = getRightTerms(atMode, mode, lambda, epsilon / 2);
  const left = getLeftTerms(atMode, mode, lambda, epsilon / 2);
  const weights = Float64Array.from([...left.terms.reverse(), atMode, ...right.terms]);
  return { left: mode - left.terms.length, weights, truncated: left.tail + right.tail };
}

/**
 * The terms after the mode's, until the tail beyond is at most `tailBound`: every term after
 * k + 1 is at most λ/(k+2) times the one before, so that tail is below a geometric series.
 */
function getRightTerms(atMode: number, mode: number, lambda: number, tailBound: number) {
  const terms: number[] = [];
  for (let k = mode, term = atMode; ; k++) {
    const next = term * (lambda / (k + 1));
    const tail = next / (1 - lambda / (k + 2));
    if (tail <= tailBound) return { terms, tail };
    terms.push(next);
    term = next;
  }
}

/** The terms before the mode's, nearest first, until the tail below is at most `tailBound` (every term before k - 1 is at most (k-1)/λ times the one after it). */
function getLeftTerms(atMode: number, mode: number, lambda: number, tailBound: number) {
  const terms: number[] = [];
  for (let k = mode, term = atMode; k > 0; k--) {
    const previous = term * (k / lambda);
    const tail = previous / (1 - (k - 1) / lambda);
    if (tail <= tailBound) return { terms, tail };
    terms.push(previous);
    term = previous;
  }
  return { terms, tail: 0 };
}

/** Returns ln(n!): summed below 256, else by Stirling's series (its error there is below 1e-17). Pure. */
export function getLogFactorial(n: number): number {
  if (n < 256) {
    let sum = 0;
    for (let i = 2; i <= n; i++) sum += Math.log(i);
    return sum;
  }
  const inverse = 1 / n;
  const inverse2 = inverse * inverse;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    inverse * (1 / 12 - inverse2 * (1 / 360 - inverse2 * (1 / 1260 - inverse2 / 1680)))
  );
}
