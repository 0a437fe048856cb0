import { isAlias, isCollection, isNode, isPair, type Document } from 'yaml';

/**
 * Returns how many nodes the document's aliases stand for, all together: each alias counts the
 * nodes of the part it names, that part's own aliases expanded, so `a: &a [x, y]` (3 nodes) named
 * by `b: [*a, *a]` counts 6, and a list of ten aliases to `b` 60 more. This is what a walk of the
 * data as a tree meets beyond the file's own nodes. An alias that names a part containing itself
 * counts without end (`Infinity`); one naming no anchor before it counts 0 (the parser refuses
 * it). An alias names the last anchor of its name before it, as the YAML parser resolves it. Pure;
 * one pass over the nodes, iterative.
 */
export function countAliasedNodes(doc: Document.Parsed): number {
  const anchors = new Map<string, unknown>();
  // The nodes of each anchored part, aliases expanded, known once the walk has left it.
  const sizes = new Map<unknown, number>();
  type Frame = {
    readonly node: unknown;
    readonly children: readonly unknown[];
    next: number;
    size: number;
    aliased: number;
  };
  const frames: Frame[] = [];
  let result = 0;
  const add = (size: number, aliased: number) => {
    const parent = frames[frames.length - 1];
    if (!parent) result = aliased;
    else {
      parent.size += size;
      parent.aliased += aliased;
    }
  };
  const enter = (node: unknown) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const size = target === undefined ? 0 : (sizes.get(target) ?? Number.POSITIVE_INFINITY);
      add(size, size);
      return;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    const children = isPair(node) ? [node.key, node.value] : isNode(node) && isCollection(node) ? node.items : [];
    // A key-value pair is not a node of the data; its key and value are.
    frames.push({ node, children, next: 0, size: isPair(node) || node === null ? 0 : 1, aliased: 0 });
  };
  enter(doc.contents);
  while (frames.length > 0) {
    const frame = frames[frames.length - 1] as Frame;
    if (frame.next < frame.children.length) {
      enter(frame.children[frame.next++]);
      continue;
    }
    frames.pop();
    if (isNode(frame.node) && frame.node.anchor) sizes.set(frame.node, frame.size);
    add(frame.size, frame.aliased);
  }
  return result;
}
