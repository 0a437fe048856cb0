import type { ComponentOrder } from './components.js';
import { outcomeHolds, type StateGraph } from './state-graph.js';

/** Components up to this size are solved exactly by Gaussian elimination; larger ones by sweeps. */
const DIRECT_LIMIT = 160;
/** Sweeps within a large cyclic component stop when no value moves by more than this. */
const TOLERANCE = 1e-15;
const MAX_SWEEPS = 100_000;

/**
 * Returns, for every state and each outcome listed, the probability of reaching a state where the
 * outcome holds within the horizon, under the weighted choice of moves (see `getMoves`), as an
 * interleaved array: the value of state s for `outcomes[k]` is at `s * outcomes.length + k`.
 *
 * Computed component by component, successors first: a state outside any cycle from its
 * successors' values; a cycle of up to 160 states exactly, by Gaussian elimination with partial
 * pivoting; a larger one by Gauss–Seidel sweeps from 0, which converge to the least solution, the
 * reachability probability. States never expanded (a search cut short) count as `frontierValue`:
 * 0 for a lower bound, 1 for an upper bound. Pure. Outcomes are solved together so that each
 * pass over the graph's memory serves all of them. `weights` (per move index) replaces the
 * model's rates: the graph does not depend on them, so other likelihoods need no new search.
 */
export function getReachProbabilities(
  graph: StateGraph,
  components: ComponentOrder,
  outcomes: readonly number[],
  frontierValue: 0 | 1,
  weights: Float64Array = graph.compiled.rates,
): Float64Array {
  const { expanded } = graph;
  const n = graph.keys.length;
  const K = outcomes.length;
  const p = new Float64Array(n * K);
  const fixed = new Uint8Array(n * K);
  for (let s = 0; s < n; s++) {
    for (let k = 0; k < K; k++) {
      if (outcomeHolds(graph, s, outcomes[k] as number)) {
        fixed[s * K + k] = 1;
        p[s * K + k] = 1;
      } else if (s >= expanded) {
        fixed[s * K + k] = 1;
        p[s * K + k] = frontierValue;
      }
    }
  }
  const context: SolveContext = {
    graph,
    weights,
    K,
    p,
    fixed,
    local: new Int32Array(n).fill(-1),
    sums: new Float64Array(K),
  };
  const { order, componentStart } = components;
  for (let c = 0; c + 1 < componentStart.length; c++) {
    const from = componentStart[c] as number;
    const to = componentStart[c + 1] as number;
    if (to - from === 1) solveSingle(context, order[from] as number);
    else {
      const states = order.slice(from, to);
      if (to - from > DIRECT_LIMIT) solveBySweeps(context, states);
      else for (let k = 0; k < K; k++) solveDirect(context, states, k);
    }
  }
  return p;
}

interface SolveContext {
  readonly graph: StateGraph;
  readonly weights: Float64Array;
  readonly K: number;
  readonly p: Float64Array;
  readonly fixed: Uint8Array;
  /** Scratch: a state's position within the component being solved, -1 elsewhere. */
  readonly local: Int32Array;
  readonly sums: Float64Array;
}

/** A state in no cycle: its value is the weighted mean of its successors', already known. */
function solveSingle({ graph, weights, K, p, fixed, sums }: SolveContext, s: number): void {
  const { edgeStart, edgeTargets, edgeMoves } = graph;
  sums.fill(0);
  let total = 0;
  for (let e = edgeStart[s] as number, end = edgeStart[s + 1] as number; e < end; e++) {
    const w = weights[edgeMoves[e] as number] as number;
    const t = (edgeTargets[e] as number) * K;
    total += w;
    for (let k = 0; k < K; k++) sums[k] = (sums[k] as number) + w * (p[t + k] as number);
  }
  for (let k = 0; k < K; k++) {
    if (!fixed[s * K + k]) p[s * K + k] = total > 0 ? (sums[k] as number) / total : 0;
  }
}

/**
 * Solves one outcome on a small component exactly: for each unknown state s,
 * p[s] - sum over moves to unknown t of (w/W) p[t] = sum over other moves of (w/W) p[t].
 * Unknown states all reach a fixed state or leave the component (it is strongly connected), so
 * the system is regular whenever the component has any way out; without one, every value is 0.
 */
function solveDirect({ graph, weights, K, p, fixed, local }: SolveContext, states: Int32Array, k: number): void {
  const { edgeStart, edgeTargets, edgeMoves } = graph;
  const unknown = states.filter((s) => !fixed[s * K + k]);
  const m = unknown.length;
  if (m === 0) return;
  for (let r = 0; r < m; r++) local[unknown[r] as number] = r;
  const w = m + 1;
  const a = new Float64Array(m * w);
  let anyWayOut = false;
  for (let r = 0; r < m; r++) {
    const s = unknown[r] as number;
    let total = 0;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++)
      total += weights[edgeMoves[e] as number] as number;
    a[r * w + r] = 1;
    if (total === 0) continue;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
      const t = edgeTargets[e] as number;
      const share = (weights[edgeMoves[e] as number] as number) / total;
      // Only this component's unknown states have a local index; any other target is solved
      // already (successors come first) or fixed.
      const col = local[t] as number;
      if (col >= 0) a[r * w + col] = (a[r * w + col] as number) - share;
      else {
        a[r * w + m] = (a[r * w + m] as number) + share * (p[t * K + k] as number);
        anyWayOut = true;
      }
    }
  }
  for (const s of unknown) local[s] = -1;
  if (!anyWayOut) {
    for (const s of unknown) p[s * K + k] = 0;
    return;
  }
  gaussianSolve(a, m);
  for (let r = 0; r < m; r++) p[(unknown[r] as number) * K + k] = Math.min(1, Math.max(0, a[r * w + m] as number));
}

/** Solves the augmented m x (m+1) system in place by Gauss–Jordan elimination with partial pivoting. */
function gaussianSolve(a: Float64Array, m: number): void {
  const w = m + 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++)
      if (Math.abs(a[r * w + col] as number) > Math.abs(a[pivot * w + col] as number)) pivot = r;
    if (pivot !== col) {
      for (let k = col; k < w; k++) {
        const tmp = a[col * w + k] as number;
        a[col * w + k] = a[pivot * w + k] as number;
        a[pivot * w + k] = tmp;
      }
    }
    const d = a[col * w + col] as number;
    if (d === 0) continue;
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = (a[r * w + col] as number) / d;
      if (f === 0) continue;
      for (let k = col; k < w; k++) a[r * w + k] = (a[r * w + k] as number) - f * (a[col * w + k] as number);
    }
  }
  for (let r = 0; r < m; r++) {
    const d = a[r * w + r] as number;
    a[r * w + m] = d === 0 ? 0 : (a[r * w + m] as number) / d;
  }
}

/**
 * Gauss–Seidel on a large component, all outcomes. The component is first copied into compact
 * local rows (each state's moves within the component, with their shares, and per outcome the
 * constant contribution of its other moves), so that sweeps read contiguous memory. Rows are swept
 * latest-discovered first: breadth-first order roughly follows the flow of the negotiation, so
 * values travel back from where outcomes are reached to earlier states within one sweep.
 */
function solveBySweeps({ graph, weights, K, p, fixed, local }: SolveContext, component: Int32Array): void {
  const { edgeStart, edgeTargets, edgeMoves } = graph;
  const states = component.sort().reverse();
  const m = states.length;
  let edges = 0;
  for (let r = 0; r < m; r++) {
    const s = states[r] as number;
    local[s] = r;
    edges += (edgeStart[s + 1] as number) - (edgeStart[s] as number);
  }
  const rowStart = new Int32Array(m + 1);
  const constant = new Float64Array(m * K);
  const col = new Int32Array(edges);
  const share = new Float64Array(edges);
  let next = 0;
  for (let r = 0; r < m; r++) {
    const s = states[r] as number;
    let total = 0;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++)
      total += weights[edgeMoves[e] as number] as number;
    rowStart[r] = next;
    if (total === 0) continue;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
      const t = edgeTargets[e] as number;
      const w = (weights[edgeMoves[e] as number] as number) / total;
      const c = local[t] as number;
      if (c >= 0) {
        col[next] = c;
        share[next] = w;
        next++;
      } else {
        for (let k = 0; k < K; k++)
          constant[r * K + k] = (constant[r * K + k] as number) + w * (p[t * K + k] as number);
      }
    }
  }
  rowStart[m] = next;
  for (let r = 0; r < m; r++) local[states[r] as number] = -1;

  const x = new Float64Array(m);
  const isFixed = new Uint8Array(m);
  for (let k = 0; k < K; k++) {
    for (let r = 0; r < m; r++) {
      const s = states[r] as number;
      isFixed[r] = fixed[s * K + k] as number;
      x[r] = isFixed[r] ? (p[s * K + k] as number) : 0;
    }
    for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      let change = 0;
      for (let r = 0; r < m; r++) {
        if (isFixed[r]) continue;
        let v = constant[r * K + k] as number;
        for (let i = rowStart[r] as number, end = rowStart[r + 1] as number; i < end; i++)
          v += (share[i] as number) * (x[col[i] as number] as number);
        const d = v - (x[r] as number);
        if (d > change) change = d;
        else if (-d > change) change = -d;
        x[r] = v;
      }
      if (change <= TOLERANCE) break;
    }
    for (let r = 0; r < m; r++) p[(states[r] as number) * K + k] = x[r] as number;
  }
}
