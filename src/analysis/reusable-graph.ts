import type { HorizonOptions } from '../engine/horizon.js';
import { getDayEnds } from '../explore/day-ends.js';
import { getOutcomeStatus, type OutcomeStatus } from '../explore/explore-scenario.js';
import { exploreFrom } from '../explore/exploration.js';
import { outcomeHolds, type SearchLimits } from '../explore/state-graph.js';
import { getOutcomeCurve, getTimeBoundedOdds } from '../explore/time-bounded-odds.js';
import type { EventId, OutcomeId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';

/** Every outcome's answer on a graph with one event taken away. */
export interface AnswersWithout {
  readonly answers: readonly {
    readonly id: OutcomeId;
    readonly status: OutcomeStatus;
    readonly probability: number;
    readonly holdsAtEnd: number;
  }[];
  readonly errorBound: number;
}

/** A scenario's graph, explored once, answering for variants that only take moves away. */
export interface ReusableGraph {
  readonly states: number;
  /**
   * The answers without a hypothetical event, on this graph: its rate 0 for the odds, its edges
   * skipped for reachability; null for an event that is urgent (its removal changes when days end).
   */
  withoutEvent(event: EventId): AnswersWithout | null;
}

/**
 * Explores the scenario once, exhaustively, for variants whose joint states are a subset of its
 * own: without a hypothetical event that is not urgent, every state and move that remains is one
 * the graph has, and every state only that event led to has probability 0 and is not reached.
 * Pure.
 */
export function openReusableGraph(model: Model, start: Start, options: SearchLimits & HorizonOptions): ReusableGraph {
  const { compiled, graph } = exploreFrom(model, start, options);
  const dayEnds = getDayEnds(graph);
  const outcomes = model.outcomes.map((_, o) => o);
  return {
    states: graph.keys.length,
    withoutEvent(event) {
      if (getEvent(model, event).urgent) return null;
      const move = compiled.events.findIndex((e) => e.id === event);
      if (move < 0 || !graph.exhaustive) return null;
      const rates = Float64Array.from(compiled.rates);
      rates[move] = 0;
      const odds = getTimeBoundedOdds(graph, outcomes, rates, dayEnds);
      const reached = getReachedWithout(graph, move);
      return {
        errorBound: odds.errorBound,
        answers: model.outcomes.map((outcome, o) => {
          let first = -1;
          for (let i = 0; i < reached.length && first < 0; i++)
            if (reached[i] === 1 && outcomeHolds(graph, i, o)) first = i;
          return {
            id: outcome.id,
            status: getOutcomeStatus(first, true),
            probability: getOutcomeCurve(odds, o).at(-1) ?? 0,
            holdsAtEnd: odds.holdsAtEnd[o] as number,
          };
        }),
      };
    },
  };
}

/** The states reachable from the start (state 0) by moves other than `move`: 1 for each. */
function getReachedWithout(graph: ReturnType<typeof exploreFrom>['graph'], move: number): Uint8Array {
  const reached = new Uint8Array(graph.keys.length);
  const queue = new Int32Array(graph.keys.length);
  let head = 0;
  let tail = 0;
  reached[0] = 1;
  queue[tail++] = 0;
  while (head < tail) {
    const state = queue[head++] as number;
    for (let e = graph.edgeStart[state] as number; e < (graph.edgeStart[state + 1] as number); e++) {
      const target = graph.edgeTargets[e] as number;
      if (graph.edgeMoves[e] === move || reached[target] === 1) continue;
      reached[target] = 1;
      queue[tail++] = target;
    }
  }
  return reached;
}
