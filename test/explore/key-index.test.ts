import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createKeyIndex } from '../../src/explore/key-index.js';

describe('the index of joint-state keys', () => {
  it('numbers keys in the order they are added, in every form: direct, hashed, hashed then direct (fast-check)', () => {
    const keySpace = 4096;
    const forms = [
      { direct: keySpace, dense: keySpace },
      { direct: 0, dense: 0 },
      { direct: 0, dense: keySpace },
    ];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: keySpace - 1 }), { maxLength: 3000 }), (keys) => {
        for (const limits of forms) {
          const index = createKeyIndex(keySpace, 16, limits);
          const expected = new Map<number, number>();
          for (const key of keys) {
            if (!expected.has(key)) expected.set(key, expected.size);
            expect(index.add(key)).toBe(expected.get(key));
          }
          expect(index.size).toBe(expected.size);
          for (let key = 0; key < keySpace; key += 7) expect(index.get(key)).toBe(expected.get(key) ?? -1);
        }
      }),
      { numRuns: 40, seed: 20261205 },
    );
  });

  it('turns from a hash table into a direct array once the keys fill an eighth of their space', () => {
    const keySpace = 1 << 16;
    const index = createKeyIndex(keySpace, 16, { direct: 0, dense: keySpace });
    for (let key = 0; key < keySpace / 8; key++) index.add(key * 3);
    expect(index.bytes).not.toBe(4 * keySpace);
    index.add(1);
    expect(index.bytes).toBe(4 * keySpace);
    expect(index.get(3 * 5)).toBe(5);
    expect(index.get(1)).toBe(keySpace / 8);
  });

  it('stays a hash table over a key space past the dense limit, however full', () => {
    const index = createKeyIndex(2 ** 40, 16, { direct: 0, dense: 1 << 10 });
    for (let key = 0; key < 5000; key++) index.add(key * 2 ** 20);
    expect(index.get(4999 * 2 ** 20)).toBe(4999);
    expect(index.bytes).toBeLessThan(1 << 20);
  });
});
