import seedrandom from 'seedrandom';
import type { CompiledModel } from '../compile/compiled-model.js';
import { forEachReachedOutcome, getDayEndMove } from '../engine/next-moves.js';
import { getMoveDependencies } from './move-dependencies.js';
import { StepDraw } from './step-draw.js';
import { createTally, type OutcomeTally, type SampleTally } from './tally.js';

/** A run that has not ended after this many moves is cut (urgent events that keep each other possible, and a day that never ends). */
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
 * Samples runs `from` to `to` (exclusive) from `startKey` on the calendar chain, over the same
 * compiled tables as the explorer: within each day the events race (see `StepDraw`); when the day
 * ends, the urgent events that hold it happen and the day passes (`getDayEndMove`); a run ends
 * when time is up, or when nothing more can happen at all. Each run records the day it first
 * reaches each outcome, with the path there, and the outcomes that hold when the horizon ends.
 * Pure given the seed (apart from `onProgress`). Once `shouldStop` (asked every 64 runs) returns
 * true, it returns the tally of the runs done so far: runs `from` to `from + tally.runs`.
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
  const { dayMove, timeUpKey } = compiled;
  const { outcomesAfter } = getMoveDependencies(compiled);
  const everyOutcome = Int32Array.from({ length: outcomeCount }, (_, o) => o);
  // The first time a run reaches an outcome: its day and the path that led there.
  const reach = (o: number) => {
    if (reached[o]) return;
    reached[o] = 1;
    const t = tally.outcomes[o] as OutcomeTally;
    t.hits++;
    t.firstDays.push(space.day());
    const key = path.join(',');
    t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
  };
  const holdsAtEnd = (o: number) => (tally.outcomes[o] as OutcomeTally).holdsAtEnd++;
  const ending: number[] = [];

  for (let run = from; run < to; run++) {
    const rng = createRunRng(seed, run);
    draw.start(startKey);
    reached.fill(0);
    path.length = 0;
    forEachReachedOutcome(space, everyOutcome, reach);
    let moves = 0;
    let timeLeft = 1;
    // The states a day's end has passed through, to find urgent events that keep each other possible.
    ending.length = 0;
    for (;;) {
      if (moves === MAX_MOVES_PER_RUN) {
        tally.cut++;
        break;
      }
      // Once the day has run out, only its end remains: no more events race before the day passes.
      let move = timeLeft > 0 ? draw.drawWithinDay(rng, timeLeft) : -1;
      let next = draw.next;
      if (move >= 0) timeLeft -= draw.elapsed;
      else {
        timeLeft = 0;
        // The day ends: an urgent event that holds it happens (a move, so it changes something),
        // or else the day passes.
        move = getDayEndMove(space);
        if (move < 0) break;
        if (move !== dayMove) {
          next = space.afterEvent(move);
          if (ending.includes(next)) {
            // Back where this day's end has been: the day, and so the horizon, never ends.
            tally.dayNeverEnds++;
            break;
          }
          ending.push(next);
        } else {
          next = space.afterDay();
          timeLeft = 1;
          ending.length = 0;
          if (next === timeUpKey) {
            // The horizon ends with this day: what holds now holds at its end.
            forEachReachedOutcome(space, everyOutcome, holdsAtEnd);
            moves++;
            break;
          }
        }
      }
      draw.take(move, next);
      if (move !== dayMove) path.push(move);
      moves++;
      forEachReachedOutcome(space, outcomesAfter[move] as Int32Array, reach);
    }
    tally.runs++;
    tally.steps += moves;
    if (onProgress && (run - from + 1) % 1000 === 0) onProgress(run - from + 1);
    if (shouldStop && ((run - from + 1) & (STOP_CHECK_EVERY - 1)) === 0 && shouldStop()) break;
  }
  if (onProgress && tally.runs % 1000 !== 0) onProgress(tally.runs);
  return tally;
}
