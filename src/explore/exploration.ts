import { compileModel, type CompiledModel } from '../compile/compiled-model.js';
import { CompiledSpace } from '../compile/compiled-space.js';
import { compileDigitCondition } from '../compile/digit-condition.js';
import { getHorizon, type Horizon, type HorizonOptions } from '../engine/horizon.js';
import type { JointState } from '../engine/joint-state.js';
import type { Move } from '../engine/move.js';
import { canReachHere } from '../engine/next-moves.js';
import type { Condition } from '../model/condition.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';
import { exploreStateGraph, outcomeHolds, type ExploreLimits, type StateGraph } from './state-graph.js';
import { describeWitness, getPathTo, type Witness } from './witness.js';

/** A question set up: where it starts, how far it looks, and the model compiled for that span. */
export interface Question {
  readonly model: Model;
  readonly start: Start;
  readonly horizon: Horizon;
  readonly compiled: CompiledModel;
}

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
  /** The joint state of a state, and the hypothetical events that led to it. */
  jointAt(state: number): { readonly joint: JointState; readonly eventsSoFar: number };
}

/**
 * Sets a question up, the first half of the one pipeline every tool uses: from the start, the
 * horizon (`getHorizon`), then the model compiled for it. Pure.
 */
export function openQuestion(model: Model, start: Start, options: HorizonOptions): Question {
  const horizon = getHorizon(start.joint.day, options);
  return { model, start, horizon, compiled: compileModel(model, start.joint.day, horizon) };
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
  const load = (state: number) => space.load(graph.keys[state] as number);
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
