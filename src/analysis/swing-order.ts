/**
 * Compares two swings for an order largest first, as far as the odds can tell them apart: each is
 * counted in steps of `noise` (see `getOddsNoise`), so that two swings equal but for rounding
 * compare equal and the caller's tie-break (a name, the file's order) decides, the same on every
 * machine and after any change to how the odds are summed. Pure.
 */
export function compareSwings(a: number, b: number, noise: number): number {
  return Math.round(b / noise) - Math.round(a / noise);
}
