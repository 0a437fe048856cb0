import type { DayEnds } from './day-ends.js';
import { getPoissonWeights } from './poisson-weights.js';
import type { StateGraph } from './state-graph.js';

/** A path from the start: its moves (move numbers) and the states it goes through (one more than the moves). */
export interface GraphPath {
  readonly moves: readonly number[];
  readonly states: readonly number[];
}

/** A path from the start to a state where the target holds, with its exact probability. */
export interface LikeliestPath extends GraphPath {
  /** The probability that the chain takes exactly these moves, in this order (see `getPathProbability`). */
  readonly probability: number;
}

/** The error allowed in the Poisson sum of one day of a path: far below any probability printed. */
const EPSILON = 1e-13;

/** Events in one day beyond this many are weighed as this many (see `findLikeliestPath`). */
const MAX_EVENTS_A_DAY = 4;

/**
 * Finds a most probable path from the start (state 0) to a state where `isTarget` holds, going on
 * only from states that `pass` (the start included), by Dijkstra's algorithm on -log of each
 * move's probability in the calendar chain, over (state, events so far that day). A day's jumps
 * are weighed as a Poisson number at the current state's total rate R: the j-th event of a day is
 * event e with probability (λe / R) P(N >= j) / P(N >= j - 1), and the day ends after j events with
 * probability P(N = j) / P(N >= j), N ~ Poisson(R) (then its urgent events and the day's passing
 * follow for certain). That is a path's exact probability where every state of a day has the same
 * total rate, and ranks paths by an approximation elsewhere; the probability reported is the exact
 * one of the path found (`getPathProbability`). Pure; O((n + m) k log(n k)), k = 5.
 */
export function findLikeliestPath(
  graph: StateGraph,
  dayEnds: DayEnds,
  isTarget: (state: number) => boolean,
  pass: (state: number) => boolean = () => true,
  rates: Float64Array = graph.compiled.rates,
): LikeliestPath | null {
  const n = graph.keys.length;
  if (n === 0) return null;
  if (isTarget(0)) return { moves: [], states: [0], probability: 1 };
  const { edgeStart, edgeTargets, edgeMoves, expanded } = graph;
  const { dayMove } = graph.compiled;
  const K = MAX_EVENTS_A_DAY + 1;
  // Node s * K + j: state s after j events that day.
  const dist = new Float64Array(n * K).fill(Infinity);
  // How each node was reached: the edge of an event, or (edge -1) the day's end of the node before.
  const viaEdge = new Int32Array(n * K).fill(-1);
  const viaNode = new Int32Array(n * K).fill(-1);
  const heap = new MinHeap();
  dist[0] = 0;
  heap.push(0, 0);
  // A target met among the urgent events of a day's end: the node whose day ends, and where.
  let best = { cost: Infinity, from: -1, at: -1 };
  let found = -1;
  while (heap.size > 0) {
    const [cost, node] = heap.pop();
    if (cost > (dist[node] as number)) continue;
    if (cost >= best.cost) break;
    const s = Math.floor(node / K);
    const j = node % K;
    if (node !== 0 && isTarget(s)) {
      found = node;
      break;
    }
    if (s >= expanded || !pass(s)) continue;
    const total = getRacingRate(graph, s, rates);
    const relax = (to: number, c: number, edge: number) => {
      if (c >= (dist[to] as number)) return;
      dist[to] = c;
      viaEdge[to] = edge;
      viaNode[to] = node;
      heap.push(c, to);
    };
    if (total > 0) {
      const another = logPoissonTail(total, j + 1) - logPoissonTail(total, j);
      const after = Math.min(j + 1, MAX_EVENTS_A_DAY);
      for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
        const move = edgeMoves[e] as number;
        const rate = move === dayMove ? 0 : (rates[move] as number);
        if (rate > 0) relax((edgeTargets[e] as number) * K + after, cost - Math.log(rate / total) - another, e);
      }
    }
    const next = dayEnds.nextDayStart[s] as number;
    if (next === -2 || next === -1) continue;
    // No more events that day: P(N = j) / P(N >= j).
    const atEnd = total > 0 ? cost - (-total + j * Math.log(total) - logFactorial(j) - logPoissonTail(total, j)) : cost;
    const cascade = firstTargetInCascade(dayEnds, s, isTarget);
    if (cascade >= 0) {
      if (atEnd < best.cost) best = { cost: atEnd, from: node, at: cascade };
    } else relax(next * K, atEnd, -1);
  }
  if (found < 0 && best.from < 0) return null;
  // Back from where the target was met: each step an event's edge or a state's whole day's end.
  const steps: { moves: number[]; states: number[] }[] = [];
  let node = found;
  if (found < 0) {
    steps.push(getDayEnd(dayEnds, Math.floor(best.from / K), best.at));
    node = best.from;
  }
  while (node > 0) {
    const edge = viaEdge[node] as number;
    const from = viaNode[node] as number;
    steps.push(
      edge >= 0
        ? { moves: [graph.edgeMoves[edge] as number], states: [Math.floor(node / K)] }
        : getDayEnd(dayEnds, Math.floor(from / K), -1),
    );
    node = from;
  }
  steps.reverse();
  const path = { moves: steps.flatMap((t) => t.moves), states: [0, ...steps.flatMap((t) => t.states)] };
  return { ...path, probability: getPathProbability(graph, dayEnds, path, rates) };
}

/** log P(N >= j) for N ~ Poisson(rate): 0 for j = 0; summed from the tail, so that it stays exact where it is tiny. */
export function logPoissonTail(rate: number, j: number): number {
  if (j <= 0) return 0;
  // e^-R sum_{i >= j} R^i / i!, factored as e^-R R^j / j! (1 + R/(j+1) + R^2/((j+1)(j+2)) + ...).
  let term = 1;
  let sum = 1;
  for (let i = j + 1; term > 1e-17 * sum && i < j + 10_000; i++) {
    term *= rate / i;
    sum += term;
  }
  return -rate + j * Math.log(rate) - logFactorial(j) + Math.log(sum);
}

function logFactorial(j: number): number {
  let value = 0;
  for (let i = 2; i <= j; i++) value += Math.log(i);
  return value;
}

/**
 * The exact probability that the calendar chain takes exactly these moves, in this order. A day's
 * events race along the path within the day, with the chance that they do so in that order (and,
 * but on the path's last day, that nothing more happens before the day ends): an entry of the
 * exponential of the path's bidiagonal generator (each state's total rate -R on the diagonal, the
 * move's rate above it), by uniformisation. Urgent events just before a day passes may have raced
 * within the day or come at its end: every split the day-end rule allows is counted. A path that
 * ends on an event ends when that event happens. Pure.
 */
export function getPathProbability(
  graph: StateGraph,
  dayEnds: DayEnds,
  path: GraphPath,
  rates: Float64Array = graph.compiled.rates,
): number {
  const { moves, states } = path;
  const dayMove = graph.compiled.dayMove;
  // Where the day's end can begin: from p on, every move is the one the day-end rule takes.
  const endsFrom = (first: number, end: number): number[] => {
    const splits: number[] = [];
    for (let p = end; p >= first; p--) {
      if (p < end && dayEnds.endMove[states[p] as number] !== moves[p]) break;
      splits.push(p);
    }
    return splits;
  };
  const raced = (first: number, last: number, absorbed: boolean) =>
    getDayProbability(
      graph,
      states.slice(first, last + 1).map((state, i) => ({ state, rate: rates[moves[first + i] as number] ?? 0 })),
      rates,
      absorbed,
    );
  let probability = 1;
  let first = 0;
  for (let d = 0; d < moves.length; d++) {
    if (moves[d] !== dayMove) continue;
    // Day passes at d: the day's end began at some p <= d, the events before p raced within the day.
    let day = 0;
    for (const p of endsFrom(first, d + 1)) if (p <= d) day += raced(first, p, false);
    probability *= day;
    first = d + 1;
  }
  if (first < moves.length) {
    // The last day: the path ends on an event within the day, or amid its day's end.
    let day = raced(first, moves.length, true);
    for (const p of endsFrom(first, moves.length)) if (p < moves.length) day += raced(first, p, false);
    probability *= day;
  }
  return probability;
}

/**
 * The chance that, from the start of a day in `day[0]`, the events race along `day` in order
 * within the day: reaching its last state by the day's end (`absorbed`) or being in it when the
 * day ends.
 */
function getDayProbability(
  graph: StateGraph,
  day: readonly { state: number; rate: number }[],
  rates: Float64Array,
  absorbed: boolean,
): number {
  const k = day.length - 1;
  const totals = day.map((d, i) => (absorbed && i === k ? 0 : getRacingRate(graph, d.state, rates)));
  const q = Math.max(0, ...totals);
  if (q === 0) return k === 0 ? 1 : 0;
  const poisson = getPoissonWeights(q, EPSILON);
  // v P^j for P = I + B/q, B the path's bidiagonal generator; row 0 of exp(B) is the weighted sum.
  let v = new Float64Array(k + 1);
  v[0] = 1;
  let entry = 0;
  const last = poisson.left + poisson.weights.length;
  for (let j = 0; j < last; j++) {
    if (j >= poisson.left) entry += (poisson.weights[j - poisson.left] as number) * (v[k] as number);
    const next = new Float64Array(k + 1);
    for (let i = 0; i <= k; i++) {
      const mass = v[i] as number;
      if (mass === 0) continue;
      next[i] = (next[i] as number) + mass * (1 - (totals[i] as number) / q);
      if (i < k) next[i + 1] = (next[i + 1] as number) + (mass * (day[i] as { rate: number }).rate) / q;
    }
    v = next;
  }
  return entry;
}

/** The total rate at which the events possible in a state race within the day (the day passing is not one of them). */
export function getRacingRate(graph: StateGraph, state: number, rates: Float64Array): number {
  if (state >= graph.expanded) return 0;
  let total = 0;
  for (let e = graph.edgeStart[state] as number; e < (graph.edgeStart[state + 1] as number); e++) {
    const move = graph.edgeMoves[e] as number;
    if (move !== graph.compiled.dayMove) total += rates[move] as number;
  }
  return total;
}

/** The index in the cascade of a state's day's end of the first state where the target holds, or -1. */
function firstTargetInCascade(dayEnds: DayEnds, s: number, isTarget: (state: number) => boolean): number {
  for (let c = dayEnds.cascadeStart[s] as number; c < (dayEnds.cascadeStart[s + 1] as number); c++)
    if (isTarget(dayEnds.cascadeStates[c] as number)) return c - (dayEnds.cascadeStart[s] as number);
  return -1;
}

/** A state's day's end as a step of a path: its urgent events and the day passing, or (`upTo` >= 0) those up to that cascade state. */
function getDayEnd(dayEnds: DayEnds, s: number, upTo: number): { moves: number[]; states: number[] } {
  const moves: number[] = [];
  const states: number[] = [];
  const first = dayEnds.cascadeStart[s] as number;
  const count = (dayEnds.cascadeStart[s + 1] as number) - first;
  let from = s;
  for (let c = 0; c <= (upTo >= 0 ? upTo : count); c++) {
    const to = c < count ? (dayEnds.cascadeStates[first + c] as number) : (dayEnds.nextDayStart[s] as number);
    moves.push(dayEnds.endMove[from] as number);
    states.push(to);
    from = to;
  }
  return { moves, states };
}

/** A binary min-heap of (cost, state) pairs. */
class MinHeap {
  private readonly costs: number[] = [];
  private readonly states: number[] = [];

  get size(): number {
    return this.costs.length;
  }

  push(cost: number, state: number): void {
    const { costs, states } = this;
    let i = costs.length;
    costs.push(cost);
    states.push(state);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((costs[parent] as number) <= cost) break;
      costs[i] = costs[parent] as number;
      states[i] = states[parent] as number;
      i = parent;
    }
    costs[i] = cost;
    states[i] = state;
  }

  pop(): [number, number] {
    const { costs, states } = this;
    const top: [number, number] = [costs[0] as number, states[0] as number];
    const cost = costs.pop() as number;
    const state = states.pop() as number;
    if (costs.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= costs.length) break;
        const right = left + 1;
        const child = right < costs.length && (costs[right] as number) < (costs[left] as number) ? right : left;
        if ((costs[child] as number) >= cost) break;
        costs[i] = costs[child] as number;
        states[i] = states[child] as number;
        i = child;
      }
      costs[i] = cost;
      states[i] = state;
    }
    return top;
  }
}
