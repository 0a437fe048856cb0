import { describe, expect, it } from 'vitest';
import { getOutputColumns } from '../../src/cli/io.js';

describe('getOutputColumns', () => {
  it("takes a terminal's columns, whatever COLUMNS says", () => {
    expect(getOutputColumns(80, { COLUMNS: '200' })).toBe(80);
  });

  it('honours COLUMNS when stdout is not a terminal, and gives no width without it', () => {
    expect(getOutputColumns(undefined, { COLUMNS: '100' })).toBe(100);
    expect(getOutputColumns(undefined, {})).toBeUndefined();
    expect(getOutputColumns(undefined, { COLUMNS: 'wide' })).toBeUndefined();
    expect(getOutputColumns(undefined, { COLUMNS: '0' })).toBeUndefined();
  });

  it('lays out for no fewer than 20 columns', () => {
    expect(getOutputColumns(8, {})).toBe(20);
    expect(getOutputColumns(undefined, { COLUMNS: '12' })).toBe(20);
  });
});
