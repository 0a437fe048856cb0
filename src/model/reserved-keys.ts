import { isCollection, isNode, isPair, isScalar, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';

/**
 * Returns a diagnostic for every mapping key `__proto__`: in JavaScript it names an object's
 * prototype, not an entry, so such a key would silently vanish from the scenario (a party, fact
 * or event missing without a word). Pure; iterative, so that no nesting depth overflows the stack.
 */
export function findReservedKeys(doc: Document.Parsed, textLength: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isPair(node)) {
      if (isScalar(node.key) && node.key.value === '__proto__') {
        const [start = 0, end = start] = node.key.range ?? [];
        diagnostics.push({
          code: 'invalid-value',
          severity: 'error',
          message: 'the key "__proto__" cannot be used (expected an id that starts with a letter)',
          span: { start: Math.min(start, textLength), end: Math.min(end, textLength) },
        });
      }
      pending.push(node.value);
    }
    if (isNode(node) && isCollection(node)) pending.push(...node.items);
  }
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}
