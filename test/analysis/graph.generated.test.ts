import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, generateParallelScenario, loadGenerated } from '../../bench/generated-models.js';
import { getHoldingOutcomes } from '../../src/engine/outcomes.js';
import type { JointState } from '../../src/engine/joint-state.js';
import { getMoves } from '../../src/engine/moves.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import { getHorizon } from '../../src/engine/horizon.js';
import type { Model } from '../../src/model/model.js';
import { exploreFrom } from '../../src/explore/exploration.js';
import { renderJointGraph, renderStatecharts, type GraphFormat } from '../../src/report/graph-export.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';

/**
 * The graph exports on generated models: the text is parsed back and compared with the scenario
 * data it was drawn from (statecharts) or with a breadth-first search of the reference semantics,
 * `getMoves` (the joint graph).
 */

const FORMATS: readonly GraphFormat[] = ['mermaid', 'dot'];
/** A JSON string literal, as both formats quote names and labels. */
const STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const unquote = (text: string) => JSON.parse(text) as string;

// ---------------------------------------------------------------------------------------------
// Statecharts

/** One transition as the scenario file writes it: its stance, event, target and whether a guard decides. */
interface Transition {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly guarded: boolean;
}
interface PartySpec {
  readonly id: string;
  readonly name: string;
  readonly initial: string;
  readonly stances: readonly string[];
  readonly transitions: readonly Transition[];
}

/** Stance and party ids that differ only in `-` vs `_`, or in where a double underscore falls, or that name a stance `start`. */
const AWKWARD_STANCES = ['flexible-a', 'flexible_a', 'start', 'hold', 'hold__out', 'out', 'b__c', 'c', 'x-y', 'x_y'];
const AWKWARD_PARTIES = ['p', 'p-a', 'p_a', 'a', 'a__b', 'p__hold', 'q'];
const PLAIN_STANCES = ['s0', 's1', 's2', 's3', 's4', 'firm', 'soft'];
const PLAIN_PARTIES = ['p0', 'p1', 'p2', 'p3', 'kyiv', 'moscow'];

/**
 * Random statecharts: 1-4 parties of 1-5 stances with ids drawn from the pools, up to 4 events,
 * each stance reacting to an event with nothing, a target, or a guarded target and a default.
 */
function arbitraryStatecharts(
  partyPool: readonly string[],
  stancePool: readonly string[],
): fc.Arbitrary<{ data: Record<string, unknown>; parties: PartySpec[] }> {
  return fc
    .record({
      partyIds: fc.uniqueArray(fc.constantFrom(...partyPool), { minLength: 1, maxLength: 4 }),
      stanceIds: fc.array(fc.uniqueArray(fc.constantFrom(...stancePool), { minLength: 1, maxLength: 5 }), {
        minLength: 4,
        maxLength: 4,
      }),
      events: fc.integer({ min: 1, max: 4 }),
      choices: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
    })
    .map(({ partyIds, stanceIds, events, choices }) => {
      let cursor = 0;
      const pick = (n: number) => (choices[cursor++ % choices.length] as number) % n;
      const eventIds = Array.from({ length: events }, (_, e) => `e${e}`);
      const parties: PartySpec[] = partyIds.map((id, p) => {
        const stances = stanceIds[p] as string[];
        const transitions: Transition[] = [];
        for (const from of stances) {
          for (const event of eventIds) {
            const roll = pick(4);
            if (roll === 0) continue;
            if (roll === 3 && partyIds.length > 1) {
              transitions.push({ from, event, to: stances[pick(stances.length)] as string, guarded: true });
              transitions.push({ from, event, to: stances[pick(stances.length)] as string, guarded: false });
            } else transitions.push({ from, event, to: stances[pick(stances.length)] as string, guarded: false });
          }
        }
        return { id, name: `Party ${p}`, initial: stances[pick(stances.length)] as string, stances, transitions };
      });
      const partyData: Record<string, unknown> = {};
      parties.forEach((party, p) => {
        const other = parties[(p + 1) % parties.length] as PartySpec;
        const stanceData: Record<string, unknown> = {};
        for (const stance of party.stances) {
          const on: Record<string, unknown> = {};
          for (const event of eventIds) {
            const ts = party.transitions.filter((t) => t.from === stance && t.event === event);
            if (ts.length === 1) on[event] = (ts[0] as Transition).to;
            else if (ts.length === 2)
              on[event] = [
                { to: (ts[0] as Transition).to, when: { stance: { [other.id]: other.stances[0] } } },
                (ts[1] as Transition).to,
              ];
          }
          stanceData[stance] = { defines: `${party.id} ${stance}`, cites: ['P1'], on };
        }
        partyData[party.id] = { name: party.name, cites: ['P1'], initial: party.initial, stances: stanceData };
      });
      const eventData: Record<string, unknown> = {
        start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
      };
      for (const e of eventIds)
        eventData[e] = { kind: 'hypothetical', likelihood: 0.5, summary: e, cites: ['P1'], quote: 'q' };
      const data = {
        parley: 1,
        title: 'statecharts',
        source: { title: 't', paragraphs: ['P1'] },
        parties: partyData,
        events: eventData,
        outcomes: {},
        timeline: ['start'],
      };
      return { data, parties };
    });
}

/** A statechart drawing read back: per cluster, its label, its stance nodes (label to id), its initial edge and its labelled edges; and every node id declared. */
interface ParsedCluster {
  readonly id: string;
  label: string;
  readonly stances: Map<string, string>;
  readonly stanceIds: string[];
  readonly points: string[];
  readonly initial: string[];
  readonly edges: { from: string; to: string; label: string }[];
}
interface ParsedStatecharts {
  readonly clusters: ParsedCluster[];
  /** Every node id declared, in order, with repeats: a repeat is one node drawn for two things. */
  readonly declared: string[];
  readonly unparsed: string[];
}

function newCluster(id: string, label: string): ParsedCluster {
  return { id, label, stances: new Map(), stanceIds: [], points: [], initial: [], edges: [] };
}

function parseMermaidStatecharts(text: string): ParsedStatecharts {
  const clusters: ParsedCluster[] = [];
  const declared: string[] = [];
  const unparsed: string[] = [];
  let current: ParsedCluster | undefined;
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('stateDiagram-v2');
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^state (${STRING}) as (\\S+) \\{$`)))) {
      current = newCluster(m[2] as string, unquote(m[1] as string));
      clusters.push(current);
      declared.push(current.id);
    } else if ((m = line.match(new RegExp(`^state (${STRING}) as (\\S+)$`))) && current) {
      current.stances.set(unquote(m[1] as string), m[2] as string);
      current.stanceIds.push(m[2] as string);
      declared.push(m[2] as string);
    } else if ((m = line.match(/^\[\*\] --> (\S+)$/)) && current) current.initial.push(m[1] as string);
    else if ((m = line.match(/^(\S+) --> (\S+): (.*)$/)) && current)
      current.edges.push({ from: m[1] as string, to: m[2] as string, label: m[3] as string });
    else if (line === '}') current = undefined;
    else unparsed.push(line);
  }
  return { clusters, declared, unparsed };
}

/** Reads `key=value` pairs, values quoted or bare. */
function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const m of text.matchAll(new RegExp(`(\\w+)=(${STRING}|[^,\\s\\]]+)`, 'g'))) {
    const value = m[2] as string;
    attributes.set(m[1] as string, value.startsWith('"') ? unquote(value) : value);
  }
  return attributes;
}

/** A dot id: a quoted string or a bare identifier. */
const DOT_ID = `${STRING}|[A-Za-z_][A-Za-z0-9_]*`;
const dotId = (text: string) => (text.startsWith('"') ? unquote(text) : text);

function parseDotStatecharts(text: string): ParsedStatecharts {
  const clusters: ParsedCluster[] = [];
  const declared: string[] = [];
  const unparsed: string[] = [];
  let current: ParsedCluster | undefined;
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('digraph statecharts {');
  expect(lines.at(-1)).toBe('}');
  for (const raw of lines.slice(1, -1)) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    if ((m = line.match(new RegExp(`^subgraph (${DOT_ID}) \\{$`)))) {
      current = newCluster(dotId(m[1] as string), '');
      clusters.push(current);
    } else if ((m = line.match(new RegExp(`^label=(${STRING});$`))) && current) current.label = unquote(m[1] as string);
    else if ((m = line.match(new RegExp(`^(${DOT_ID}) -> (${DOT_ID})(?: \\[(.*)\\])?;$`))) && current) {
      const label = parseAttributes(m[3] ?? '').get('label');
      const edge = { from: dotId(m[1] as string), to: dotId(m[2] as string) };
      if (label === undefined) current.initial.push(edge.to);
      else current.edges.push({ ...edge, label });
      if (label === undefined)
        expect(current.points, `the initial edge leaves the start point: ${line}`).toContain(edge.from);
    } else if ((m = line.match(new RegExp(`^(${DOT_ID}) \\[(.*)\\];$`))) && current) {
      const id = dotId(m[1] as string);
      const attributes = parseAttributes(m[2] as string);
      declared.push(id);
      if (attributes.get('shape') === 'point') current.points.push(id);
      else {
        current.stances.set(attributes.get('label') as string, id);
        current.stanceIds.push(id);
      }
    } else if (line === '}') current = undefined;
    else if (!/^(rankdir=|node \[|edge \[)/.test(line)) unparsed.push(line);
  }
  return { clusters, declared, unparsed };
}

/** Checks a drawing against the scenario data: a node per stance, ids unique, the initial stance, an edge per transition. */
function checkStatecharts(format: GraphFormat, text: string, parties: readonly PartySpec[]): void {
  const parsed = format === 'mermaid' ? parseMermaidStatecharts(text) : parseDotStatecharts(text);
  expect(parsed.unparsed, 'every line is read').toEqual([]);
  expect(parsed.clusters.map((c) => c.label)).toEqual(parties.map((p) => p.name));
  // Distinct things (parties, stances, start points) get distinct node ids, across the whole drawing.
  const repeated = parsed.declared.filter((id, i) => parsed.declared.indexOf(id) !== i);
  expect(repeated, `node ids declared more than once in\n${text}`).toEqual([]);
  if (format === 'mermaid') for (const id of parsed.declared) expect(id, 'a Mermaid id').toMatch(/^[A-Za-z0-9_]+$/);
  parties.forEach((party, p) => {
    const cluster = parsed.clusters[p] as ParsedCluster;
    // One node per stance, labelled with the stance's id.
    expect(cluster.stanceIds, party.id).toHaveLength(party.stances.length);
    expect([...cluster.stances.keys()].sort(), party.id).toEqual([...party.stances].sort());
    const stanceOf = new Map([...cluster.stances].map(([stance, id]) => [id, stance]));
    expect(
      cluster.initial.map((id) => stanceOf.get(id)),
      `${party.id} initial`,
    ).toEqual([party.initial]);
    // One edge per transition, from and to the right stances, labelled with its event.
    const drawn = cluster.edges.map((e) => `${stanceOf.get(e.from)} -> ${stanceOf.get(e.to)}: ${e.label}`).sort();
    const expected = party.transitions
      .map((t) => `${t.from} -> ${t.to}: ${t.event}${t.guarded ? ' [guarded]' : ''}`)
      .sort();
    expect(drawn, party.id).toEqual(expected);
  });
}

const statechartsOf = (data: Record<string, unknown>) => loadGenerated(data);

describe('statecharts of generated models', () => {
  it('draw one node per stance and one edge per transition, in Mermaid and dot (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryStatecharts(PLAIN_PARTIES, PLAIN_STANCES), ({ data, parties }) => {
        const model = statechartsOf(data);
        for (const format of FORMATS) checkStatecharts(format, renderStatecharts(model, format), parties);
      }),
      { numRuns: 150, seed: 5501 },
    );
  });

  it('give distinct stances distinct nodes whatever their ids: `-` vs `_`, double underscores, a stance named start (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryStatecharts(AWKWARD_PARTIES, AWKWARD_STANCES), ({ data, parties }) => {
        const model = statechartsOf(data);
        for (const format of FORMATS) checkStatecharts(format, renderStatecharts(model, format), parties);
      }),
      { numRuns: 150, seed: 5502 },
    );
  });

  /** A one-party (or two-party) scenario with these stances, each moving to the next on `go`. */
  function chain(parties: Record<string, readonly string[]>): { data: Record<string, unknown>; parties: PartySpec[] } {
    const specs: PartySpec[] = Object.entries(parties).map(([id, stances], p) => ({
      id,
      name: `Party ${p}`,
      initial: stances[0] as string,
      stances,
      transitions: stances
        .slice(0, -1)
        .map((from, i) => ({ from, event: 'go', to: stances[i + 1] as string, guarded: false })),
    }));
    const partyData = Object.fromEntries(
      specs.map((s) => [
        s.id,
        {
          name: s.name,
          cites: ['P1'],
          initial: s.initial,
          stances: Object.fromEntries(
            s.stances.map((st) => [
              st,
              {
                defines: st,
                cites: ['P1'],
                on: Object.fromEntries(s.transitions.filter((t) => t.from === st).map((t) => [t.event, t.to])),
              },
            ]),
          ),
        },
      ]),
    );
    return {
      data: {
        parley: 1,
        title: 'chain',
        source: { title: 't', paragraphs: ['P1'] },
        parties: partyData,
        events: {
          start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
          go: { kind: 'hypothetical', likelihood: 0.5, summary: 'go', cites: ['P1'], quote: 'q' },
        },
        outcomes: {},
        timeline: ['start'],
      },
      parties: specs,
    };
  }

  it.each(FORMATS)('keep stances `flexible-a` and `flexible_a` apart (%s)', (format) => {
    const { data, parties } = chain({ p: ['flexible-a', 'flexible_a'] });
    checkStatecharts(format, renderStatecharts(statechartsOf(data), format), parties);
  });

  it.each(FORMATS)('keep parties `p-a` and `p_a` apart (%s)', (format) => {
    const { data, parties } = chain({ 'p-a': ['s0', 's1'], p_a: ['s0', 's1'] });
    checkStatecharts(format, renderStatecharts(statechartsOf(data), format), parties);
  });

  it.each(FORMATS)('keep party `a` stance `b__c` apart from party `a__b` stance `c` (%s)', (format) => {
    const { data, parties } = chain({ a: ['b__c', 's1'], a__b: ['c', 's1'] });
    checkStatecharts(format, renderStatecharts(statechartsOf(data), format), parties);
  });

  it.each(FORMATS)('keep a stance named `start` apart from the initial point (%s)', (format) => {
    const { data, parties } = chain({ p: ['s0', 'start'] });
    checkStatecharts(format, renderStatecharts(statechartsOf(data), format), parties);
  });
});

// ---------------------------------------------------------------------------------------------
// The joint graph

const HORIZON_DAYS = 3;
const TIME_UP = 'time is up';

/** The reference: a breadth-first search with `getMoves`, moves in its order, every state after the last day one state. */
function referenceGraph(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const horizon = getHorizon(start.joint.day, { horizonDays: HORIZON_DAYS });
  const keyOf = (joint: JointState) => (joint.day > horizon.endDay ? TIME_UP : getJointStateKey(model, joint));
  const states: { key: string; joint: JointState }[] = [{ key: keyOf(start.joint), joint: start.joint }];
  const index = new Map([[states[0]?.key as string, 0]]);
  const edges: { from: number; to: number; move: string }[] = [];
  for (let i = 0; i < states.length; i++) {
    const { key, joint } = states[i] as { key: string; joint: JointState };
    if (key === TIME_UP) continue;
    for (const { move, next } of getMoves(model, joint, horizon)) {
      const nextKey = keyOf(next);
      let to = index.get(nextKey);
      if (to === undefined) {
        to = states.length;
        index.set(nextKey, to);
        states.push({ key: nextKey, joint: next });
      }
      edges.push({ from: i, to, move });
    }
  }
  const outcomes = (i: number) => {
    const holding = new Set<string>(getHoldingOutcomes(model, (states[i] as { joint: JointState }).joint));
    return model.outcomes.filter((o) => holding.has(o.id)).map((o) => o.id);
  };
  const isTimeUp = (i: number) => states[i]?.key === TIME_UP;
  return { start, states, edges, outcomes, isTimeUp };
}

function render(model: Model, format: GraphFormat, maxNodes: number) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const exploration = exploreFrom(model, start, { horizonDays: HORIZON_DAYS, maxStates: 200_000 });
  expect(exploration.graph.exhaustive).toBe(true);
  return renderJointGraph(exploration, format, maxNodes);
}

/** A joint graph drawing read back: nodes by id with their labels, the start node, and edges with the moves listed. */
function parseJointGraph(format: GraphFormat, text: string) {
  const nodes = new Map<string, string>();
  const edges: { from: string; to: string; label: string }[] = [];
  const unparsed: string[] = [];
  let start: string | undefined;
  const lines = text.trimEnd().split('\n');
  if (format === 'mermaid') expect(lines[0]).toBe('flowchart LR');
  else {
    expect(lines[0]).toBe('digraph joint {');
    expect(lines.at(-1)).toBe('}');
  }
  for (const raw of lines.slice(1, format === 'dot' ? -1 : undefined)) {
    const line = raw.trim();
    let m: RegExpMatchArray | null;
    const node =
      format === 'mermaid'
        ? line.match(new RegExp(`^(n\\d+)\\[(${STRING})\\]$`))
        : line.match(new RegExp(`^(n\\d+) \\[label=(${STRING})(, penwidth=2)?\\];$`));
    const edge =
      format === 'mermaid'
        ? line.match(new RegExp(`^(n\\d+) -->\\|(${STRING})\\| (n\\d+)$`))
        : line.match(new RegExp(`^(n\\d+) -> (n\\d+) \\[label=(${STRING})\\];$`));
    if ((m = node)) {
      expect(nodes.has(m[1] as string), `node ${m[1]} declared once`).toBe(false);
      let label = unquote(m[2] as string);
      if (label.startsWith('start: ')) {
        expect(start, 'one start node').toBeUndefined();
        start = m[1] as string;
        label = label.slice('start: '.length);
      }
      if (format === 'dot') expect(m[3] !== undefined, `only the start is bold: ${line}`).toBe(start === m[1]);
      nodes.set(m[1] as string, label);
    } else if ((m = edge)) {
      if (format === 'mermaid')
        edges.push({ from: m[1] as string, to: m[3] as string, label: unquote(m[2] as string) });
      else edges.push({ from: m[1] as string, to: m[2] as string, label: unquote(m[3] as string) });
    } else if (!(format === 'dot' && /^(rankdir=|node \[|edge \[)/.test(line))) unparsed.push(line);
  }
  expect(unparsed, 'every line is read').toEqual([]);
  for (const e of edges) {
    expect(nodes.has(e.from), `edge from a declared node: ${e.from}`).toBe(true);
    expect(nodes.has(e.to), `edge to a declared node: ${e.to}`).toBe(true);
  }
  const pairs = edges.map((e) => `${e.from} ${e.to}`);
  expect(new Set(pairs).size, 'one edge per pair of nodes').toBe(pairs.length);
  return { nodes, edges, start };
}

/** An edge label's moves: up to four named, then "and N more". */
function checkMoves(label: string, expected: readonly string[], what: string): void {
  const more = label.match(/^(.*) and (\d+) more$/);
  const listed = (more ? (more[1] as string) : label).split(', ');
  const count = listed.length + (more ? Number(more[2]) : 0);
  expect(count, `${what}: number of moves in "${label}"`).toBe(expected.length);
  expect(listed.length, what).toBe(Math.min(4, expected.length));
  for (const move of listed) expect(expected, `${what}: ${move}`).toContain(move);
}

/**
 * Renders the model's joint graph with maxNodes = its number of states (every state a node) and
 * one fewer (lumped), and compares both with the reference search. Returns the edge labels drawn.
 */
function checkJointGraph(model: Model, format: GraphFormat): { lumped: boolean; labels: string[] } {
  const ref = referenceGraph(model);
  const n = ref.states.length;

  // maxNodes = the number of states: every state is a node, numbered in breadth-first order.
  const full = parseJointGraph(format, render(model, format, n));
  expect(full.nodes.size).toBe(n);
  expect(full.start).toBe('n0');
  ref.states.forEach((_, i) => {
    const outcomes = ref.outcomes(i);
    const label = ref.isTimeUp(i)
      ? TIME_UP
      : `s${i} day ${ref.states[i]?.joint.day}${outcomes.length ? `: ${outcomes.join(', ')}` : ''}`;
    expect(full.nodes.get(`n${i}`), `state ${i}`).toBe(label);
  });
  const byPair = new Map<string, string[]>();
  for (const e of ref.edges) {
    const key = `n${e.from} n${e.to}`;
    byPair.set(key, [...(byPair.get(key) ?? []), e.move]);
  }
  expect(full.edges.map((e) => `${e.from} ${e.to}`).sort()).toEqual([...byPair.keys()].sort());
  for (const e of full.edges) checkMoves(e.label, byPair.get(`${e.from} ${e.to}`) ?? [], `${e.from} -> ${e.to}`);
  const labels = full.edges.map((e) => e.label);
  if (n < 2) return { lumped: false, labels };

  // One node fewer than the states: lumped by the outcomes holding (time up apart).
  const lumped = parseJointGraph(format, render(model, format, n - 1));
  const lumpOf = (i: number) => (ref.isTimeUp(i) ? TIME_UP : ref.outcomes(i).join(', ') || 'no outcome');
  const lumps = [...new Set(ref.states.map((_, i) => lumpOf(i)))];
  expect([...lumped.nodes.values()].sort()).toEqual(lumps.sort());
  expect(lumped.nodes.get(lumped.start as string)).toBe(lumpOf(0));
  const idOf = new Map([...lumped.nodes].map(([id, label]) => [label, id]));
  const lumpMoves = new Map<string, Set<string>>();
  for (const e of ref.edges) {
    const from = lumpOf(e.from);
    const to = lumpOf(e.to);
    if (from === to) continue;
    const key = `${idOf.get(from)} ${idOf.get(to)}`;
    lumpMoves.set(key, (lumpMoves.get(key) ?? new Set()).add(e.move));
  }
  expect(lumped.edges.map((e) => `${e.from} ${e.to}`).sort()).toEqual([...lumpMoves.keys()].sort());
  for (const e of lumped.edges)
    checkMoves(
      e.label,
      [...(lumpMoves.get(`${e.from} ${e.to}`) ?? [])],
      `${lumped.nodes.get(e.from)} -> ${lumped.nodes.get(e.to)}`,
    );
  return { lumped: true, labels: [...labels, ...lumped.edges.map((e) => e.label)] };
}

describe('the joint graph of generated models', () => {
  it('lists every explored state and move when small enough, and lumps by outcome otherwise (fast-check)', () => {
    let lumpedSeen = 0;
    fc.assert(
      fc.property(arbitraryModel, fc.constantFrom(...FORMATS), (model, format) => {
        if (checkJointGraph(model, format).lumped) lumpedSeen++;
      }),
      { numRuns: 60, seed: 5503 },
    );
    expect(lumpedSeen).toBeGreaterThan(30);
  });

  it.each(FORMATS)(
    'does the same on the benchmark generators at small sizes, edges with more than four moves included (%s)',
    (format) => {
      const labels: string[] = [];
      for (const data of [
        generateParallelScenario(2, 3),
        generateParallelScenario(3, 2),
        generateLargeScenario(3, 3),
      ]) {
        const result = checkJointGraph(loadGenerated(data), format);
        expect(result.lumped).toBe(true);
        labels.push(...result.labels);
      }
      expect(
        labels.some((l) => / and \d+ more$/.test(l)),
        'an edge label was cut after four moves',
      ).toBe(true);
    },
  );

  it('says in the file when the search was cut short, and only then (fast-check)', () => {
    let cutSeen = 0;
    fc.assert(
      fc.property(
        arbitraryModel,
        fc.constantFrom(...FORMATS),
        fc.integer({ min: 1, max: 30 }),
        (model, format, maxStates) => {
          const start = resolveStart(model, { kind: 'end' });
          if ('error' in start) throw new Error(start.error);
          const exploration = exploreFrom(model, start, { horizonDays: HORIZON_DAYS, maxStates });
          const { graph } = exploration;
          const lines = renderJointGraph(exploration, format, 1_000)
            .split('\n')
            .map((l) => l.trim());
          const comments = lines.filter((l) => l.startsWith(format === 'mermaid' ? '%%' : '//'));
          const graphLabel = lines.filter((l) => l.startsWith('label='));
          if (!graph.exhaustive) cutSeen++;
          expect(comments, 'a comment when the search was cut').toHaveLength(graph.exhaustive ? 0 : 1);
          if (format === 'dot')
            expect(graphLabel, 'the graph labelled when the search was cut').toHaveLength(graph.exhaustive ? 0 : 1);
          // Every state known is drawn, the frontier included.
          expect(lines.filter((l) => /^n\d+ ?\[/.test(l))).toHaveLength(graph.keys.length);
        },
      ),
      { numRuns: 60, seed: 5504 },
    );
    expect(cutSeen).toBeGreaterThan(10);
  });
});
