import type { Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { findIndentationMistakes, type IndentationMistake } from './indentation.js';
import { findReservedKeys } from './reserved-keys.js';
import { findUnsupportedTags } from './unsupported-tags.js';

type YamlError = Document.Parsed['errors'][number];

/** The parser's complaints that a mistake of indentation makes, on its line and on the lines after it. */
const INDENTATION_CODES = new Set<YamlError['code']>([
  'BAD_INDENT',
  'TAB_AS_INDENT',
  'BLOCK_AS_IMPLICIT_KEY',
  'MULTILINE_IMPLICIT_KEY',
  'MISSING_CHAR',
  'UNEXPECTED_TOKEN',
]);

/**
 * Returns the diagnostics of a parsed YAML text: its syntax errors, duplicate keys, unsupported
 * tags and reserved keys. A mistake of indentation (a tab, a line out of line with its siblings)
 * is one diagnostic on its own line, which stands for the parser's errors in the mapping or list
 * it is in; a list item so deep that YAML reads it as text of the item above is one too, though
 * YAML itself accepts it. Pure.
 */
export function getYamlDiagnostics(doc: Document.Parsed, text: string): Diagnostic[] {
  // Duplicate keys leave a usable document, whose tags can still be checked.
  const readable = doc.errors.every((e) => e.code === 'DUPLICATE_KEY');
  const { mistakes, unexplained } = explainIndentation(doc.errors, text);
  return [
    ...mistakes.map((m) => describeMistake(m)),
    ...unexplained.map((e) => toDiagnostic(e, text)),
    ...(readable ? [...findUnsupportedTags(doc, text.length), ...findReservedKeys(doc, text.length)] : []),
  ].sort((a, b) => a.span.start - b.span.start);
}

/** The indentation mistakes that explain some of the parser's errors, and the errors they do not explain. */
function explainIndentation(
  errors: readonly YamlError[],
  text: string,
): { mistakes: IndentationMistake[]; unexplained: YamlError[] } {
  const continuedItem = (m: IndentationMistake) => m.kind === 'too-deep' && m.token === '-';
  if (!errors.some((e) => INDENTATION_CODES.has(e.code)) && !/\n[ \t]*- /.test(text))
    return { mistakes: [], unexplained: [...errors] };
  const found = findIndentationMistakes(text);
  const lines = getLineIndex(text, [...errors.map((e) => e.pos[0]), ...found.map((m) => m.start)]);
  const lineOf = (offset: number) => lines.get(offset) as number;
  const explains = (m: IndentationMistake, e: YamlError) => {
    const line = lineOf(e.pos[0]);
    // A tab confuses the parser about the rest of its line, whatever it then complains of.
    if (m.kind === 'tab' && line === lineOf(m.start)) return true;
    return INDENTATION_CODES.has(e.code) && line >= m.region.from && line <= m.region.to + 1;
  };
  const mistakes = found.filter((m) => continuedItem(m) || errors.some((e) => explains(m, e)));
  return { mistakes, unexplained: errors.filter((e) => !mistakes.some((m) => explains(m, e))) };
}

function describeMistake(m: IndentationMistake): Diagnostic {
  const what = m.token === '-' ? 'this list item' : `"${m.token}"`;
  const span = { start: m.start, end: m.end };
  const sibling = m.expected && describeLine(m.expected);
  if (m.kind === 'tab')
    return {
      code: 'yaml-syntax',
      severity: 'error',
      message: `a tab in the indentation of ${what}: YAML does not allow tabs for indentation (expected spaces)`,
      span,
      hint: !m.expected
        ? 'replace the tab with spaces'
        : m.expected.indent === 0
          ? `remove the tab: ${what} starts its line, like ${sibling}`
          : `replace the tab with spaces: ${spaces(m.expected.indent)} in all, like ${sibling}`,
    };
  const expected = m.expected as NonNullable<IndentationMistake['expected']>;
  const found = `${what} is indented ${spaces(m.indent)}`;
  const message =
    m.kind === 'too-deep'
      ? `${found}, deeper than ${sibling}, so YAML reads it as more text of ${expected.token === '-' ? 'that item' : `the value of "${expected.token}"`} (expected ${spaces(expected.indent)}, like ${expected.token === '-' ? 'that item' : `"${expected.token}"`})`
      : `${found}, out of line with the other ${m.token === '-' ? 'items of its list' : 'keys of its mapping'} (expected ${spaces(expected.indent)}, like ${sibling})`;
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `YAML indentation: ${message}`,
    span,
    hint: `indent ${what} by ${spaces(expected.indent)}`,
  };
}

/** Names a line for a message: `"cites" on line 44`, `the item on line 36`. */
function describeLine(line: { readonly token: string; readonly line: number }): string {
  return line.token === '-' ? `the item on line ${line.line + 1}` : `"${line.token}" on line ${line.line + 1}`;
}

function spaces(n: number): string {
  return `${n} space${n === 1 ? '' : 's'}`;
}

/** The 0-based line of each offset, in one pass over the text. */
function getLineIndex(text: string, offsets: readonly number[]): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const lines = new Map<number, number>();
  let line = 0;
  let at = 0;
  for (const offset of sorted) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < Math.min(offset, text.length); i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    lines.set(offset, line);
  }
  return lines;
}
function toDiagnostic(e: Document.Parsed['errors'][number], text: string): Diagnostic {
  // An error at the end of the text may point one past it.
  const span = { start: Math.min(e.pos[0], text.length), end: Math.min(e.pos[1], text.length) };
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^["']?([^"':\n]+)/.exec(text.slice(span.start))?.[1]?.trim() ?? '';
    const keySpan = { start: span.start, end: span.start + Math.max(1, key.length) };
    return {
      code: 'duplicate-id',
      severity: 'error',
      message: `"${key}" is declared twice in the same mapping (expected each id once)`,
      span: keySpan,
    };
  }
  const firstLine = e.message.split('\n')[0] ?? e.message;
  if (e.code === 'RESOURCE_EXHAUSTION')
    return { code: 'too-large', severity: 'error', message: 'the YAML is nested too deeply to read', span };
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `YAML syntax error: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`,
    span,
  };
}
