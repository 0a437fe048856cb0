import { createActor, transition, type AnyStateMachine } from 'xstate';
import seedrandom from 'seedrandom';
import { getMoves } from '../src/engine/moves.js';
import type { Horizon } from '../src/engine/horizon.js';
import type { JointState } from '../src/engine/joint-state.js';
import { getJointStateKey } from '../src/engine/serialise.js';
import type { Model } from '../src/model/model.js';

/**
 * Breadth-first search with the reference semantics: xstate's `transition()` on every edge (through
 * `getMoves`) and canonical string keys. What parley would cost without its compiled tables.
 */
export function explorePlain(model: Model, start: JointState, horizon: Horizon): number {
  const seen = new Set<string>([getJointStateKey(model, start)]);
  const queue: JointState[] = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const move of getMoves(model, queue[i] as JointState, horizon)) {
      const key = getJointStateKey(model, move.next);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(move.next);
    }
  }
  return seen.size;
}

/**
 * The practical limit for the parallel model: a hand-written BFS over integer-encoded joint stances
 * with a flat transition table, arrays sized in advance, and nothing general. `explore` keeps what
 * the question needs (each state's parent and move for shortest paths, every transition for exact
 * probabilities); `reach` only marks states visited.
 */
export function createTableLimit(parties: number, stances: number) {
  const events = parties * 3;
  // next[(p * stances + s) * 3 + j]: the stance party p moves to on its j-th event.
  const next = new Int32Array(parties * stances * 3);
  for (let p = 0; p < parties; p++)
    for (let s = 0; s < stances; s++)
      for (let j = 0; j < 3; j++) next[(p * stances + s) * 3 + j] = (s + j + 1) % stances;
  const multipliers = Array.from({ length: parties }, (_, p) => stances ** p);
  const total = stances ** parties;
  const weights = Float64Array.from({ length: events }, (_, e) => -Math.log1p(-[0.3, 0.5, 0.7][e % 3]!) / 7);

  return {
    total,
    explore(): number {
      const indexOf = new Int32Array(total).fill(-1);
      const keys = new Int32Array(total);
      const parents = new Int32Array(total);
      const parentMoves = new Uint16Array(total);
      const edgeStart = new Int32Array(total + 1);
      const edgeTargets = new Int32Array(total * events);
      const edgeMoves = new Uint16Array(total * events);
      let size = 1;
      let edges = 0;
      indexOf[0] = 0;
      parents[0] = -1;
      for (let i = 0; i < size; i++) {
        const key = keys[i] as number;
        edgeStart[i] = edges;
        let rest = key;
        for (let p = 0; p < parties; p++) {
          const s = rest % stances;
          rest = (rest - s) / stances;
          const m = multipliers[p] as number;
          for (let j = 0; j < 3; j++) {
            const target = key + ((next[(p * stances + s) * 3 + j] as number) - s) * m;
            let t = indexOf[target] as number;
            if (t < 0) {
              t = size++;
              indexOf[target] = t;
              keys[t] = target;
              parents[t] = i;
              parentMoves[t] = p * 3 + j;
            }
            edgeTargets[edges] = t;
            edgeMoves[edges] = p * 3 + j;
            edges++;
          }
        }
      }
      edgeStart[size] = edges;
      return size;
    },
    reach(): number {
      const seen = new Uint8Array(total);
      const queue = new Int32Array(total);
      let head = 0;
      let tail = 0;
      queue[tail++] = 0;
      seen[0] = 1;
      while (head < tail) {
        const key = queue[head++] as number;
        let rest = key;
        for (let p = 0; p < parties; p++) {
          const s = rest % stances;
          rest = (rest - s) / stances;
          const m = multipliers[p] as number;
          for (let j = 0; j < 3; j++) {
            const target = key + ((next[(p * stances + s) * 3 + j] as number) - s) * m;
            if (!seen[target]) {
              seen[target] = 1;
              queue[tail++] = target;
            }
          }
        }
      }
      return tail;
    },
    /**
     * Walks `runs` runs of the same calendar chain for `days` days: within each day the events race
     * (the time to the next one drawn at their total rate, then which one, by rate), and the day
     * passes at its end. Returns the moves made (events and days passing), as the sampler counts them.
     */
    walk(runs: number, days: number, seed: string): number {
      let moves = 0;
      const digits = new Int32Array(parties);
      const total = weights.reduce((a, b) => a + b, 0);
      for (let run = 0; run < runs; run++) {
        const rng = seedrandom.alea(`${seed}/${run}`);
        digits.fill(0);
        for (let day = 0; day < days; day++) {
          for (let t = -Math.log(1 - rng()) / total; t < 1; t += -Math.log(1 - rng()) / total) {
            let r = rng() * total;
            let e = 0;
            while (e < events - 1 && (r -= weights[e] as number) >= 0) e++;
            const p = Math.floor(e / 3);
            digits[p] = next[(p * stances + (digits[p] as number)) * 3 + (e % 3)] as number;
            moves++;
          }
          moves++;
        }
      }
      return moves;
    },
  };
}

/**
 * The sampling baseline a user would write with XState alone: an actor per run, `send` for each
 * move, events drawn with the same weights.
 */
export function walkWithActors(
  machine: AnyStateMachine,
  eventTypes: string[],
  runs: number,
  steps: number,
  seed: string,
): number {
  const weights = eventTypes.map((_, e) => -Math.log1p(-[0.3, 0.5, 0.7][e % 3]!) / 7);
  const total = weights.reduce((a, b) => a + b, 0);
  let moves = 0;
  for (let run = 0; run < runs; run++) {
    const rng = seedrandom.alea(`${seed}/${run}`);
    const actor = createActor(machine).start();
    for (let i = 0; i < steps; i++) {
      let r = rng() * total;
      let e = 0;
      while (e < eventTypes.length - 1 && (r -= weights[e] as number) >= 0) e++;
      actor.send({ type: eventTypes[e] as string });
      moves++;
    }
    actor.stop();
  }
  return moves;
}

/** One call of xstate's pure `transition()`, for the per-edge cost. */
export function transitionOnce(machine: AnyStateMachine, snapshot: Parameters<typeof transition>[1], type: string) {
  return transition(machine, snapshot, { type });
}
