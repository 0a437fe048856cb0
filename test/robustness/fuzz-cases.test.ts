import { describe, expect, it } from 'vitest';
import { CASES_PER_CHUNK, DEFAULT_FUZZ_CASES, getFuzzCases, getFuzzChunks, getFuzzScale } from './fuzz-cases.js';

describe('FUZZ_CASES', () => {
  it('by default, every target checks its fixed number of cases: 13,800 in all', () => {
    expect(Object.values(DEFAULT_FUZZ_CASES).reduce((n, c) => n + c, 0)).toBe(13_800);
    expect(getFuzzScale({})).toBe(1);
    expect(getFuzzCases('article', {})).toBe(3_500);
  });

  it('raises every target in proportion, and never lowers one', () => {
    const env = { FUZZ_CASES: '138000' };
    expect(getFuzzScale(env)).toBe(10);
    expect(getFuzzCases('article', env)).toBe(35_000);
    expect(getFuzzCases('cli', env)).toBe(3_000);
    expect(getFuzzCases('overlay', { FUZZ_CASES: '10' })).toBe(1_500);
  });

  it.each(['many', '-5', '1e6', '2.5'])('refuses FUZZ_CASES=%s', (value) => {
    expect(() => getFuzzScale({ FUZZ_CASES: value })).toThrow(/expected a whole number of cases/);
  });
});

describe('chunks of cases', () => {
  it('cover every case once, at most CASES_PER_CHUNK to a chunk, chunk k drawing from seed + k', () => {
    const chunks = getFuzzChunks(3_501, 7);
    expect(chunks.map((c) => c.runs).reduce((n, r) => n + r, 0)).toBe(3_501);
    expect(chunks.every((c) => c.runs > 0 && c.runs <= CASES_PER_CHUNK)).toBe(true);
    expect(chunks.map((c) => c.seed)).toEqual(chunks.map((_, k) => 7 + k));
    expect(chunks.at(-1)).toMatchObject({ index: 14, runs: 1 });
  });
});
