import { isCollection, isNode, isPair, type Document } from 'yaml';

/**
 * Every node and key-value pair of a parsed document, depth first. Pure; iterative, so that no
 * nesting depth overflows the stack.
 */
export function* getYamlNodes(doc: Document.Parsed): Generator<unknown> {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    yield node;
    if (isPair(node)) pending.push(node.key, node.value);
    // One push at a time: spreading a list of a million items would overflow the stack.
    else if (isNode(node) && isCollection(node)) for (const item of node.items) pending.push(item);
  }
}
