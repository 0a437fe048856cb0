import { describe, expect, it } from 'vitest';
import { plural } from '../../src/report/plural.js';

describe('plural', () => {
  it('puts the noun in the singular for exactly 1 and in the plural otherwise', () => {
    expect(plural(1, 'move')).toBe('1 move');
    expect(plural(0, 'move')).toBe('0 moves');
    expect(plural(2, 'move')).toBe('2 moves');
    expect(plural(-1, 'day')).toBe('-1 days');
  });

  it('takes the plural of a noun that does not add "s"', () => {
    expect(plural(1, 'party', 'parties')).toBe('1 party');
    expect(plural(3, 'party', 'parties')).toBe('3 parties');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });

  it('writes big counts with thousands separators', () => {
    expect(plural(1_234_567, 'joint state')).toBe('1,234,567 joint states');
    expect(plural(1000, 'run')).toBe('1,000 runs');
  });
});
