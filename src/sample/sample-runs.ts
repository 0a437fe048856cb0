import seedrandom from 'seedrandom';
import type { CompiledModel } from '../compile/compiled-model.js';
import { forEachReachedOutcome } from '../engine/next-moves.js';
import { getMoveDependencies } from './move-dependencies.js';
import { StepDraw } from './step-draw.js';
import { createTally, type OutcomeTally, type SampleTally } from './tally.js';

/** A run that has not ended after this many moves is cut (a cycle of events that keeps time from passing). */
export const MAX_MOVES_PER_RUN = 10_000;
/** The number of runs between two questions to `shouldStop` (a power of two). */
const STOP_CHECK_EVERY = 64;

/**
 * Returns the generator of run `index` for a seed: each run has its own stream, derived from the
 * seed and its index alone, so any run replays by itself and results do not depend on how runs are
 * split between workers. Alea, from seedrandom.
 */
export function createRunRng(seed: string, index: number): () => number {
  return seedrandom.alea(`${seed}/${index}`);
}

/**
 * Samples runs `from` to `to` (exclusive) from `startKey`: each run draws moves one at a time
 * (see `StepDraw`), by the rules of `forEachMove` over the same compiled tables as the explorer,
 * until nothing can happen (time is up, or a dead end) or every outcome has been reached. Pure
 * given the seed (apart from `onProgress`). Once `shouldStop` (asked every 64 runs) returns true,
 * it returns the tally of the runs done so far: runs `from` to `from + tally.runs`.
 */
export function sampleRuns(
  compiled: CompiledModel,
  startKey: number,
  seed: string,
  from: number,
  to: number,
  onProgress?: (done: number) => void,
  shouldStop?: () => boolean,
): SampleTally {
  const outcomeCount = compiled.outcomes.length;
  const tally = createTally(outcomeCount);
  const reached = new Uint8Array(outcomeCount);
  const path: number[] = [];
  const draw = new StepDraw(compiled);
  const space = draw.space;
  const { outcomesAfter } = getMoveDependencies(compiled);
  const everyOutcome = Int32Array.from({ length: outcomeCount }, (_, o) => o);
  let newly = 0;
  // The first time a run reaches an outcome: its day and the path that led there.
  const reach = (o: number) => {
    if (reached[o]) return;
    reached[o] = 1;
    newly++;
    const t = tally.outcomes[o] as OutcomeTally;
    t.hits++;
    t.firstDays.push(space.day());
    const key = path.join(',');
    t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
  };
  const record = (which: Int32Array): number => {
    newly = 0;
    forEachReachedOutcome(space, which, reach);
    return newly;
  };

  for (let run = from; run < to; run++) {
    const rng = createRunRng(seed, run);
    draw.start(startKey);
    reached.fill(0);
    path.length = 0;
    let remaining = outcomeCount - record(everyOutcome);
    let moves = 0;
    while (remaining > 0) {
      const move = draw.draw(rng);
      if (move < 0) break;
      if (moves === MAX_MOVES_PER_RUN) {
        tally.cut++;
        break;
      }
      moves++;
      draw.take(move);
      if (move !== compiled.dayMove) path.push(move);
      remaining -= record(outcomesAfter[move] as Int32Array);
    }
    tally.runs++;
    tally.steps += moves;
    if (onProgress && (run - from + 1) % 1000 === 0) onProgress(run - from + 1);
    if (shouldStop && ((run - from + 1) & (STOP_CHECK_EVERY - 1)) === 0 && shouldStop()) break;
  }
  return tally;
}
