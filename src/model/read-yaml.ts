import { isAlias, isMap, isScalar, LineCounter, parseDocument, YAMLParseError, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { MAX_ALIASED_NODES } from './input-limits.js';
import { findOversizedText } from './measure-text.js';
import { getYamlNodes } from './yaml-nodes.js';
import { countAliasedNodes } from './aliased-nodes.js';

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
 * Returns a parsed document's data, or a diagnostic at its last alias: `too-large` when its
 * aliases stand for more than `MAX_ALIASED_NODES` nodes (counted by parley, see `countAliasedNodes`,
 * before any data is built), `yaml-syntax` when one cannot be resolved. Pure.
 */
export function getYamlData(doc: Document.Parsed, textLength: number): { data: unknown } | { diagnostic: Diagnostic } {
  // The last alias: an alias names only what comes before it, so the last expands the most.
  const lastAlias = () => {
    let span = { start: 0, end: 0 };
    for (const node of getYamlNodes(doc))
      if (isAlias(node) && node.range && node.range[0] >= span.start)
        span = { start: Math.min(node.range[0], textLength), end: Math.min(node.range[1], textLength) };
    return span;
  };
  if (countAliasedNodes(doc) > MAX_ALIASED_NODES)
    return {
      diagnostic: {
        code: 'too-large',
        severity: 'error',
        message:
          `the YAML's aliases stand for more than ${MAX_ALIASED_NODES.toLocaleString('en-US')} nodes in all ` +
          '(expected each alias to stand for a small part of the file)',
        span: lastAlias(),
      },
    };
  try {
    // The count above bounds the expansions; the parser's own, coarser count would refuse some within it.
    return { data: doc.toJS({ maxAliasCount: -1 }) };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      diagnostic: {
        code: 'yaml-syntax',
        severity: 'error',
        message: `the YAML cannot be read: ${message}`,
        span: lastAlias(),
      },
    };
  }
}

/** Fills a line index for a text the parser never saw, so that a refusal still renders as LINE:COL. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}
