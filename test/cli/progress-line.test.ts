import { describe, expect, it } from 'vitest';
import { formatDuration, formatProgressLine } from '../../src/cli/progress-line.js';
import { getTextWidth } from '../../src/report/text-width.js';

describe('formatProgressLine', () => {
  it('shows a phase with a known total as a bar, a percentage, the count, the rate and the time to go', () => {
    const line = formatProgressLine({ phase: 'solving', done: 2500, total: 10_000, unit: 'states' }, 2000, 120);
    expect(line).toBe('solving  [█████░░░░░░░░░░░░░░░]   25%  2,500/10,000 states  1,250 states/s  ETA 6s');
  });

  it('says that a search does not know its total, rather than make a percentage up', () => {
    const line = formatProgressLine({ phase: 'searching', done: 65_536, unit: 'states' }, 1000, 120);
    expect(line).toBe('searching  65,536 states  65,536 states/s  (total not known in advance)');
    expect(line).not.toMatch(/%/);
  });

  it('shows no rate and no time to go at the very start of a phase', () => {
    expect(formatProgressLine({ phase: 'sampling', done: 0, total: 100, unit: 'runs' }, 0, 120)).toBe(
      'sampling  [░░░░░░░░░░░░░░░░░░░░]    0%  0/100 runs',
    );
  });

  it('fits the width, leaving the bar out first and keeping the phase and the percentage', () => {
    const report = { phase: 'removing elements', done: 40, total: 85, unit: 'elements' };
    for (const width of [79, 60, 40, 24]) {
      const line = formatProgressLine(report, 5000, width);
      expect(getTextWidth(line)).toBeLessThanOrEqual(width);
      expect(line).toMatch(/^removing elements .* 47%/);
    }
    expect(formatProgressLine(report, 5000, 60)).not.toMatch(/\[/);
  });

  it('keeps one layout for a whole phase, however its values grow', () => {
    const at = (done: number) =>
      formatProgressLine({ phase: 'solving', done, total: 1_125_001, unit: 'states' }, 3000, 79).includes('[');
    expect(new Set([0, 1000, 500_000, 1_125_001].map(at)).size).toBe(1);
    const note = (done: number) =>
      formatProgressLine({ phase: 'searching', done, unit: 'states' }, 3000, 79).replace(/^.*\(/, '(');
    expect(new Set([1, 45_834, 1_123_245, 9_999_999].map(note))).toEqual(new Set(['(total not known in advance)']));
  });
});

describe('a slow phase', () => {
  it('gives its rate with a decimal, not as 0 a second', () => {
    const line = formatProgressLine({ phase: 'solving', done: 2, total: 39, unit: 'solves' }, 10_000, 120);
    expect(line).toMatch(/ {2}0\.2 solves\/s {2}ETA 3m 05s$/);
  });
});

describe('formatDuration', () => {
  it('counts seconds, then minutes, then hours', () => {
    expect([0.2, 45, 185, 7800].map(formatDuration)).toEqual(['1s', '45s', '3m 05s', '2h 10m']);
  });
});
