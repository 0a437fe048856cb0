import { getTextWidth } from './text-width.js';
import { HANG, wrapWords } from './wrap-text.js';

/** A column of a table: its header, its alignment, the least width it takes when there is room. */
export interface TableColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** The least width when the table is laid out at its natural width (default: the widest cell). */
  readonly minWidth?: number;
  /** Spaces before the column (default 2; none before the first). */
  readonly gap?: number;
}

/** A cell: its text, and how to colour it (applied to each line of it, padding outside). */
export type TableCell = string | { readonly text: string; readonly style: (text: string) => string };

const textOf = (cell: TableCell) => (typeof cell === 'string' ? cell : cell.text);
const styleOf = (cell: TableCell) => (typeof cell === 'string' ? (t: string) => t : cell.style);

/**
 * Lays a table out as lines (no trailing spaces): at its natural width (every column as wide as
 * its widest cell) when that fits `width` or no width is given; else with the widest columns
 * narrowed to no less than their longest word, cells and headers wrapped at word boundaries; and
 * when even that does not fit, stacked: each row as its first cell, then the other columns as
 * `header: value` pairs (empty ones left out), wrapped under it with a hanging indent. Colour
 * codes take no width. Pure.
 */
export function layoutTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  options: TableOptions = {},
): string[] {
  const laid = layoutTableRows(columns, rows, options);
  return [...laid.header, ...laid.rows.flat()];
}

/** How a table is laid out: the columns it must fit in, and the colour of its header. */
export interface TableOptions {
  readonly width?: number | undefined;
  readonly headerStyle?: (text: string) => string;
  /** The column whose cell heads a row when the table is stacked (default the first). */
  readonly heading?: number;
}

/**
 * The same layout as `layoutTable`, as the header's lines (none when stacked) and each row's, for
 * a table whose rows are followed by notes of their own. Pure.
 */
export function layoutTableRows(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  options: TableOptions = {},
): { readonly header: string[]; readonly rows: string[][] } {
  const { width } = options;
  const headerStyle = options.headerStyle ?? ((t: string) => t);
  const gaps = columns.map((c, i) => (i === 0 ? 0 : (c.gap ?? 2)));
  // The last column's padding is never printed (lines end where their text does): it takes no room.
  const natural = columns.map((c, i) =>
    Math.max(
      i === columns.length - 1 ? 0 : (c.minWidth ?? 0),
      getTextWidth(c.header),
      ...rows.map((r) => getTextWidth(textOf(r[i] ?? ''))),
    ),
  );
  const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  if (width === undefined || sum(natural) <= width) return renderRows(columns, rows, natural, gaps, headerStyle);
  const longestWord = (text: string) => Math.max(0, ...text.split(' ').map(getTextWidth));
  const least = columns.map((c, i) =>
    Math.max(longestWord(c.header), ...rows.map((r) => longestWord(textOf(r[i] ?? '')))),
  );
  if (sum(least) > width)
    return { header: [], rows: stackRows(columns, rows, width, headerStyle, options.heading ?? 0) };
  // First the padding beyond the widest cell goes, then the widest column with room to give is
  // narrowed, one column at a time, until the table fits.
  const content = columns.map((c, i) =>
    Math.max(getTextWidth(c.header), ...rows.map((r) => getTextWidth(textOf(r[i] ?? '')))),
  );
  const widths = [...natural];
  const narrowWidest = (floor: readonly number[]) => {
    let widest = -1;
    for (let i = 0; i < widths.length; i++)
      if (
        (widths[i] as number) > (floor[i] as number) &&
        (widest < 0 || (widths[i] as number) > (widths[widest] as number))
      )
        widest = i;
    if (widest < 0) return false;
    widths[widest] = (widths[widest] as number) - 1;
    return true;
  };
  while (sum(widths) > width && narrowWidest(content));
  while (sum(widths) > width && narrowWidest(least));
  return renderRows(columns, rows, widths, gaps, headerStyle);
}

function renderRows(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  widths: readonly number[],
  gaps: readonly number[],
  headerStyle: (text: string) => string,
): { header: string[]; rows: string[][] } {
  const renderRow = (cells: readonly TableCell[], style?: (text: string) => string) => {
    const wrapped = columns.map((_, i) => {
      const text = textOf(cells[i] ?? '');
      return getTextWidth(text) <= (widths[i] as number) ? [text] : wrapWords(text, widths[i] as number);
    });
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let l = 0; l < height; l++) {
      const line = columns
        .map((c, i) => {
          const text = wrapped[i]?.[l] ?? '';
          const pad = ' '.repeat(Math.max(0, (widths[i] as number) - getTextWidth(text)));
          const shown = text === '' ? '' : styleOf(cells[i] ?? '')(text);
          return ' '.repeat(gaps[i] as number) + (c.align === 'right' ? pad + shown : shown + pad);
        })
        .join('')
        .trimEnd();
      lines.push(style ? style(line) : line);
    }
    return lines;
  };
  return {
    header: renderRow(
      columns.map((c) => c.header),
      headerStyle,
    ),
    rows: rows.map((r) => renderRow(r)),
  };
}

function stackRows(
  columns: readonly TableColumn[],
  rows: readonly (readonly TableCell[])[],
  width: number,
  headerStyle: (text: string) => string,
  heading: number,
): string[][] {
  const indent = ' '.repeat(HANG);
  return rows.map((cells) => {
    const first = cells[heading] ?? '';
    const head = wrapWords(textOf(first), width - HANG, '', ' '.repeat(HANG)).map((l) => styleOf(first)(l));
    // Pairs stay whole on a line where they can; a pair wider than a line is wrapped on its own.
    const lines: string[] = [];
    let line = '';
    cells.forEach((cell, j) => {
      const text = textOf(cell);
      if (text === '' || j === heading) return;
      const label = `${(columns[j] as TableColumn).header}:`;
      const pair = `${headerStyle(label)} ${styleOf(cell)(text)}`;
      const joined = line === '' ? `${indent}${pair}` : `${line}; ${pair}`;
      if (getTextWidth(joined) + 1 <= width) {
        line = joined;
        return;
      }
      if (line !== '') lines.push(`${line};`);
      const alone = `${indent}${pair}`;
      if (getTextWidth(alone) + 1 <= width) line = alone;
      else {
        const wrapped = wrapWords(pair, width - 1, indent, indent + ' '.repeat(HANG));
        lines.push(...wrapped.slice(0, -1));
        line = wrapped.at(-1) as string;
      }
    });
    if (line !== '') lines.push(line);
    return [...head, ...lines];
  });
}
