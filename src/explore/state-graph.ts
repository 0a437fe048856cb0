import type { CompiledModel } from '../compile/compiled-model.js';
import { decodeDigits } from '../compile/state-encoding.js';
import { Growable } from './growable.js';
import { KeyIndex } from './key-index.js';

/**
 * The joint states reachable from a start, as a graph in compressed sparse rows: state `i`'s moves
 * are `edgeTargets[edgeStart[i] .. edgeStart[i+1])`, with the move index of each in `edgeMoves`.
 * States are numbered in breadth-first order, so `parents` gives a shortest path to each.
 */
export interface StateGraph {
  readonly compiled: CompiledModel;
  readonly keys: Float64Array;
  readonly parents: Int32Array;
  readonly parentMoves: Uint16Array;
  readonly edgeStart: Int32Array;
  readonly edgeTargets: Int32Array;
  readonly edgeMoves: Uint16Array;
  /** States `[0, expanded)` had their moves computed; the rest are the unexplored frontier. */
  readonly expanded: number;
  readonly exhaustive: boolean;
  /** Per state, one bit per outcome (`outcomeWords` 32-bit words a state). */
  readonly outcomeMasks: Uint32Array;
  readonly outcomeWords: number;
}

export interface ExploreLimits {
  /** Stop expanding once this many states are known (a few more may be discovered by the last expansion). */
  readonly maxStates: number;
  /** Called now and then with the number of states known and expanded. */
  readonly onProgress?: (known: number, expanded: number) => void;
}

/** The number of states between two progress reports. */
const PROGRESS_EVERY = 65536;

/**
 * Explores breadth-first every joint state reachable from `startKey` within the compiled
 * horizon. Pure (apart from `onProgress`). Moves are taken in the order of `getMoves`, so the
 * first path found to a state is a shortest one, ties broken by that order. Cost: one expansion
 * per state; memory: about 50 bytes a state plus 6 bytes a transition.
 */
export function exploreStateGraph(compiled: CompiledModel, startKey: number, limits: ExploreLimits): StateGraph {
  const index = new KeyIndex();
  const keys = new Growable((n) => new Float64Array(n));
  const parents = new Growable((n) => new Int32Array(n));
  const parentMoves = new Growable((n) => new Uint16Array(n));
  const edgeStart = new Growable((n) => new Int32Array(n));
  const edgeTargets = new Growable((n) => new Int32Array(n));
  const edgeMoves = new Growable((n) => new Uint16Array(n));
  const outcomeWords = Math.max(1, Math.ceil(compiled.outcomes.length / 32));
  const masks = new Growable((n) => new Uint32Array(n));

  const digits = new Int32Array(compiled.encoding.size);
  const maxMoves = compiled.events.length + 1;
  const moveOut = new Int32Array(maxMoves);
  const keyOut = new Float64Array(maxMoves);

  const discover = (key: number, parent: number, move: number) => {
    const before = index.size;
    const i = index.add(key);
    if (i === before) {
      keys.push(key);
      parents.push(parent);
      parentMoves.push(move);
      decodeDigits(compiled.encoding, key, digits);
      // Outcomes count only within the horizon: the state where time is up reaches nothing new.
      if (compiled.isTimeUp(digits)) for (let w = 0; w < outcomeWords; w++) masks.push(0);
      else pushOutcomeMask(compiled, digits, masks, outcomeWords);
    }
    return i;
  };

  discover(startKey, -1, 0);
  let expanded = 0;
  while (expanded < index.size && index.size < limits.maxStates) {
    const key = keys.array[expanded] as number;
    decodeDigits(compiled.encoding, key, digits);
    edgeStart.push(edgeTargets.length);
    const n = compiled.expand(key, digits, moveOut, keyOut);
    for (let j = 0; j < n; j++) {
      const target = discover(keyOut[j] as number, expanded, moveOut[j] as number);
      edgeTargets.push(target);
      edgeMoves.push(moveOut[j] as number);
    }
    expanded++;
    if (limits.onProgress && expanded % PROGRESS_EVERY === 0) limits.onProgress(index.size, expanded);
  }
  // Unexpanded states have no recorded moves: their rows are empty.
  for (let i = expanded; i <= index.size; i++) edgeStart.push(edgeTargets.length);
  limits.onProgress?.(index.size, expanded);

  return {
    compiled,
    keys: keys.trimmed(),
    parents: parents.trimmed(),
    parentMoves: parentMoves.trimmed(),
    edgeStart: edgeStart.trimmed(),
    edgeTargets: edgeTargets.trimmed(),
    edgeMoves: edgeMoves.trimmed(),
    expanded,
    exhaustive: expanded === index.size,
    outcomeMasks: masks.trimmed(),
    outcomeWords,
  };
}

function pushOutcomeMask(compiled: CompiledModel, digits: Int32Array, masks: Growable<Uint32Array>, words: number): void {
  for (let w = 0; w < words; w++) {
    let mask = 0;
    for (let b = 0; b < 32; b++) {
      const predicate = compiled.outcomes[w * 32 + b];
      if (predicate && predicate(digits)) mask |= 1 << b;
    }
    masks.push(mask >>> 0);
  }
}

/** True when outcome `o` holds in state `i`. */
export function outcomeHolds(graph: StateGraph, i: number, o: number): boolean {
  return (((graph.outcomeMasks[i * graph.outcomeWords + (o >>> 5)] as number) >>> (o & 31)) & 1) === 1;
}
