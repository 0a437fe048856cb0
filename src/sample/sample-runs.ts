import seedrandom from 'seedrandom';
import type { CompiledModel } from '../compile/compiled-model.js';
import { decodeDigits } from '../compile/state-encoding.js';
import { createTally, type OutcomeTally, type SampleTally } from './tally.js';

/** A run that has not ended after this many moves is cut (a cycle of events within one day). */
export const MAX_MOVES_PER_RUN = 10_000;

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
 * `onProgress`).
 */
export function sampleRuns(compiled: CompiledModel, startKey: number, seed: string, from: number, to: number, onProgress?: (done: number) => void): SampleTally {
  const outcomes = compiled.outcomes;
  const tally = createTally(outcomes.length);
  const digits = new Int32Array(compiled.encoding.size);
  const maxMoves = compiled.events.length + 1;
  const moveOut = new Int32Array(maxMoves);
  const keyOut = new Float64Array(maxMoves);
  const weights = Float64Array.from({ length: maxMoves }, (_, i) => compiled.weightOf(i));
  const reached = new Uint8Array(outcomes.length);
  const path: number[] = [];
  const dayDigit = compiled.encoding.dayDigit;
  const startDay = compiled.encoding.startDay;
  const dayMove = compiled.dayMove;

  for (let run = from; run < to; run++) {
    const rng = createRunRng(seed, run);
    let key = startKey;
    decodeDigits(compiled.encoding, key, digits);
    reached.fill(0);
    path.length = 0;
    let remaining = outcomes.length;
    remaining -= recordReached(outcomes, digits, reached, tally.outcomes, startDay + (digits[dayDigit] as number), path);
    let moves = 0;
    while (remaining > 0) {
      if (moves === MAX_MOVES_PER_RUN) {
        tally.cut++;
        break;
      }
      const n = compiled.expand(key, digits, moveOut, keyOut);
      if (n === 0) break;
      let total = 0;
      for (let j = 0; j < n; j++) total += weights[moveOut[j] as number] as number;
      let r = rng() * total;
      let chosen = n - 1;
      for (let j = 0; j < n - 1; j++) {
        r -= weights[moveOut[j] as number] as number;
        if (r < 0) {
          chosen = j;
          break;
        }
      }
      const move = moveOut[chosen] as number;
      key = keyOut[chosen] as number;
      moves++;
      if (move !== dayMove) path.push(move);
      decodeDigits(compiled.encoding, key, digits);
      if (compiled.isTimeUp(digits)) break;
      remaining -= recordReached(outcomes, digits, reached, tally.outcomes, startDay + (digits[dayDigit] as number), path);
    }
    tally.runs++;
    tally.steps += moves;
    if (onProgress && (run - from + 1) % 1000 === 0) onProgress(run - from + 1);
  }
  return tally;
}

function recordReached(
  outcomes: CompiledModel['outcomes'],
  digits: Int32Array,
  reached: Uint8Array,
  tallies: OutcomeTally[],
  day: number,
  path: readonly number[],
): number {
  let newly = 0;
  for (let o = 0; o < outcomes.length; o++) {
    if (reached[o] || !(outcomes[o] as (d: Int32Array) => boolean)(digits)) continue;
    reached[o] = 1;
    newly++;
    const t = tallies[o] as OutcomeTally;
    t.hits++;
    t.firstDays.push(day);
    const key = path.join(',');
    t.paths.set(key, (t.paths.get(key) ?? 0) + 1);
  }
  return newly;
}
