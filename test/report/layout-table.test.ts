import { describe, expect, it } from 'vitest';
import { layoutTable, layoutTableRows, type TableColumn } from '../../src/report/layout-table.js';
import { getTextWidth } from '../../src/report/text-width.js';

const columns: TableColumn[] = [
  { header: 'outcome' },
  { header: 'runs', align: 'right', minWidth: 6 },
  { header: 'ICD 203' },
  { header: 'first day (median, p90)' },
];
const rows = [
  ['ceasefire', '223', 'very unlikely', '19, 28'],
  ['raised-level-istanbul-talks', '1,237', 'almost no chance', '10, 21'],
];

describe('layoutTable', () => {
  it('lays a table out at its natural width when there is room or no width: two spaces apart, no trailing spaces', () => {
    const natural = [
      'outcome                        runs  ICD 203           first day (median, p90)',
      'ceasefire                       223  very unlikely     19, 28',
      'raised-level-istanbul-talks   1,237  almost no chance  10, 21',
    ];
    expect(layoutTable(columns, rows)).toEqual(natural);
    expect(layoutTable(columns, rows, { width: 200 })).toEqual(natural);
  });

  it('narrows the widest columns to their longest word and wraps their cells when it does not fit', () => {
    const lines = layoutTable(columns, rows, { width: 60 });
    expect(lines.every((l) => getTextWidth(l) <= 60)).toBe(true);
    // The padding of runs goes first, then the widest of the others, in turn.
    expect(lines).toEqual([
      'outcome                       runs  ICD 203      first day',
      '                                                 (median,',
      '                                                 p90)',
      'ceasefire                      223  very         19, 28',
      '                                    unlikely',
      'raised-level-istanbul-talks  1,237  almost no    10, 21',
      '                                    chance',
    ]);
  });

  it('stacks the rows as header: value pairs when even the narrowest columns do not fit', () => {
    const lines = layoutTable(columns, rows, { width: 40 });
    expect(lines.every((l) => getTextWidth(l) <= 40)).toBe(true);
    expect(lines).toEqual([
      'ceasefire',
      '   runs: 223; ICD 203: very unlikely;',
      '   first day (median, p90): 19, 28',
      'raised-level-istanbul-talks',
      '   runs: 1,237;',
      '   ICD 203: almost no chance;',
      '   first day (median, p90): 10, 21',
    ]);
  });

  it('heads stacked rows by the column asked for, and gives each row its own lines', () => {
    const laid = layoutTableRows(columns, rows, { width: 30, heading: 3 });
    expect(laid.header).toEqual([]);
    expect(laid.rows[0]).toEqual(['19, 28', '   outcome: ceasefire;', '   runs: 223;', '   ICD 203: very unlikely']);
  });
});
