import type { LineCounter } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Colors } from './colors.js';
import { plural } from './plural.js';
import { formatCount } from './render-path.js';
import { getTextWidth } from './text-width.js';
import { MAX_DIAGNOSTICS_PER_CODE } from '../model/input-limits.js';

/** What a diagnostic is rendered against: the file's name, text and line index. */
export interface DiagnosticSource {
  readonly file: string;
  readonly text: string;
  readonly lineCounter: LineCounter;
  /** Other files' texts (scenarios this one extends), for diagnostics located in them. */
  readonly sources?: ReadonlyMap<string, { readonly text: string; readonly lineCounter: LineCounter }>;
}

/**
 * Renders diagnostics as `FILE:LINE:COL: error: message [code]`, then the source line with `^^^`
 * under the span and any hint; ends with a count. With `width`, a source line is shown in a window
 * that fits it, with its carets (the messages are the caller's to wrap). A flood of one code is
 * summed up: the first `MAX_DIAGNOSTICS_PER_CODE` of it are shown, then one line, at the first
 * left out, says how many more there are; the count at the end counts them all. Pure; linear in
 * the diagnostics shown and their lines.
 */
export function renderDiagnostics(
  source: DiagnosticSource,
  diagnostics: readonly Diagnostic[],
  c: Colors,
  width?: number,
): string {
  const shownOfCode = new Map<string, number>();
  const blocks: (string | { readonly code: string })[] = [];
  const more = new Map<string, { first: Diagnostic; count: number }>();
  for (const d of diagnostics) {
    const shown = shownOfCode.get(d.code) ?? 0;
    if (shown < MAX_DIAGNOSTICS_PER_CODE) {
      shownOfCode.set(d.code, shown + 1);
      blocks.push(renderOne(source, d, c, width));
      continue;
    }
    const left = more.get(d.code);
    if (left) left.count++;
    else {
      more.set(d.code, { first: d, count: 1 });
      // Its place in the output: where the first left out would have been.
      blocks.push({ code: d.code });
    }
  }
  const text = blocks.map((b) => {
    if (typeof b === 'string') return b;
    const left = more.get(b.code) as { first: Diagnostic; count: number };
    return renderMore(source, left.first, left.count, c);
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning')]
    .filter((s) => !s.startsWith('0 '))
    .join(' and ');
  return `${text.join('\n')}\n${counts} in ${source.file}\n`;
}

/** The line that stands for the diagnostics of one code left out, located at the first of them. */
function renderMore(main: DiagnosticSource, first: Diagnostic, count: number, c: Colors): string {
  const source = first.file !== undefined && first.file !== main.file ? main.sources?.get(first.file) : undefined;
  const file = source && first.file !== undefined ? first.file : main.file;
  const position = (source ?? main).lineCounter.linePos(first.span.start);
  const label = first.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const place = `${file}:${Math.max(1, position.line)}:${Math.max(1, position.col)}`;
  return `${c.bold(place)}: ${label}: and ${formatCount(count)} more like this from here on (not shown) ${c.dim(`[${first.code}]`)}\n`;
}

function renderOne(main: DiagnosticSource, d: Diagnostic, c: Colors, columns: number | undefined): string {
  const other = d.file !== undefined && d.file !== main.file ? main.sources?.get(d.file) : undefined;
  const source = other && d.file !== undefined ? { file: d.file, ...other } : main;
  const label = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  // A file that cannot be read at all has no place to point at.
  if (d.code === 'file-unreadable' && d.span.end === 0) return `${source.file}: ${label}: ${d.message} [${d.code}]\n`;
  // A line counter that has seen no line (a text refused before it was read) says line 0.
  const position = source.lineCounter.linePos(d.span.start);
  const line = Math.max(1, position.line);
  const col = Math.max(1, position.col);
  const lines = [`${c.bold(`${source.file}:${line}:${col}`)}: ${label}: ${d.message} ${c.dim(`[${d.code}]`)}`];
  const lineStart = source.lineCounter.lineStarts[line - 1] ?? 0;
  const lineEnd = source.text.indexOf('\n', lineStart);
  const text = source.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  if (text.trim() !== '') {
    const gutter = String(line).length;
    const width = Math.max(1, Math.min(d.span.end, lineStart + text.length) - d.span.start);
    // The gutter and ` | ` take their share of the columns (and a window's two ellipses theirs).
    const whole = columns === undefined ? LINE_WINDOW : Math.max(10, Math.min(LINE_WINDOW, columns - gutter - 3));
    const shown = getLineWindow(text, col - 1, width, whole, columns === undefined ? whole : whole - 2);
    lines.push(`${c.dim(`${String(line).padStart(gutter)} |`)} ${shown.text}`);
    lines.push(`${' '.repeat(gutter)} ${c.dim('|')} ${' '.repeat(shown.offset)}${c.red('^'.repeat(shown.width))}`);
  }
  if (d.hint) lines.push(`${' '.repeat(String(line).length)} ${c.dim('=')} hint: ${d.hint}`);
  return `${lines.join('\n')}\n`;
}

/** The most characters of a source line shown around a diagnostic's span. */
const LINE_WINDOW = 160;

/**
 * The part of a long line to show: the line when it takes at most `whole` columns, else a window
 * of `room` characters around the span,
 * with `…` where it is cut, so that a one-line file of megabytes prints a line, not the file.
 */
function getLineWindow(
  text: string,
  start: number,
  width: number,
  whole: number,
  room: number,
): { text: string; offset: number; width: number } {
  if (getTextWidth(text) <= whole) return { text, offset: start, width };
  const shownWidth = Math.min(width, Math.floor(room / 2));
  const from = Math.max(0, Math.min(start - Math.floor(room / 4), text.length - room));
  const to = Math.min(text.length, from + room);
  const prefix = from > 0 ? '…' : '';
  return {
    text: `${prefix}${text.slice(from, to)}${to < text.length ? '…' : ''}`,
    offset: start - from + prefix.length,
    width: shownWidth,
  };
}
