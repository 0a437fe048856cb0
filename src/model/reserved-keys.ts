import { isPair, isScalar, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { getYamlNodes } from './yaml-nodes.js';

/**
 * Returns a diagnostic for every mapping key `__proto__`: in JavaScript it names an object's
 * prototype, not an entry, so such a key would silently vanish from the scenario (a party, fact
 * or event missing without a word). Pure.
 */
export function findReservedKeys(doc: Document.Parsed, textLength: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of getYamlNodes(doc)) {
    if (!isPair(node) || !isScalar(node.key) || node.key.value !== '__proto__') continue;
    const [start = 0, end = start] = node.key.range ?? [];
    diagnostics.push({
      code: 'invalid-value',
      severity: 'error',
      message: 'the key "__proto__" cannot be used (expected an id that starts with a letter)',
      span: { start: Math.min(start, textLength), end: Math.min(end, textLength) },
    });
  }
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}
