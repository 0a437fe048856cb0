import { isTimeUp } from '../engine/next-moves.js';
import type { Exploration } from '../explore/exploration.js';
import { outcomeHolds } from '../explore/state-graph.js';
import type { StanceId } from '../model/ids.js';
import type { Model, Party } from '../model/model.js';
import { plural } from './plural.js';

/** The text `graph` renders: Mermaid, or Graphviz dot. */
export type GraphFormat = 'mermaid' | 'dot';

/**
 * Node ids are made from positions (`p0`, `p0_s3`, `p0_start`), never from the names: Mermaid ids
 * allow letters, digits and underscores only, `flexible-a` and `flexible_a` must stay two stances,
 * and a stance named `start` must not be the start point. Names are the labels.
 */
const partyNode = (p: number) => `p${p}`;
const stanceNode = (p: number, s: number) => `p${p}_s${s}`;
const quote = (text: string) => JSON.stringify(text);

/** The node id of each of a party's stances, by stance id. */
function getStanceNodes(party: Party, p: number): (id: StanceId) => string {
  const index = new Map(party.stances.map((stance, s) => [stance.id, s]));
  return (id) => stanceNode(p, index.get(id) as number);
}

/**
 * Renders every party's statechart: one cluster per party, its stances, its initial stance, and
 * its transitions labelled with their events (and `[guarded]` where a guard decides). Pure.
 */
export function renderStatecharts(model: Model, format: GraphFormat): string {
  const lines: string[] = [];
  if (format === 'mermaid') {
    lines.push('stateDiagram-v2');
    model.parties.forEach((party, p) => {
      const node = getStanceNodes(party, p);
      lines.push(`  state ${quote(party.name)} as ${partyNode(p)} {`);
      party.stances.forEach((stance, s) => lines.push(`    state ${quote(stance.id)} as ${stanceNode(p, s)}`));
      lines.push(`    [*] --> ${node(party.initial)}`);
      party.stances.forEach((stance, s) => {
        for (const t of stance.on)
          lines.push(`    ${stanceNode(p, s)} --> ${node(t.to)}: ${t.event}${t.when ? ' [guarded]' : ''}`);
      });
      lines.push('  }');
    });
  } else {
    lines.push(
      'digraph statecharts {',
      '  rankdir=TB;',
      '  node [shape=box, style=rounded, fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=10];',
    );
    model.parties.forEach((party, p) => {
      const node = getStanceNodes(party, p);
      lines.push(`  subgraph cluster_${partyNode(p)} {`, `    label=${quote(party.name)};`);
      lines.push(`    ${partyNode(p)}_start [shape=point, label=""];`);
      party.stances.forEach((stance, s) =>
        lines.push(`    ${stanceNode(p, s)} [label=${quote(stance.id)}, tooltip=${quote(stance.defines)}];`),
      );
      lines.push(`    ${partyNode(p)}_start -> ${node(party.initial)};`);
      party.stances.forEach((stance, s) => {
        for (const t of stance.on)
          lines.push(
            `    ${stanceNode(p, s)} -> ${node(t.to)} [label=${quote(`${t.event}${t.when ? ' [guarded]' : ''}`)}];`,
          );
      });
      lines.push('  }');
    });
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Renders the explored joint graph. Up to `maxNodes` states, every state is a node (labelled with
 * its day and the outcomes holding); beyond, states are lumped by the outcomes that hold in them,
 * and the moves between two lumps become one edge listing their events. A graph from a search cut
 * short says so in a comment (and, in dot, its label). Pure.
 */
export function renderJointGraph(exploration: Exploration, format: GraphFormat, maxNodes: number): string {
  const { model, compiled, graph } = exploration;
  const n = graph.keys.length;
  const lumped = n > maxNodes;
  // Read from the keys and the outcome bits the search kept: no joint state is rebuilt.
  const labelOf = (state: number): string => {
    const day = exploration.dayAt(state);
    if (isTimeUp(day, exploration.horizon)) return 'time is up';
    const outcomes = model.outcomes.filter((_, o) => outcomeHolds(graph, state, o)).map((o) => o.id);
    return lumped
      ? outcomes.length
        ? outcomes.join(', ')
        : 'no outcome'
      : `s${state} day ${day}${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
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
  // A cut search drew only part of the graph: the file itself says so, where a reader will see it.
  const cut = graph.exhaustive
    ? null
    : `partial: the search ${graph.stopped ? 'was stopped' : 'was cut'} after ${plural(graph.keys.length, 'state')} (${graph.expanded} expanded); states beyond them are not drawn`;
  if (format === 'mermaid') {
    lines.push('flowchart LR');
    if (cut) lines.push(`  %% ${cut}`);
    labels.forEach((_, node) => lines.push(`  n${node}[${quote(nodeLabel(node))}]`));
    for (const [key, moves] of edges) {
      const [from, to] = ends(key);
      lines.push(`  n${from} -->|${quote(edgeLabel(moves))}| n${to}`);
    }
  } else {
    lines.push(
      'digraph joint {',
      '  rankdir=LR;',
      '  node [shape=box, style=rounded, fontname="Helvetica"];',
      '  edge [fontname="Helvetica", fontsize=10];',
    );
    if (cut) lines.push(`  // ${cut}`, `  label=${quote(cut)};`);
    labels.forEach((_, node) =>
      lines.push(`  n${node} [label=${quote(nodeLabel(node))}${node === start ? ', penwidth=2' : ''}];`),
    );
    for (const [key, moves] of edges) {
      const [from, to] = ends(key);
      lines.push(`  n${from} -> n${to} [label=${quote(edgeLabel(moves))}];`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}
