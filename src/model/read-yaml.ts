import { isAlias, isMap, isScalar, LineCounter, parseDocument, YAMLParseError, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { MAX_ALIAS_COUNT } from './input-limits.js';
import { findOversizedText } from './measure-text.js';
import { getYamlNodes } from './yaml-nodes.js';

/** A YAML (or JSON) text parsed, or refused before the parser saw it, with its line index either way. */
export type YamlText =
  | { readonly doc: Document.Parsed; readonly lineCounter: LineCounter }
  | { readonly refused: Diagnostic; readonly lineCounter: LineCounter };

/**
 * Parses a YAML or JSON text (`what` names it in messages: "scenario", "trace"), first refusing
 * one too big to parse safely (see `findOversizedText`) with a `too-large` diagnostic. Duplicate
 * keys are the document's `DUPLICATE_KEY` errors, as the parser's `uniqueKeys` gives them, but
 * found with one set per mapping: the parser's own check compares each key with every earlier
 * one, quadratic in a mapping's size. Pure; linear in the text.
 */
export function parseYamlText(text: string, what: string): YamlText {
  const lineCounter = new LineCounter();
  const oversized = findOversizedText(text, what);
  if (oversized) {
    countLines(text, lineCounter);
    return { refused: { code: 'too-large', severity: 'error', ...oversized }, lineCounter };
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  for (const node of getYamlNodes(doc)) {
    if (!isMap(node)) continue;
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const value: unknown = pair.key.value;
      const key = `${typeof value}:${String(value)}`;
      if (!seen.has(key)) seen.add(key);
      else {
        const [start = 0, end = start] = pair.key.range ?? [];
        doc.errors.push(new YAMLParseError([start, end], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    }
  }
  return { doc, lineCounter };
}

/**
 * Returns a parsed document's data, or a diagnostic when its aliases expand past
 * `MAX_ALIAS_COUNT` (or cannot be resolved), located at its last alias. Pure.
 */
export function getYamlData(doc: Document.Parsed, textLength: number): { data: unknown } | { diagnostic: Diagnostic } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // The last alias: an alias names only what comes before it, so the last expands the most.
    let span = { start: 0, end: 0 };
    for (const node of getYamlNodes(doc))
      if (isAlias(node) && node.range && node.range[0] >= span.start)
        span = { start: Math.min(node.range[0], textLength), end: Math.min(node.range[1], textLength) };
    const excessive = /excessive alias count/i.test(message);
    return {
      diagnostic: {
        code: excessive ? 'too-large' : 'yaml-syntax',
        severity: 'error',
        message: excessive
          ? `the YAML's aliases expand more than ${MAX_ALIAS_COUNT} times (expected each alias to stand for a small part of the file)`
          : `the YAML cannot be read: ${message}`,
        span,
      },
    };
  }
}

/** Fills a line index for a text the parser never saw, so that a refusal still renders as LINE:COL. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}
