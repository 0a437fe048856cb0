import { isNode, type Document } from 'yaml';
import type { Diagnostic } from './diagnostic.js';
import { getYamlNodes } from './yaml-nodes.js';

/** The tags of YAML's core schema: they only restate what a plain value already is. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Returns a diagnostic for every explicit tag outside YAML's core schema (`!!js/function`,
 * `!!binary`, `!!set`, `!custom`, ...): a scenario is plain data, and a tag that builds another
 * kind of value has no meaning in it. Pure.
 */
export function findUnsupportedTags(doc: Document.Parsed, textLength: number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of getYamlNodes(doc)) {
    if (!isNode(node) || node.tag === undefined || CORE_TAGS.has(node.tag)) continue;
    const [start = 0, end = start] = node.range ?? [];
    diagnostics.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: `the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')} is not supported (expected plain YAML: text, numbers, booleans, mappings and lists)`,
      span: { start: Math.min(start, textLength), end: Math.min(end, textLength) },
    });
  }
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}
