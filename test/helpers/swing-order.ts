import { expect } from 'vitest';
import { getOddsNoise } from '../../src/analysis/diff.js';
import { describeTornadoRow, type TornadoRow } from '../../src/analysis/tornado-row.js';

/**
 * Expects a tornado largest swing first as far as the odds tell swings apart: counted in steps of
 * the noise of `errorBound`, each row's is at least the next one's, and rows with the same count
 * come in the order of their names.
 */
export function expectRankedBySwing(rows: readonly TornadoRow[], errorBound: number): void {
  const noise = getOddsNoise(errorBound, errorBound);
  for (let i = 1; i < rows.length; i++) {
    const [before, after] = [rows[i - 1] as TornadoRow, rows[i] as TornadoRow];
    const [a, b] = [Math.round(before.swing / noise), Math.round(after.swing / noise)];
    expect(a, `${describeTornadoRow(before)} before ${describeTornadoRow(after)}`).toBeGreaterThanOrEqual(b);
    if (a === b) expect(describeTornadoRow(before).localeCompare(describeTornadoRow(after))).toBeLessThan(0);
  }
}
