import { compileModel, type CompiledModel } from '../../src/compile/compiled-model.js';
import { CompiledSpace } from '../../src/compile/compiled-space.js';
import { getHorizon, type Horizon } from '../../src/engine/horizon.js';
import { getHypotheticalEventsInMoveOrder } from '../../src/engine/move-order.js';
import {
  forEachMove,
  getMoveRates,
  isReachedHere,
  isTimeUp,
  getDayEndMove,
  mayEventsHappenHere,
  type StateSpace,
} from '../../src/engine/next-moves.js';
import { createReferenceSpace, type ReferenceState } from '../../src/engine/reference-space.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { getMoveDependencies } from '../../src/sample/move-dependencies.js';
import { StepDraw } from '../../src/sample/step-draw.js';

/** What the sampler's draw of one move offers: the conformance suite reads nothing else of it. */
export interface DrawOfOneMove {
  next: number;
  readonly elapsed: number;
  start(key: number): void;
  drawWithinDay(rng: () => number, timeLeft: number): number;
}

/** The implementations under test: by default parley's own compiled space and sampler draw. */
export interface Implementations {
  readonly createSpace?: (compiled: CompiledModel) => StateSpace<number>;
  readonly createDraw?: (compiled: CompiledModel) => DrawOfOneMove;
  /** The compiled model the implementations are built from (default: compiled from the model as the reference is). */
  readonly compile?: (model: Model, startDay: number, horizon: Horizon) => CompiledModel;
}

export interface ConformanceReport {
  readonly states: number;
  readonly edges: number;
  /** Intervals of the draw's random input that set an event aside and drew again (each enumerated too). */
  readonly redraws: number;
  /** How the implementations differ from the contract over the reference; empty when they agree. */
  readonly mismatches: readonly string[];
}

/** Probes this far inside each end of a draw's interval: far above rounding, far below any bias worth finding. */
const EDGE = 1e-12;
const MAX_MISMATCHES = 10;
/** Models under the suite are small: a state space past this is a mistake in the test. */
const TEST_STATE_LIMIT = 200_000;

/**
 * Checks the compiled state space, the explorer's moves over it and the sampler's one-move draw
 * against the contract of what can happen next over the reference state space (xstate's
 * `transition` through `step`), on every state reachable from the end of the timeline within the
 * horizon: the same moves in the same order, the same rates and targets, the same time-up and
 * reached outcomes; the sampler's dependency tables cover every precondition and outcome a move
 * changes; and the distribution of the sampler's draw is the contract's, exactly (see
 * `checkDraw`).
 */
export function checkConformance(
  model: Model,
  options: { readonly horizonDays: number; readonly maxEvents?: number; readonly maxStates?: number },
  implementations: Implementations = {},
): ConformanceReport {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const horizon = getHorizon(start.joint.day, options);
  // The encoding the reference's states are given keys with (the compiled model under test may be broken).
  const tables = compileModel(model, start.joint.day, horizon);
  const compiled = (implementations.compile ?? compileModel)(model, start.joint.day, horizon);
  const space = implementations.createSpace?.(compiled) ?? new CompiledSpace(compiled);
  const draw = implementations.createDraw?.(compiled) ?? new StepDraw(compiled);
  const referenceSpace = createReferenceSpace(model, horizon);
  const rates = getMoveRates(model, getHypotheticalEventsInMoveOrder(model));
  const { recheckAfter, outcomesAfter } = getMoveDependencies(compiled);
  const mismatches: string[] = [];
  const fail = (message: string) => {
    if (mismatches.length < MAX_MISMATCHES) mismatches.push(message);
  };
  // The key the compiled tables give a reference state: one key for every state where time is up.
  const keyOf = (state: ReferenceState) =>
    isTimeUp(state.joint.day, horizon) ? tables.timeUpKey : tables.encode(state.joint, state.eventsSoFar);
  const describe = (key: number) => {
    const { joint, eventsSoFar } = tables.decode(key);
    return `${getJointStateKey(model, joint)} (${eventsSoFar} events)`;
  };

  const seen = new Set<number>([tables.encode(start.joint)]);
  const queue = [tables.encode(start.joint)];
  let edges = 0;
  let redraws = 0;
  for (let i = 0; i < queue.length && mismatches.length < MAX_MISMATCHES; i++) {
    if (seen.size > (options.maxStates ?? TEST_STATE_LIMIT)) throw new Error('conformance: too many states for a test');
    const key = queue[i] as number;
    const state = tables.decode(key);
    const where = `at ${describe(key)}`;

    const expected: { move: number; rate: number; next: number }[] = [];
    forEachMove(referenceSpace, state, {
      addMove: (move, next) => {
        expected.push({ move, rate: rates[move] as number, next: keyOf(next) });
        if (isTimeUp(next.joint.day, horizon)) return;
        const back = tables.decode(keyOf(next));
        const counted = horizon.maxEvents !== undefined;
        if (
          getJointStateKey(model, back.joint) !== getJointStateKey(model, next.joint) ||
          (counted && back.eventsSoFar !== next.eventsSoFar)
        )
          fail(`${where}: move ${move} leads to a state the encoding does not round-trip`);
      },
    });
    const actual: { move: number; rate: number; next: number }[] = [];
    forEachMove(space, key, {
      addMove: (move, next) => actual.push({ move, rate: compiled.rates[move] as number, next }),
    });
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      fail(`${where}: moves ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);

    referenceSpace.load(state);
    space.load(key);
    const bulk: { move: number; next: number }[] = [];
    space.forEachChangingEvent({ addMove: (move, next) => bulk.push({ move, next }) });
    const oneByOne: { move: number; next: number }[] = [];
    for (let e = 0; e < space.eventCount; e++) {
      const next = space.requiresHolds(e) ? space.afterEvent(e) : space.unchanged;
      if (next !== space.unchanged) oneByOne.push({ move: e, next });
    }
    if (JSON.stringify(bulk) !== JSON.stringify(oneByOne))
      fail(
        `${where}: the changing events ${JSON.stringify(bulk)} differ from those asked one by one ${JSON.stringify(oneByOne)}`,
      );
    if (isTimeUp(space.day(), horizon) !== isTimeUp(referenceSpace.day(), horizon)) fail(`${where}: time-up differs`);
    if (getDayEndMove(space) !== getDayEndMove(referenceSpace)) fail(`${where}: what happens at the day's end differs`);
    for (let o = 0; o < model.outcomes.length; o++) {
      if (isReachedHere(space, o) !== isReachedHere(referenceSpace, o)) fail(`${where}: outcome ${o} reached differs`);
    }
    const drawProblem = checkDraw(draw, key, referenceSpace, expected, rates, () => redraws++);
    if (drawProblem) fail(`${where}: the sampler's draw ${drawProblem}`);

    for (const { move, next } of expected) {
      edges++;
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
      checkDependencies(space, key, next, move, recheckAfter, outcomesAfter, (m) => fail(`${where}: ${m}`));
    }
  }
  return { states: queue.length, edges, redraws, mismatches };
}

/**
 * After `move` from `from` to `to`, every event whose `requires` changed must be re-checked by the
 * sampler, and every outcome whose truth changed looked at again.
 */
function checkDependencies(
  space: StateSpace<number>,
  from: number,
  to: number,
  move: number,
  recheckAfter: readonly Int32Array[],
  outcomesAfter: readonly Int32Array[],
  fail: (message: string) => void,
): void {
  space.load(from);
  const requiresBefore = Array.from({ length: space.eventCount }, (_, e) => space.requiresHolds(e));
  const outcomesBefore = Array.from({ length: space.outcomeCount }, (_, o) => space.outcomeHolds(o));
  if (space instanceof CompiledSpace) {
    // The sampler moves its space on by writing only what the move changes: the same digits as loading.
    space.advance(move, to);
    const advanced = Array.from(space.digits);
    space.load(to);
    if (JSON.stringify(advanced) !== JSON.stringify(Array.from(space.digits)))
      fail(`advancing by move ${move} gives digits ${advanced}, loading the state gives ${Array.from(space.digits)}`);
  }
  space.load(to);
  if (isTimeUp(space.day(), space.horizon)) return;
  requiresBefore.forEach((held, e) => {
    if (held !== space.requiresHolds(e) && !recheckAfter[move]?.includes(e))
      fail(`move ${move} changes the precondition of event ${e}, which the sampler does not re-check`);
  });
  outcomesBefore.forEach((held, o) => {
    if (held !== space.outcomeHolds(o) && !outcomesAfter[move]?.includes(o))
      fail(`move ${move} changes outcome ${o}, which the sampler does not look at again`);
  });
}

class NeedsAnotherNumber {}

/** The time, in days, to the first clock that each probe of the draw's time is set to give (well within the day). */
const PROBED_TIME = 0.1;

/**
 * Checks the distribution of one draw from state `key` exactly, by enumerating its random input.
 * The draw is specified to take the time to the first clock of the candidates (the events whose
 * `requires` holds, while events may happen) as -ln(1 - u) over their total rate, then to pick,
 * for a number u, the first candidate in move order whose running sum of rates passes u times
 * their total, and to draw on among the rest when it picks an event that would change nothing.
 * So each probe gives the time a number that the spec's total turns into 0.1 day, and the pick's
 * [0, 1) falls into one interval per candidate: each is probed just inside both its ends (a draw
 * whose intervals differ by more than 1e-12 from the rates fails), an interval that asks for
 * another number is enumerated again among the rest, and then the probability of each move,
 * summed over the intervals that give it, must be its rate over the total of the contract's
 * events, lead where the contract's move leads, and come after the times the spec gives. A time
 * past the day's end must end the draw with no event.
 */
function checkDraw(
  draw: DrawOfOneMove,
  key: number,
  reference: StateSpace<ReferenceState>,
  expected: readonly { move: number; rate: number; next: number }[],
  rates: Float64Array,
  onRedraw: () => void,
): string | null {
  draw.start(key);
  const events = expected.filter((m) => m.move !== reference.eventCount);
  const candidates: number[] = [];
  if (mayEventsHappenHere(reference)) {
    for (let e = 0; e < reference.eventCount; e++) if (reference.requiresHolds(e)) candidates.push(e);
  }
  const found = new Map<number, { probability: number; next: number }>();
  let nothing = 0;
  const run = (numbers: readonly number[]) => {
    let used = 0;
    const rng = () => {
      if (used === numbers.length) throw new NeedsAnotherNumber();
      return numbers[used++] as number;
    };
    try {
      const move = draw.drawWithinDay(rng, 1);
      return { move, next: move < 0 ? -1 : draw.next, elapsed: draw.elapsed, used };
    } catch (e) {
      if (e instanceof NeedsAnotherNumber) return null;
      throw e;
    }
  };
  // The number that gives a time of `days` at a total rate.
  const timeNumber = (days: number, total: number) => -Math.expm1(-days * total);
  const enumerate = (prefix: readonly number[], left: readonly number[], mass: number, time: number): string | null => {
    const total = left.reduce((sum, c) => sum + (rates[c] as number), 0);
    const clock = timeNumber(PROBED_TIME, total);
    let below = 0;
    for (const candidate of left) {
      const low = below / total;
      below += rates[candidate] as number;
      const high = left.at(-1) === candidate ? 1 : below / total;
      const probes = high - low > 4 * EDGE ? [low + EDGE, high - EDGE] : [(low + high) / 2];
      const results = probes.map((u) => run([...prefix, clock, u]));
      const [first] = results;
      if (results.some((r) => JSON.stringify(r) !== JSON.stringify(first)))
        return `treats [${low}, ${high}) unevenly: ${JSON.stringify(results)}`;
      const share = mass * (high - low);
      if (first === null || first === undefined) {
        onRedraw();
        const rest = left.filter((c) => c !== candidate);
        const deeper = enumerate([...prefix, clock, (low + high) / 2], rest, share, time + PROBED_TIME);
        if (deeper) return deeper;
        continue;
      }
      if (first.move === -1 && left.length === 1) {
        // Every candidate set aside: nothing that changes anything happens this day.
        nothing += share;
        continue;
      }
      if (first.move !== candidate) return `gives move ${first.move} for the interval of candidate ${candidate}`;
      if (Math.abs(first.elapsed - (time + PROBED_TIME)) > 1e-9)
        return `draws move ${first.move} after ${first.elapsed} days, expected ${time + PROBED_TIME} (its total rate differs)`;
      const known = found.get(first.move);
      if (known && known.next !== first.next) return `leads move ${first.move} to two states`;
      found.set(first.move, { probability: (known?.probability ?? 0) + share, next: first.next });
    }
    return null;
  };
  if (candidates.length === 0) {
    const result = run([]);
    if (result === null || result.move !== -1) return 'draws an event where none can happen';
    return events.length === 0 ? null : 'finds nothing where the contract has events';
  }
  // A first clock past the day's end: no event, the whole day elapsed.
  const total = candidates.reduce((sum, c) => sum + (rates[c] as number), 0);
  const late = run([timeNumber(1.5, total)]);
  if (!late || late.move !== -1 || late.elapsed !== 1 || late.used !== 1)
    return `lets an event happen after the day's end: ${JSON.stringify(late)}`;
  const problem = enumerate([], candidates, 1, 0);
  if (problem) return problem;
  if (events.length > 0 ? nothing > 0 : Math.abs(nothing - 1) > 1e-9)
    return `ends with no event ${nothing} of the time, where the contract has ${events.length} events`;
  const totalRate = events.reduce((sum, m) => sum + m.rate, 0);
  for (const m of events) {
    const got = found.get(m.move);
    if (!got) return `never draws move ${m.move}`;
    if (Math.abs(got.probability - m.rate / totalRate) > 1e-9)
      return `draws move ${m.move} with probability ${got.probability}, expected ${m.rate / totalRate}`;
    if (got.next !== m.next) return `leads move ${m.move} to ${got.next}, expected ${m.next}`;
  }
  if (found.size !== events.length) return `draws moves ${[...found.keys()]}, expected ${events.map((m) => m.move)}`;
  return null;
}
