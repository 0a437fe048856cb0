import type { CompiledModel } from '../compile/compiled-model.js';
import { CompiledSpace } from '../compile/compiled-space.js';
import { forEachMove, isReachedHere } from '../engine/next-moves.js';
import { EdgeRecorder } from './edge-recorder.js';
import { Growable } from './growable.js';
import { createKeyIndex } from './key-index.js';
import type { OnProgress } from './progress.js';

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
  /** True when `shouldStop` ended the search (it is then not exhaustive). */
  readonly stopped: boolean;
  /** Per state, one bit per outcome (`outcomeWords` 32-bit words a state). */
  readonly outcomeMasks: Uint32Array;
  readonly outcomeWords: number;
}

/** How far a search may go: every search of the joint states takes these. */
export interface SearchLimits {
  /** Stop expanding once this many states are known (a few more may be discovered by the last expansion). */
  readonly maxStates: number;
  /**
   * Asked now and then (every few thousand states); once it returns true the search ends with
   * what it has found, not exhaustive. The command line's `--timeout` passes a clock check here.
   */
  readonly shouldStop?: () => boolean;
  /**
   * Told how the work goes: the search reports `searching` with the states found so far (their
   * number is not known in advance: no total), and the analyses after it their own phases.
   */
  readonly onProgress?: OnProgress;
}

/** The limits of one search (the same as every search's). */
export type ExploreLimits = SearchLimits;

/** The most states and transitions the search's arrays have room for before they first grow. */
const INITIAL_STATES = 1 << 14;
const INITIAL_EDGES = 1 << 17;
/** The number of states between two progress reports (a power of two). */
const PROGRESS_EVERY = 16384;
/** The number of states between two questions to `shouldStop` (a power of two). */
const STOP_CHECK_EVERY = 4096;

/**
 * Explores breadth-first every joint state reachable from `startKey` within the compiled
 * horizon. Pure (apart from `onProgress`). Moves are taken in move order (see `forEachMove`), so the
 * first path found to a state is a shortest one, ties broken by that order. Cost: one expansion
 * per state; memory: about 50 bytes a state plus 6 bytes a transition.
 */
export function exploreStateGraph(compiled: CompiledModel, startKey: number, limits: ExploreLimits): StateGraph {
  // Read once: callers pass option objects of many shapes, and the hot loop should not care.
  const { maxStates, onProgress, shouldStop } = limits;
  const space = new CompiledSpace(compiled);
  const index = createKeyIndex(compiled.encoding.total, Math.min(maxStates, 1 << 16));
  const maxMoves = compiled.events.length + 1;
  // Arrays start at a size the key space and the limit allow (up to about a megabyte), so that a
  // mid-sized search does not spend its time doubling them.
  const stateCapacity = Math.max(1024, Math.min(compiled.encoding.total, maxStates, INITIAL_STATES));
  const edgeCapacity = Math.max(1024, Math.min(stateCapacity * maxMoves, INITIAL_EDGES));
  const recorder = new EdgeRecorder(index, maxMoves, stateCapacity, edgeCapacity);
  const outcomeWords = Math.max(1, Math.ceil(compiled.outcomes.length / 32));
  const masks = new Growable((n) => new Uint32Array(n), stateCapacity * outcomeWords);

  // Outcome masks are computed when a state is loaded anyway: on expansion (and for the frontier
  // at the end), so each state is decoded once.
  const pushMask = () => {
    masks.reserve(masks.length + outcomeWords);
    writeOutcomeMask(space, masks.array, masks.length, outcomeWords);
    masks.length += outcomeWords;
  };

  recorder.addStart(startKey);
  const keys = recorder.keys;
  let expanded = 0;
  let stopped = false;
  while (expanded < index.size && index.size < maxStates) {
    recorder.beginState(expanded);
    forEachMove(space, keys.array[expanded] as number, recorder);
    recorder.endState();
    pushMask();
    expanded++;
    if (onProgress && (expanded & (PROGRESS_EVERY - 1)) === 0) onProgress(searching(index.size));
    if (shouldStop && (expanded & (STOP_CHECK_EVERY - 1)) === 0 && shouldStop()) {
      stopped = expanded < index.size;
      break;
    }
  }
  // Unexpanded states have no recorded moves: their rows are empty.
  for (let i = expanded; i < index.size; i++) {
    space.load(keys.array[i] as number);
    pushMask();
  }
  recorder.closeRows(expanded);
  onProgress?.(searching(index.size));

  return {
    compiled,
    keys: recorder.keys.trimmed(),
    parents: recorder.parents.trimmed(),
    parentMoves: recorder.parentMoves.trimmed(),
    edgeStart: recorder.edgeStart.trimmed(),
    edgeTargets: recorder.edgeTargets.trimmed(),
    edgeMoves: recorder.edgeMoves.trimmed(),
    expanded,
    exhaustive: expanded === index.size,
    stopped,
    outcomeMasks: masks.trimmed(),
    outcomeWords,
  };
}

/** Writes the loaded state's outcome bits at `at`: the outcomes that count as reached there. */
function writeOutcomeMask(space: CompiledSpace, masks: Uint32Array, at: number, words: number): void {
  const count = space.outcomeCount;
  for (let w = 0; w < words; w++) {
    let mask = 0;
    const end = Math.min(32, count - w * 32);
    for (let b = 0; b < end; b++) if (isReachedHere(space, w * 32 + b)) mask |= 1 << b;
    masks[at + w] = mask >>> 0;
  }
}

/** True when outcome `o` counts as reached in state `i` (it holds there, within the horizon). */
export function outcomeHolds(graph: StateGraph, i: number, o: number): boolean {
  return (((graph.outcomeMasks[i * graph.outcomeWords + (o >>> 5)] as number) >>> (o & 31)) & 1) === 1;
}

function searching(found: number) {
  return { phase: 'searching', done: found, unit: 'states' };
}
