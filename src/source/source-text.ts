import type { Diagnostic } from '../model/diagnostic.js';
import type { ParagraphId } from '../model/ids.js';

/** A paragraph marker: its id in brackets at the start of a line, then any spaces or tabs. */
const MARKER = /^\[([A-Za-z][A-Za-z0-9_-]*)\][ \t]*/gm;

/**
 * Splits a source text into its paragraphs. A paragraph starts with its id in brackets at the
 * start of a line, `[P7] ...`, and runs until the next one. Pure.
 */
export function parseSourceText(text: string): Map<ParagraphId, string> {
  const paragraphs = new Map<ParagraphId, string>();
  const starts = [...text.matchAll(MARKER)];
  starts.forEach((match, i) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = starts[i + 1]?.index ?? text.length;
    paragraphs.set(match[1] as ParagraphId, text.slice(bodyStart, bodyEnd).trim());
  });
  return paragraphs;
}

/** A line that numbers its paragraph some other way: `1.`, `1)`, `(1)`, `P1.`, `§1`, `[1]`. */
const OTHER_NUMBERING = /^[ \t]*(\(?[A-Za-z]{0,2}\d+[.):]|\[\d+\]|§[ \t]*\d+)/m;

/**
 * Returns the diagnostic of a source text that has no paragraph marker at all, located in
 * `file` at the first paragraph number written some other way (`1.`), else at its first word;
 * undefined when it has a marker. Without markers no paragraph can be found, so every quote would fail: this one diagnostic
 * stands for all of them. `example` is a paragraph id for the hint, such as the first one the
 * scenario declares. Pure.
 */
export function checkParagraphMarkers(text: string, file: string, example: string): Diagnostic | undefined {
  if (text.match(MARKER)) return undefined;
  // Where the paragraphs are numbered some other way, the first such number; else the first word.
  const other = OTHER_NUMBERING.exec(text);
  const numbered = other?.[1];
  const word = numbered ?? /\S+/.exec(text)?.[0] ?? '';
  const start = other ? other.index + other[0].length - word.length : text.search(/\S|$/);
  const hint = numbered
    ? `start each paragraph with its id in brackets: "[${example}] ..." instead of "${numbered} ..."`
    : `start each paragraph with its id in brackets: [${example}] ...`;
  return {
    code: 'no-paragraph-markers',
    severity: 'error',
    message: `the source text has no paragraph markers such as [${example}], so no paragraph can be found in it (expected each paragraph to start a line with its id in brackets)`,
    span: { start, end: start + word.length },
    hint,
    file,
  };
}
