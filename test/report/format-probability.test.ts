import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESTIMATIVE_BANDS } from '../../src/model/estimative.js';
import {
  formatProbability,
  formatProbabilityApart,
  formatProbabilityChange,
  formatProbabilityWithWord,
  getEstimativeWord,
  describeEstimativeRange,
} from '../../src/report/format-probability.js';

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const digits = fc.integer({ min: 1, max: 8 });

describe('printing a probability', () => {
  it('says 0 and 1 only of 0 and 1', () => {
    expect(formatProbability(0)).toBe('0');
    expect(formatProbability(1)).toBe('1');
    fc.assert(
      fc.property(probability, digits, (p, d) => {
        fc.pre(p > 0 && p < 1);
        expect(formatProbability(p, d)).not.toMatch(/^[01](\.0*)?$/);
      }),
    );
  });

  it('gives 2 significant digits by default and as many as asked for', () => {
    expect(formatProbability(0.06634)).toBe('0.066');
    expect(formatProbability(0.4925)).toBe('0.49');
    expect(formatProbability(0.06634, 4)).toBe('0.06634');
    expect(formatProbability(0.5)).toBe('0.50');
    expect(formatProbability(0.0004)).toBe('< 0.001');
    expect(formatProbability(0.9996)).toBe('> 0.999');
    expect(formatProbability(0.996)).toBe('> 0.99');
  });

  it('prints a number within half a unit of its last digit, or a bound it keeps to', () => {
    fc.assert(
      fc.property(probability, digits, (p, d) => {
        fc.pre(p > 0 && p < 1);
        const text = formatProbability(p, d);
        const bound = /^([<>]) (.*)$/.exec(text);
        if (bound) {
          const limit = Number(bound[2]);
          expect(bound[1] === '<' ? p < limit : p > limit).toBe(true);
          return;
        }
        const printed = Number(text);
        const decimals = text.split('.')[1]?.length ?? 0;
        expect(Math.abs(printed - p)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-15);
        const significant = text.replace(/^0\.0*/, '').replace('.', '');
        expect(significant.length).toBe(d);
      }),
    );
  });

  it('names the ICD 203 band a probability falls in', () => {
    for (const band of ESTIMATIVE_BANDS) {
      expect(getEstimativeWord(band.value)).toBe(band.word);
      expect(getEstimativeWord(band.low)).toBe(band.word);
    }
    expect(getEstimativeWord(0.001)).toBe('almost no chance');
    expect(getEstimativeWord(0.999)).toBe('almost certain');
    expect(getEstimativeWord(0)).toBeNull();
    expect(formatProbabilityWithWord(0.06634)).toBe('0.066, very unlikely');
    expect(formatProbabilityWithWord(1)).toBe('1');
  });

  it('words a range by both its ends, unless one band holds it', () => {
    expect(describeEstimativeRange(0.17, 0.18)).toBe('very unlikely');
    expect(describeEstimativeRange(0.046, 0.052)).toBe('almost no chance to very unlikely');
    expect(describeEstimativeRange(0.055, 1)).toBe('very unlikely to certain');
    expect(describeEstimativeRange(0, 0)).toBe('no chance');
  });

  it('prints a change with its sign, none as +0', () => {
    expect(formatProbabilityChange(0.02174)).toBe('+0.022');
    expect(formatProbabilityChange(-0.4)).toBe('-0.40');
    expect(formatProbabilityChange(1e-9)).toBe('+0');
    expect(formatProbabilityChange(0.02174, 4)).toBe('+0.02174');
  });

  it('prints a probability apart from the bounds it is compared with', () => {
    expect(formatProbabilityApart(0.0659, [0.066])).toBe('0.0659');
    expect(formatProbabilityApart(0.0659, [0.5])).toBe('0.066');
    fc.assert(
      fc.property(probability, probability, (p, q) => {
        fc.pre(p !== q && p > 1e-11 && p < 1 - 1e-11 && Math.abs(p - q) > 1e-11);
        expect(formatProbabilityApart(p, [q])).not.toBe(formatProbability(q, 12));
      }),
    );
  });
});
