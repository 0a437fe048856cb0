import { stripVTControlCharacters } from 'node:util';
import { getTextWidth } from './text-width.js';

/** The hanging indent of a wrapped line's continuations, past its own indent. */
export const HANG = 3;

/**
 * Wraps one line of text at word boundaries to at most `width` columns (colour codes take none):
 * continuation lines are indented as the line is, plus `HANG`, or, after a list marker (`1. `,
 * `- `, `* `) or a quote's `> `, under the text that follows it. A word longer than the room left
 * is cut where the room ends. A line that fits is returned as it is. Pure.
 */
export function wrapLine(line: string, width: number): string[] {
  if (getTextWidth(line) <= width) return [line];
  // The indent and the marker are read past any colour codes, which stay with the text.
  const plain = stripVTControlCharacters(line);
  const indent = /^ */.exec(plain)?.[0].length ?? 0;
  const marker = /^ *(\d+\. |[-*>] )/.exec(plain);
  const hang = Math.min(marker ? (marker[0] as string).length : indent + HANG, Math.floor(width / 2));
  const text = line.replace(LEADING_SPACES, '$1');
  return wrapWords(text, width, ' '.repeat(indent), ' '.repeat(hang));
}

/** Spaces at the start of a line, after any colour codes (kept as the first group). */
const LEADING_SPACES = new RegExp(`^((?:${String.fromCharCode(27)}\\[[0-9;]*m)*) +`);

/**
 * Wraps text (its own spaces the only places to break) into lines of at most `width` columns:
 * the first starts with `first`, the rest with `rest`. Pure.
 */
export function wrapWords(text: string, width: number, first = '', rest = first): string[] {
  const lines: string[] = [];
  let line = first;
  let used = getTextWidth(first);
  let empty = true;
  const room = (prefix: string) => Math.max(1, width - getTextWidth(prefix));
  for (const word of text.split(' ')) {
    const w = getTextWidth(word);
    if (!empty && used + 1 + w <= width) {
      line += ` ${word}`;
      used += 1 + w;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
      used = getTextWidth(rest);
    }
    // A word wider than a whole line is cut into pieces that fit.
    let left = word;
    while (getTextWidth(left) > room(line)) {
      const [head, tail] = cutToWidth(left, room(line));
      lines.push(line + head);
      line = rest;
      used = getTextWidth(rest);
      left = tail;
    }
    line += left;
    used += getTextWidth(left);
    empty = false;
  }
  lines.push(line);
  return lines.map((l) => l.trimEnd());
}

/** Splits text after as many characters as fit in `width` columns (at least one), escape codes kept whole. */
function cutToWidth(text: string, width: number): [string, string] {
  let at = 0;
  let used = 0;
  while (at < text.length) {
    // A colour code (ESC [ ... m) is kept whole and takes no width.
    if (text.charCodeAt(at) === 27) {
      const end = text.indexOf('m', at);
      at = end === -1 ? text.length : end + 1;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(at) as number);
    const w = getTextWidth(char);
    if (used + w > width && used > 0) break;
    used += w;
    at += char.length;
  }
  return [text.slice(0, at), text.slice(at)];
}

/** Wraps every line of a text that is wider than `width` (see `wrapLine`); none when `width` is undefined. Pure. */
export function fitText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width))
    .join('\n');
}
