import seedrandom from 'seedrandom';
import type { CompiledModel } from '../compile/compiled-model.js';
import type { CompiledSpace } from '../compile/compiled-space.js';
import { forEachReachedOutcome, getDayEndMove, isReachedHere } from '../engine/next-moves.js';
import { getMoveDependencies, type MoveDependencies } from './move-dependencies.js';
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
 * Samples runs from `startKey` on the calendar chain, over the same compiled tables as the
 * explorer, into one tally: within each day the events race (see `StepDraw`); when the day ends,
 * the urgent events that hold it happen and the day passes (`getDayEndMove`); a run ends when time
 * is up, or when nothing more can happen at all. Each run records the day it first reaches each
 * outcome, with the path there, and the outcomes that hold when the horizon ends. Any runs, in any
 * order and any batches, add up to the same tally once summarised. Pure given the seed.
 */
export class RunSampler {
  /** What the runs sampled so far found. */
  readonly tally: SampleTally;
  private readonly draw: StepDraw;
  private readonly space: CompiledSpace;
  private readonly startKey: number;
  private readonly seed: string;
  private readonly dayMove: number;
  private readonly timeUpKey: number;
  private readonly dependencies: MoveDependencies;
  private readonly everyOutcome: Int32Array;
  /** The outcomes the current run has reached (1), by number. */
  private readonly reached: Uint8Array;
  /** The current run's path so far: its events, days passing left out (the length is the loop's). */
  private readonly path = new Int32Array(MAX_MOVES_PER_RUN);
  /** The states the current day's end has passed through, to find urgent events that keep each other possible. */
  private readonly ending = new Float64Array(MAX_MOVES_PER_RUN);

  /** `dependencies` are the compiled model's (`getMoveDependencies`); a test may pass others. */
  constructor(
    compiled: CompiledModel,
    startKey: number,
    seed: string,
    dependencies: MoveDependencies = getMoveDependencies(compiled),
  ) {
    this.tally = createTally(compiled.outcomes.length);
    this.draw = new StepDraw(compiled, dependencies);
    this.space = this.draw.space;
    this.startKey = startKey;
    this.seed = seed;
    this.dayMove = compiled.dayMove;
    this.timeUpKey = compiled.timeUpKey;
    this.dependencies = dependencies;
    this.everyOutcome = Int32Array.from({ length: compiled.outcomes.length }, (_, o) => o);
    this.reached = new Uint8Array(compiled.outcomes.length);
  }

  /**
   * Samples runs `from` to `to` (exclusive) into the tally, telling `onProgress` the runs done
   * every 1000 and at the end. Once `shouldStop` (asked every 64 runs) returns true, it stops:
   * runs `from` to `from + done` are done. Returns `done`.
   */
  sample(from: number, to: number, onProgress?: (done: number) => void, shouldStop?: () => boolean): number {
    const { tally, draw, space, path, ending, everyOutcome } = this;
    const { dayMove, timeUpKey } = this;
    const holdsAtEnd = (o: number) => (tally.outcomes[o] as OutcomeTally).holdsAtEnd++;
    let done = 0;
    while (from + done < to) {
      const rng = createRunRng(this.seed, from + done);
      draw.start(this.startKey);
      this.reached.fill(0);
      let pathLength = 0;
      this.reachAny(everyOutcome, pathLength);
      let moves = 0;
      let timeLeft = 1;
      let endingLength = 0;
      for (;;) {
        if (moves === MAX_MOVES_PER_RUN) {
          tally.cut++;
          break;
        }
        // Once the day has run out, only its end remains: no more events race before the day passes.
        // (Each kind of move is taken in a place of its own, so that the processor learns each.)
        const move = timeLeft > 0 ? draw.drawWithinDay(rng, timeLeft) : -1;
        if (move >= 0) {
          timeLeft -= draw.elapsed;
          draw.take(move, draw.next);
          path[pathLength++] = move;
          moves++;
          this.reachAfter(move, pathLength);
          continue;
        }
        timeLeft = 0;
        // The day ends: an urgent event that holds it happens (a move, so it changes something),
        // or else the day passes.
        const end = getDayEndMove(space);
        if (end < 0) break;
        if (end !== dayMove) {
          const next = space.afterEvent(end);
          if (includes(ending, endingLength, next)) {
            // Back where this day's end has been: the day, and so the horizon, never ends.
            tally.dayNeverEnds++;
            break;
          }
          ending[endingLength++] = next;
          draw.take(end, next);
          path[pathLength++] = end;
          moves++;
          this.reachAfter(end, pathLength);
          continue;
        }
        const next = space.afterDay();
        timeLeft = 1;
        endingLength = 0;
        moves++;
        if (next === timeUpKey) {
          // The horizon ends with this day: what holds now holds at its end.
          forEachReachedOutcome(space, everyOutcome, holdsAtEnd);
          break;
        }
        draw.passDay(next);
        this.reachAfter(dayMove, pathLength);
      }
      tally.runs++;
      tally.steps += moves;
      done++;
      if (onProgress && done % 1000 === 0) onProgress(done);
      if (shouldStop && (done & (STOP_CHECK_EVERY - 1)) === 0 && shouldStop()) break;
    }
    if (onProgress && done % 1000 !== 0) onProgress(done);
    return done;
  }

  /**
   * Records the outcomes that `move`, just taken, makes hold for the first time in the current run:
   * of those that read a digit it writes, after a move that writes one such digit, those that may
   * hold with its new value.
   */
  private reachAfter(move: number, pathLength: number): void {
    const { outcomesAfter, soleOutcomeDigit, outcomesWith } = this.dependencies;
    const digit = soleOutcomeDigit[move] as number;
    const after = (
      digit < 0 ? outcomesAfter[move] : (outcomesWith[digit] as Int32Array[])[this.space.digits[digit] as number]
    ) as Int32Array;
    if (after.length > 0) this.reachAny(after, pathLength);
  }

  /** Records each of the outcomes listed that the current run reaches here for the first time: its day, and the path there. */
  private reachAny(outcomes: Int32Array, pathLength: number): void {
    const { reached, space } = this;
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i] as number;
      if (reached[o] || !isReachedHere(space, o)) continue;
      reached[o] = 1;
      const t = this.tally.outcomes[o] as OutcomeTally;
      t.hits++;
      t.firstDays.push(space.day());
      const key = pathKey(this.path, pathLength);
      t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Samples runs `from` to `to` (exclusive) from `startKey` (see `RunSampler`) and returns their
 * tally. Pure given the seed (apart from `onProgress`). Once `shouldStop` (asked every 64 runs)
 * returns true, it returns the tally of the runs done so far: runs `from` to `from + tally.runs`.
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
  const sampler = new RunSampler(compiled, startKey, seed);
  sampler.sample(from, to, onProgress, shouldStop);
  return sampler.tally;
}

/** The first `length` moves of `path` joined by ",": the key of a path in a tally. */
function pathKey(path: Int32Array, length: number): string {
  let key = length > 0 ? String(path[0]) : '';
  for (let i = 1; i < length; i++) key += `,${path[i]}`;
  return key;
}

/** True when one of the first `length` numbers of `list` is `value`. */
function includes(list: Float64Array, length: number, value: number): boolean {
  for (let i = 0; i < length; i++) if (list[i] === value) return true;
  return false;
}
