import { CompiledSpace } from '../compile/compiled-space.js';
import { compileDigitCondition } from '../compile/digit-condition.js';
import type { HorizonOptions } from '../engine/horizon.js';
import { openQuestion, type Question } from '../compile/question.js';
import type { JointState } from '../engine/joint-state.js';
import type { Move } from '../engine/move.js';
import { canReachHere } from '../engine/next-moves.js';
import type { Condition } from '../model/condition.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';
import { exploreStateGraph, outcomeHolds, type ExploreLimits, type StateGraph } from './state-graph.js';
import { describeWitness, getPathTo, type Witness } from './witness.js';

/** A question's joint states explored, with what every consumer asks of them. */
export interface Exploration extends Question {
  readonly graph: StateGraph;
  /** The first state (breadth first) where outcome number `o` counts as reached, or -1. */
  firstReaching(o: number): number;
  /** A shortest path to state `state`, as moves. */
  pathTo(state: number): Move[];
  /** A shortest path to state `state`, as a witness with its sources. */
  witnessTo(state: number): Witness;
  /** A path from the start given as move numbers, as a witness. */
  describeMoves(moves: readonly number[]): Witness;
  /** A test of a condition on explored states: it holds there, where anything can count as reached (time is not up). */
  conditionAt(condition: Condition): (state: number) => boolean;
  /** True when anything can count as reached in the state (see `canReachHere`). */
  canReachAt(state: number): boolean;
  /** The day of a state. */
  dayAt(state: number): number;
  /**
   * The joint state of a state, and the hypothetical events that led to it. Every state where time
   * is up is one state of the graph, whose joint state here stands in for all of them (every
   * stance and fact at its first value): ask `canReachAt` first where that matters.
   */
  jointAt(state: number): { readonly joint: JointState; readonly eventsSoFar: number };
}

/**
 * Explores a question's joint states breadth first within `limits` (the second half of the
 * pipeline), and answers the questions every tool asks of them: where an outcome is first
 * reached, the paths there, conditions on states. Pure (apart from `onProgress`).
 */
export function exploreQuestion(question: Question, limits: ExploreLimits): Exploration {
  const { model, start, compiled } = question;
  const graph = exploreStateGraph(compiled, compiled.encode(start.joint), limits);
  const space = new CompiledSpace(compiled);
  // Tests of several conditions on one state in a row decode it once.
  let loaded = -1;
  const load = (state: number) => {
    if (state === loaded) return;
    space.load(graph.keys[state] as number);
    loaded = state;
  };
  const pathTo = (state: number) => getPathTo(graph, state);
  return {
    ...question,
    graph,
    firstReaching: (o) => {
      for (let i = 0; i < graph.keys.length; i++) if (outcomeHolds(graph, i, o)) return i;
      return -1;
    },
    pathTo,
    witnessTo: (state) => describeWitness(model, start.joint, pathTo(state)),
    describeMoves: (moves) => describeWitness(model, start.joint, moves.map(compiled.moveAt)),
    conditionAt: (condition) => {
      const test = compileDigitCondition(model, compiled.encoding, condition);
      return (state) => {
        load(state);
        return canReachHere(space) && test(space.digits);
      };
    },
    canReachAt: (state) => {
      load(state);
      return canReachHere(space);
    },
    dayAt: (state) => {
      load(state);
      return space.day();
    },
    jointAt: (state) => compiled.decode(graph.keys[state] as number),
  };
}

/** Sets a question up and explores it: `exploreQuestion(openQuestion(...))`. Pure (apart from `onProgress`). */
export function exploreFrom(model: Model, start: Start, options: HorizonOptions & ExploreLimits): Exploration {
  return exploreQuestion(openQuestion(model, start, options), options);
}
