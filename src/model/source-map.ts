import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from './diagnostic.js';
import type { DataPath } from './problem.js';

/**
 * Maps data paths of a parsed YAML document back to character offsets. Where a path leads to a
 * key that is absent, it answers with the nearest enclosing key, which is where a missing entry
 * belongs.
 */
export interface SourceMap {
  spanOf(path: DataPath, at?: 'key' | 'value'): Span;
  /** True when the document has a node at exactly this path. */
  has(path: DataPath): boolean;
}

/** The source map of a text with no document (refused before it was parsed): every path is at offset 0. */
export const EMPTY_SOURCE_MAP: SourceMap = { spanOf: () => ({ start: 0, end: 0 }), has: () => false };

/**
 * Returns the source map of a parsed document. Pure; each mapping is indexed by its keys the first
 * time a path goes through it, so a lookup costs the path's length, and locating a problem per key
 * of a mapping stays linear.
 */
export function createSourceMap(doc: Document.Parsed): SourceMap {
  const whole: Span = { start: 0, end: 0 };
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  const findPair = (map: YAMLMap, segment: string | number | undefined): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      // The first of equal keys, as a linear search would find it.
      for (const pair of map.items as Pair[])
        if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
      indexes.set(map, index);
    }
    return index.get(String(segment));
  };
  return {
    has(path) {
      let node: Node | null = doc.contents;
      for (const segment of path) {
        node = throughListOfOne(node, segment);
        if (isMap(node)) {
          const pair = findPair(node, segment);
          if (!pair) return false;
          node = (pair.value as Node | null) ?? null;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment])
          node = node.items[segment] as Node;
        else return false;
      }
      return true;
    },
    spanOf(path, at = 'value') {
      let node: Node | null = doc.contents;
      let best: Span = node ? rangeOf(node) : whole;
      for (let i = 0; i < path.length; i++) {
        const segment = path[i];
        const last = i === path.length - 1;
        node = throughListOfOne(node, segment);
        if (isMap(node)) {
          const pair = findPair(node, segment);
          if (!pair) return best;
          const keySpan = isScalar(pair.key) ? rangeOf(pair.key) : best;
          node = (pair.value as Node | null) ?? null;
          // A collection spans many lines: its key shows it better than its first character.
          best = last && at === 'value' && isScalar(node) ? rangeOf(node) : keySpan;
        } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
          node = node.items[segment] as Node;
          best = rangeOf(node);
        } else {
          return best;
        }
      }
      return best;
    },
  };
}

/**
 * A key asked of a list of one entry is asked of that entry: a stance's only transition on an
 * event is named `on.e.when` whether the file writes it bare or as a list of one.
 */
function throughListOfOne(node: Node | null, segment: string | number | undefined): Node | null {
  return isSeq(node) && typeof segment === 'string' && node.items.length === 1 ? (node.items[0] as Node) : node;
}

function rangeOf(node: Node): Span {
  const range = node.range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
}

/**
 * A source map that finds a generated path where it came from: `origins` maps a path's key
 * (`JSON.stringify(path)`) to the path in the text that produced it; the longest prefix with an
 * origin is used, the rest of the path appended. Pure.
 */
export function withOrigins(map: SourceMap, origins: ReadonlyMap<string, DataPath>): SourceMap {
  if (origins.size === 0) return map;
  const resolve = (path: DataPath): DataPath => {
    for (let n = path.length; n > 0; n--) {
      const origin = origins.get(JSON.stringify(path.slice(0, n)));
      if (origin) return [...origin, ...path.slice(n)];
    }
    return path;
  };
  return {
    has: (path) => map.has(path) || map.has(resolve(path)),
    spanOf: (path, at) => (map.has(path) ? map.spanOf(path, at) : map.spanOf(resolve(path), at)),
  };
}
