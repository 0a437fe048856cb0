import type { LineCounter } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Colors } from './colors.js';

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
 * under the span and any hint; ends with a count. Pure.
 */
export function renderDiagnostics(source: DiagnosticSource, diagnostics: readonly Diagnostic[], c: Colors): string {
  const blocks = diagnostics.map((d) => renderOne(source, d, c));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const counts = [plural(errors, 'error'), plural(warnings, 'warning')].filter((s) => !s.startsWith('0 ')).join(' and ');
  return `${blocks.join('\n')}\n${counts} in ${source.file}\n`;
}

function renderOne(main: DiagnosticSource, d: Diagnostic, c: Colors): string {
  const other = d.file !== undefined && d.file !== main.file ? main.sources?.get(d.file) : undefined;
  const source = other && d.file !== undefined ? { file: d.file, ...other } : main;
  const label = d.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  // A file that cannot be read at all has no place to point at.
  if (d.code === 'file-unreadable' && d.span.end === 0) return `${source.file}: ${label}: ${d.message} [${d.code}]\n`;
  const { line, col } = source.lineCounter.linePos(d.span.start);
  const lines = [`${c.bold(`${source.file}:${line}:${col}`)}: ${label}: ${d.message} ${c.dim(`[${d.code}]`)}`];
  const lineStart = source.lineCounter.lineStarts[line - 1] ?? 0;
  const lineEnd = source.text.indexOf('\n', lineStart);
  const text = source.text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  if (text.trim() !== '') {
    const gutter = String(line).length;
    const width = Math.max(1, Math.min(d.span.end, lineStart + text.length) - d.span.start);
    lines.push(`${c.dim(`${String(line).padStart(gutter)} |`)} ${text}`);
    lines.push(`${' '.repeat(gutter)} ${c.dim('|')} ${' '.repeat(col - 1)}${c.red('^'.repeat(width))}`);
  }
  if (d.hint) lines.push(`${' '.repeat(String(line).length)} ${c.dim('=')} hint: ${d.hint}`);
  return `${lines.join('\n')}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
