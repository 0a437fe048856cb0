import type { ParagraphId } from '../model/ids.js';

/**
 * Splits a source text into its paragraphs. A paragraph starts with its id in brackets at the
 * start of a line, `[P7] ...`, and runs until the next one. Pure.
 */
export function parseSourceText(text: string): Map<ParagraphId, string> {
  const paragraphs = new Map<ParagraphId, string>();
  const marker = /^\[([A-Za-z][A-Za-z0-9_-]*)\][ \t]*/gm;
  const starts = [...text.matchAll(marker)];
  starts.forEach((match, i) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = starts[i + 1]?.index ?? text.length;
    paragraphs.set(match[1] as ParagraphId, text.slice(bodyStart, bodyEnd).trim());
  });
  return paragraphs;
}
