import type { CompiledModel } from '../compile/compiled-model.js';
import { getHoldingOutcomes } from '../engine/outcomes.js';
import type { StateGraph } from '../explore/state-graph.js';
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
  const labelOf = (state: number): string => {
    const { joint } = compiled.decode(graph.keys[state] as number);
    if (joint.day > compiled.horizon.endDay) return 'time is up';
    const outcomes = getHoldingOutcomes(model, joint);
    return lumped ? (outcomes.length ? outcomes.join(', ') : 'no outcome') : `s${state} day ${joint.day}${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
  };
  const nodeOf = new Map<number, string>();
  const nodes = new Map<string, string>();
  for (let s = 0; s < n; s++) {
    const label = labelOf(s);
    const id = lumped ? label : `s${s}`;
    nodeOf.set(s, id);
    if (!nodes.has(id)) nodes.set(id, label);
  }
  const edges = new Map<string, Set<string>>();
  for (let s = 0; s < graph.expanded; s++) {
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const from = nodeOf.get(s) as string;
      const to = nodeOf.get(graph.edgeTargets[e] as number) as string;
      if (lumped && from === to) continue;
      const key = `${from}\u0000${to}`;
      const events = edges.get(key) ?? new Set<string>();
      events.add(compiled.moveAt(graph.edgeMoves[e] as number));
      edges.set(key, events);
    }
  }
  const start = nodeOf.get(0) as string;
  const lines: string[] = [];
  const ids = new Map([...nodes.keys()].map((id, i) => [id, `n${i}`]));
  const edgeLabel = (events: Set<string>) => {
    const list = [...events];
    return list.length > 4 ? `${list.slice(0, 4).join(', ')} and ${list.length - 4} more` : list.join(', ');
  };
  if (format === 'mermaid') {
    lines.push('flowchart LR');
    for (const [id, label] of nodes) lines.push(`  ${ids.get(id)}[${quote(id === start ? `start: ${label}` : label)}]`);
    for (const [key, events] of edges) {
      const [from, to] = key.split('\u0000') as [string, string];
      lines.push(`  ${ids.get(from)} -->|${quote(edgeLabel(events))}| ${ids.get(to)}`);
    }
  } else {
    lines.push('digraph joint {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica", fontsize=10];');
    for (const [id, label] of nodes) lines.push(`  ${ids.get(id)} [label=${quote(id === start ? `start: ${label}` : label)}${id === start ? ', penwidth=2' : ''}];`);
    for (const [key, events] of edges) {
      const [from, to] = key.split('\u0000') as [string, string];
      lines.push(`  ${ids.get(from)} -> ${ids.get(to)} [label=${quote(edgeLabel(events))}];`);
    }
    lines.push('}');
  }
  return `${lines.join('\n')}\n`;
}
