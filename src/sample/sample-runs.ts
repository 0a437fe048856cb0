import seedrandom from 'seedrandom';
import type { CompiledModel } from '../compile/compiled-model.js';
import { ENTRY_COUNT, ENTRY_DAY, ENTRY_FIRST, ENTRY_OUTCOMES, ENTRY_TIME_UP, ENTRY_TOTAL, MOVE_INDEX, MOVE_NEXT, MOVE_NEXT_KEY, MOVE_STRIDE, MOVE_WEIGHT, StepCache } from './step-cache.js';
import { createTally, type OutcomeTally, type SampleTally } from './tally.js';

/** A run that has not ended after this many moves is cut (a cycle of events that keeps time from passing). */
export const MAX_MOVES_PER_RUN = 10_000;

/** States whose moves the sampler keeps (about 150 bytes each with their moves). */
export const DEFAULT_CACHED_STATES = 2_000_000;

/**
 * Returns the generator of run `index` for a seed: each run has its own stream, derived from the
 * seed and its index alone, so any run replays by itself and results do not depend on how runs are
 * split between workers. Alea, from seedrandom.
 */
export function createRunRng(seed: string, index: number): () => number {
  return seedrandom.alea(`${seed}/${index}`);
}

/**
 * Samples runs `from` to `to` (exclusive) from `startKey`: each run draws moves with probability
 * proportional to their weights, the same moves and weights as the explorer, until time is up,
 * nothing can happen, or every outcome has been reached. Pure given the seed (apart from
 * `onProgress`). The moves of visited states are cached (`cachedStates` at most, then states are
 * expanded each time they are met); the cache never changes a result, only the time it takes.
 */
export function sampleRuns(
  compiled: CompiledModel,
  startKey: number,
  seed: string,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
  cachedStates = DEFAULT_CACHED_STATES,
): SampleTally {
  const outcomeCount = compiled.outcomes.length;
  const tally = createTally(outcomeCount);
  const cache = new StepCache(compiled, cachedStates);
  const reached = new Uint8Array(outcomeCount);
  const path: number[] = [];
  const dayMove = compiled.dayMove;
  const words = cache.words;
  const stride = cache.stride;

  for (let run = from; run < to; run++) {
    const rng = createRunRng(seed, run);
    reached.fill(0);
    path.length = 0;
    let state = cache.visit(startKey);
    let remaining = outcomeCount - record(state);
    let moves = 0;
    while (remaining > 0) {
      if (moves === MAX_MOVES_PER_RUN) {
        tally.cut++;
        break;
      }
      const entries = cache.entries.array;
      const at = state * stride;
      const n = entries[at + ENTRY_COUNT] as number;
      if (n === 0) break;
      const first = entries[at + ENTRY_FIRST] as number;
      const table = cache.moves.array;
      const m = (first + choose(rng() * (entries[at + ENTRY_TOTAL] as number), table, first, n)) * MOVE_STRIDE;
      const move = table[m + MOVE_INDEX] as number;
      let next = table[m + MOVE_NEXT] as number;
      if (next < 0) {
        next = cache.visit(table[m + MOVE_NEXT_KEY] as number);
        // A state kept in the cache is linked to, so that the next visit skips the lookup.
        if (!cache.isScratch(next)) cache.moves.array[m + MOVE_NEXT] = next;
      }
      state = next;
      moves++;
      if (move !== dayMove) path.push(move);
      if (cache.entries.array[state * stride + ENTRY_TIME_UP] === 1) break;
      remaining -= record(state);
    }
    tally.runs++;
    tally.steps += moves;
    if (onProgress && (run - from + 1) % 1000 === 0) onProgress(run - from + 1);
  }
  return tally;

  /** Records the outcomes first reached in `state`; returns how many. */
  function record(state: number): number {
    let newly = 0;
    for (let w = 0; w < words; w++) {
      const mask = cache.entries.array[state * stride + ENTRY_OUTCOMES + w] as number;
      if (mask === 0) continue;
      for (let b = 0; b < 32; b++) {
        const o = w * 32 + b;
        if (((mask >>> b) & 1) === 0 || reached[o]) continue;
        reached[o] = 1;
        newly++;
        const t = tally.outcomes[o] as OutcomeTally;
        t.hits++;
        t.firstDays.push(cache.entries.array[state * stride + ENTRY_DAY] as number);
        const key = path.join(',');
        t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
      }
    }
    return newly;
  }
}

/**
 * Returns the index (from `first`, among `n`) of the move a draw `r` in [0, total) picks: the first
 * whose running sum of weights exceeds it.
 */
function choose(r: number, moves: Float64Array, first: number, n: number): number {
  for (let j = 0; j < n - 1; j++) {
    r -= moves[(first + j) * MOVE_STRIDE + MOVE_WEIGHT] as number;
    if (r < 0) return j;
  }
  return n - 1;
}
