/** z for a two-sided 95% interval. */
export const Z95 = 1.959963984540054;
/** z for a two-sided 99% interval. */
export const Z99 = 2.5758293035489004;

/**
 * Returns the Wilson score interval for `successes` out of `trials` (E. B. Wilson, 1927): unlike
 * the normal approximation it stays inside [0, 1] and behaves at 0 and at `trials`. Pure.
 */
export function getWilsonInterval(successes: number, trials: number, z = Z95): [number, number] {
  if (trials === 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 and at `trials` the bound is exactly 0 (or 1); rounding would leave a hair's breadth.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
}
