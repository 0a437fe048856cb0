import type { CompiledModel } from '../compile/compiled-model.js';
import { decodeDigits } from '../compile/state-encoding.js';
import { outcomeHolds, type StateGraph } from '../explore/state-graph.js';
import type { Model } from '../model/model.js';

export type GraphFormat = 'mermaid' | 'dot';

/** Mermaid ids are letters, digits and underscores. */
const mermaidId = (...parts: string[]) => parts.join('__').replace(/[^A-Za-z0-9_]/g, '_');
const quote = (text: string) => JSON.stringify(text);

/**
 * Renders every party's statechart: one cluster per party, its stances, its initial stance, and
 * its transitions labelled with their events (and `[guarded]` where a guard decides). Pure.
 */
export function renderStatecharts(model: Model, format: GraphFormat): string {
  const lines: string[] = [];
  if (format === 'mermaid') {
    lines.push('stateDiagram-v2');
    for (const party of model.parties) {
      lines.push(`  state ${quote(party.name)} as ${mermaidId(party.id)} {`);
      for (const stance of party.stances) lines.push(`    state ${quote(stance.id)} as ${mermaidId(party.id, stance.id)}`);
      lines.push(`    [*] --> ${mermaidId(party.id, party.initial)}`);
      for (const stance of party.stances) {
        for (const t of stance.on) lines.push(`    ${mermaidId(party.id, stance.id)} --> ${mermaidId(party.id, t.to)}: ${t.event}${t.when ? ' [guarded]' : ''}`);
      }
      lines.push('  }');
    }
  } else {
    lines.push('digraph statecharts {', '  rankdir=TB;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];');
    for (const party of model.parties) {
      lines.push(`  subgraph ${quote(`cluster_${party.id}`)} {`, `    label=${quote(party.name)};`);
      lines.push(`    ${quote(`${party.id}/start`)} [shape=point, label=""];`);
      for (const stance of party.stances) lines.push(`    ${quote(`${party.id}/${stance.id}`)} [label=${quote(stance.id)}, tooltip=${quote(stance.defines)}];`);
      lines.push(`    ${quote(`${party.id}/start`)} -> ${quote(`${party.id}/${party.initial}`)};`);
      for (const stance of party.stances) {
        for (const t of stance.on) lines.push(`    ${quote(`${party.id}/${stance.id}`)} -> ${quote(`${party.id}/${t.to}`)} [label=${quote(`${t.event}${t.when ? ' [guarded]' : ''}`)}];`);
      }
      lines.push('  }');
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders the explored joint graph. Up to `maxNodes` states, every state is a node (labelled with
 * its day and the outcomes holding); beyond, states are lumped by the outcomes that hold in them,
 * and the moves between two lumps become one edge listing their events. Pure.
 */
export function renderJointGraph(model: Model, compiled: CompiledModel, graph: StateGraph, format: GraphFormat, maxNodes: number): string {
  const n = graph.keys.length;
  const lumped = n > maxNodes;
  // Read from the digits and the outcome bits the search kept: no joint state is rebuilt.
  const digits = new Int32Array(compiled.encoding.size);
  const labelOf = (state: number): string => {
    decodeDigits(compiled.encoding, graph.keys[state] as number, digits);
    if (compiled.isTimeUp(digits)) return 'time is up';
    const day = compiled.encoding.startDay + (digits[compiled.encoding.dayDigit] as number);
    const outcomes = model.outcomes.filter((_, o) => outcomeHolds(graph, state, o)).map((o) => o.id);
    return lumped ? (outcomes.length ? outcomes.join(', ') : 'no outcome') : `s${state} day ${day}${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
  };
  // States become node numbers (one per state, or one per lump); edges are keyed by two numbers.
  const nodeOf = new Int32Array(n);
  const labels: string[] = [];
  const lumps = new Map<string, number>();
  for (let s = 0; s < n; s++) {
    const label = labelOf(s);
    let node = lumped ? lumps.get(label) : undefined;
    if (node === undefined) {
      node = labels.length;
      labels.push(label);
      if (lumped) lumps.set(label, node);
    }
    nodeOf[s] = node;
  }
  const edges = new Map<number, Set<number>>();
  for (let s = 0; s < graph.expanded; s++) {
    const from = nodeOf[s] as number;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const to = nodeOf[graph.edgeTargets[e] as number] as number;
      if (lumped && from === to) continue;
      const key = from * labels.length + to;
      let moves = edges.get(key);
      if (!moves) edges.set(key, (moves = new Set()));
      moves.add(graph.edgeMoves[e] as number);
    }
  }
  const start = nodeOf[0] as number;
  const lines: string[] = [];
  const edgeLabel = (moves: Set<number>) => {
    const list = [...moves].map((m) => compiled.moveAt(m));
    return list.length > 4 ? `${list.slice(0, 4).join(', ')} and ${list.length - 4} more` : list.join(', ');
  };
  const nodeLabel = (node: number) => (node === start ? `start: ${labels[node]}` : (labels[node] as string));
  const ends = (key: number) => [Math.floor(key / labels.length), key % labels.length] as const;
  if (format === 'mermaid') {
    lines.push('flowchart LR');
    labels.forEach((_, node) => lines.push(`  n${node}[${quote(nodeLabel(node))}]`));
    for (const [key, moves] of edges) {
      const [from, to] = ends(key);
      lines.push(`  n${from} -->|${quote(edgeLabel(moves))}| n${to}`);
    }
  } else {
    lines.push('digraph joint {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];');
    labels.forEach((_, node) => lines.push(`  n${node} [label=${quote(nodeLabel(node))}${node === start ? ', penwidth=2' : ''}];`));
    for (const [key, moves] of edges) {
      const [from, to] = ends(key);
      lines.push(`  n${from} -> n${to} [label=${quote(edgeLabel(moves))}];`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}
