import type { Span } from './diagnostic.js';
import { MAX_NESTING, MAX_SCENARIO_BYTES } from './input-limits.js';

/** Why a text is refused before it is parsed: the message, and where. */
export interface OversizedText {
  readonly message: string;
  readonly span: Span;
}

/**
 * The nesting the scan below refuses. The scan counts the collections a line opens from its
 * indentation, `- ` markers and brackets, so it may count a scalar or a bracket in text as a level
 * too: twice the data's limit leaves room for that, and stays far below the depth (about 800) at
 * which the YAML parser's recursion would exhaust the stack. The data's own limit is checked exactly
 * once the text is parsed.
 */
const MAX_TEXT_NESTING = 2 * MAX_NESTING;

/** Where the scan is within a line: the modes of YAML's lexer that decide what a bracket means. */
type Mode = 'value' | 'plain' | 'token' | 'flow' | 'quote';

/**
 * Refuses a YAML or JSON text that is too big for the parser to read safely: longer than
 * `MAX_SCENARIO_BYTES`, or with collections (block or flow) nested far past `MAX_NESTING`. Lines
 * may be as long as the text (machine-written JSON is often one line): the parser reads them in
 * linear time, and diagnostics show a window of them. `what` names the text in the message ("scenario", "trace").
 * Pure; one pass over the text, with no recursion and memory for the open levels only.
 */
export function findOversizedText(text: string, what: string): OversizedText | undefined {
  if (text.length > MAX_SCENARIO_BYTES)
    return {
      message: `the ${what} is ${(text.length / 1024 / 1024).toFixed(1)} MB (expected at most ${MAX_SCENARIO_BYTES / 1024 / 1024} MB)`,
      span: { start: 0, end: 0 },
    };
  const levels: { readonly column: number; readonly list: boolean }[] = [];
  let flow = 0;
  let mode: Mode = 'value';
  let quote = '';
  let blockScalarIndent = -1;
  const tooDeep = (at: number): OversizedText => ({
    message: `mappings and lists are nested more than ${MAX_NESTING} deep here (expected a ${what}'s shape)`,
    span: { start: at, end: at + 1 },
  });
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    let i = start;
    while (i < end && text[i] === ' ') i++;
    const indent = i - start;
    const blank = i >= end || text[i] === '\r' || text[i] === '#';
    const inside = mode === 'quote' || flow > 0;
    if (blockScalarIndent >= 0 && (blank || indent > blockScalarIndent)) i = end;
    else if (!inside && (blank || /^(---|\.\.\.|%)/.test(text.slice(start, start + 3)))) i = end;
    else if (!inside) {
      // A block line: its indentation closes the levels deeper than it and may open one.
      blockScalarIndent = -1;
      mode = 'value';
      while (levels.length > 0 && (levels[levels.length - 1] as { column: number }).column > indent) levels.pop();
      const dash = text[i] === '-' && (i + 1 >= end || text[i + 1] === ' ' || text[i + 1] === '\r');
      const top = levels[levels.length - 1];
      const below = levels[levels.length - 2];
      if (!top || top.column < indent) levels.push({ column: indent, list: dash });
      // A list may stand at its key's own column, one level inside that key's mapping.
      else if (dash && !top.list) levels.push({ column: indent, list: true });
      else if (!dash && top.list && below?.column === indent) levels.pop();
      if (levels.length > MAX_TEXT_NESTING) return tooDeep(i);
    }
    for (; i < end; i++) {
      const c = text[i] as string;
      const before = i > start ? text[i - 1] : ' ';
      if (mode === 'quote') {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote && quote === "'" && text[i + 1] === "'") i++;
        else if (c === quote) mode = flow > 0 ? 'flow' : 'plain';
      } else if (c === '#' && (before === ' ' || before === '\t')) break;
      else if (mode === 'flow') {
        if (c === '[' || c === '{') {
          flow++;
          if (levels.length + flow > MAX_TEXT_NESTING) return tooDeep(i);
        } else if (c === ']' || c === '}') {
          flow--;
          if (flow === 0) mode = 'plain';
        } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(before ?? ' ')) {
          mode = 'quote';
          quote = c;
        }
      } else if (mode === 'token') {
        if (c === ' ') mode = 'value';
      } else if (mode === 'plain') {
        // In block context a bracket inside plain text is text; only `: ` starts a value.
        if (c === ':' && (i + 1 >= end || text[i + 1] === ' ' || text[i + 1] === '\r')) mode = 'value';
      } else if (c === ' ' || c === '\t' || c === '\r') continue;
      else if ((c === '-' || c === '?' || c === ':') && (i + 1 >= end || text[i + 1] === ' ')) {
        // A compact entry (`- - x`, `- key: v`): what follows opens one level more.
        let next = i + 1;
        while (next < end && text[next] === ' ') next++;
        if (next < end && text[next] !== '#' && text[next] !== '\r') {
          levels.push({ column: next - start, list: text[next] === '-' });
          if (levels.length + flow > MAX_TEXT_NESTING) return tooDeep(next);
        }
      } else if (c === '!' || c === '&' || c === '*') mode = 'token';
      else if (c === '[' || c === '{') {
        mode = 'flow';
        flow = 1;
        if (levels.length + flow > MAX_TEXT_NESTING) return tooDeep(i);
      } else if (c === '"' || c === "'") {
        mode = 'quote';
        quote = c;
      } else if (c === '|' || c === '>') {
        blockScalarIndent = indent;
        break;
      } else mode = 'plain';
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return undefined;
}
