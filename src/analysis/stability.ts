import type { HorizonOptions } from '../engine/horizon.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import { exploreFrom } from '../explore/exploration.js';
import { outcomeHolds, type SearchLimits, type StateGraph } from '../explore/state-graph.js';
import { getHoldingOutcomes } from '../engine/outcomes.js';
import type { EventId, OutcomeId, ParagraphId, PartyId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import type { Start } from '../run/start-point.js';

/** An event named in the analysis, with its paragraphs and quote. */
export interface CitedEvent {
  readonly event: EventId;
  readonly cites: readonly ParagraphId[];
  readonly quote: string;
}

/** A move a party can make from a state, where it leads, and what the others can answer. */
export interface UnilateralMove extends CitedEvent {
  /** The outcomes holding where the move leads. */
  readonly leadsTo: readonly OutcomeId[];
  /** True when the mover prefers that state to the one it left. */
  readonly improves: boolean;
  /** For an improvement: the other parties' improving answers that leave the mover no better off than before. */
  readonly sanctions: readonly Sanction[];
}

/** Another party's improving answer to a move. */
export interface Sanction extends CitedEvent {
  readonly by: PartyId;
  readonly leadsTo: readonly OutcomeId[];
}

export interface PartyStability {
  readonly party: PartyId;
  /** No move of the party's own leads to a state it prefers. */
  readonly nash: boolean;
  /** Every such move can be sanctioned by another party's improving move. */
  readonly sequential: boolean;
  readonly moves: readonly UnilateralMove[];
}

export interface OutcomeStability {
  readonly id: OutcomeId;
  /** The first state (breadth first) where the outcome holds, analysed in detail; null if unreachable. */
  readonly state: JointStateJson | null;
  readonly nash: boolean | null;
  readonly sequential: boolean | null;
  readonly parties: readonly PartyStability[];
  /** Over every reachable state where the outcome holds: how many are Nash and sequentially stable for all. */
  readonly states: { readonly total: number; readonly nash: number; readonly sequential: number };
}

/** What `parley stability` reports (and prints with `--json`). */
export interface StabilityResult {
  readonly type: 'stability';
  readonly scenario: string;
  readonly start: { readonly description: string; readonly day: number };
  /** The parties with preferences, and their preferences as written (best first). */
  readonly preferences: readonly { readonly party: PartyId; readonly order: readonly string[] }[];
  readonly exhaustive: boolean;
  /** True when the caller's `shouldStop` ended the search. */
  readonly stopped: boolean;
  readonly outcomes: readonly OutcomeStability[];
}

/**
 * Analyses the stability of the reachable outcome states in the sense of the Graph Model for
 * Conflict Resolution (Kilgour, Hipel & Fang 1987; Fang, Hipel & Kilgour 1993). A party's
 * unilateral moves are the hypothetical events it owns (`by`); it prefers one state to another when
 * the first of its `prefers` entries holding there comes earlier (a state where none holds ranks
 * last). A state is Nash stable for a party when none of its unilateral moves leads to a state it
 * prefers; sequentially stable (SEQ) when each such improvement can be answered by another party's
 * own improving move that leaves the first party no better off than where it started. A state is
 * an equilibrium of a kind when it is stable for every party with preferences. Pure.
 */
export function analyseStability(model: Model, start: Start, options: SearchLimits & HorizonOptions): StabilityResult {
  const exploration = exploreFrom(model, start, options);
  const { compiled, graph } = exploration;
  const parties = model.parties.filter((p) => p.prefers);
  const eventOwner = compiled.events.map((e) => model.events.find((x) => x.id === e.id)?.by);
  const rankers = parties.map((party) => {
    const rungs = (party.prefers ?? []).map((p) => {
      const condition = 'outcome' in p ? model.outcomes.find((o) => o.id === p.outcome)?.when : p.condition;
      return exploration.conditionAt(condition ?? {});
    });
    return (state: number) => {
      const rank = rungs.findIndex((rung) => rung(state));
      return rank < 0 ? rungs.length : rank;
    };
  });
  const ownMoves = (state: number, party: PartyId) => movesOf(graph, state).filter((m) => eventOwner[m.move] === party);
  const outcomesAt = (state: number) => getHoldingOutcomes(model, exploration.jointAt(state).joint);

  // Own moves are events (`by` a party), never the passing of a day.
  const sources = compiled.events.map((table): CitedEvent => {
    const event = getEvent(model, table.id);
    return { event: event.id, cites: event.cites, quote: event.quote };
  });
  const sourceOf = (move: number) => sources[move] as CitedEvent;
  const analyse = (state: number, detailed: boolean) =>
    parties.map((party, k): PartyStability => {
      const rank = rankers[k] as (s: number) => number;
      const here = rank(state);
      const moves = ownMoves(state, party.id).map(({ move, target }) => {
        const improves = rank(target) < here;
        const sanctions = !improves
          ? []
          : parties.flatMap((other, j) => {
              if (other.id === party.id) return [];
              const otherRank = rankers[j] as (s: number) => number;
              const from = otherRank(target);
              return ownMoves(target, other.id)
                .filter((answer) => otherRank(answer.target) < from && rank(answer.target) >= here)
                .map((answer): Sanction => {
                  const source = sourceOf(answer.move);
                  return {
                    by: other.id,
                    event: source.event,
                    cites: source.cites,
                    quote: source.quote,
                    leadsTo: detailed ? outcomesAt(answer.target) : [],
                  };
                });
            });
        // A literal of one shape, not a spread: this runs for every move of every state.
        const source = sourceOf(move);
        return {
          event: source.event,
          cites: source.cites,
          quote: source.quote,
          leadsTo: detailed ? outcomesAt(target) : [],
          improves,
          sanctions,
        };
      });
      const improvements = moves.filter((m) => m.improves);
      return {
        party: party.id,
        nash: improvements.length === 0,
        sequential: improvements.every((m) => m.sanctions.length > 0),
        moves: detailed ? moves : [],
      };
    });

  const outcomes = model.outcomes.map((outcome, o): OutcomeStability => {
    let first = -1;
    let total = 0;
    let nash = 0;
    let sequential = 0;
    for (let s = 0; s < graph.expanded; s++) {
      if (!outcomeHolds(graph, s, o)) continue;
      if (first < 0) first = s;
      total++;
      const result = analyse(s, false);
      if (result.every((r) => r.nash)) nash++;
      if (result.every((r) => r.sequential)) sequential++;
    }
    if (first < 0)
      return {
        id: outcome.id,
        state: null,
        nash: null,
        sequential: null,
        parties: [],
        states: { total, nash, sequential },
      };
    const detail = analyse(first, true);
    return {
      id: outcome.id,
      state: toJointStateJson(model, exploration.jointAt(first).joint),
      nash: detail.every((r) => r.nash),
      sequential: detail.every((r) => r.sequential),
      parties: detail,
      states: { total, nash, sequential },
    };
  });

  return {
    type: 'stability',
    scenario: model.title,
    start: { description: start.description, day: start.joint.day },
    preferences: parties.map((p) => ({
      party: p.id,
      order: (p.prefers ?? []).map((x) => ('outcome' in x ? x.outcome : 'a condition')),
    })),
    exhaustive: graph.exhaustive,
    stopped: graph.stopped,
    outcomes,
  };
}

function movesOf(graph: StateGraph, state: number): { move: number; target: number }[] {
  const moves: { move: number; target: number }[] = [];
  for (let e = graph.edgeStart[state] as number; e < (graph.edgeStart[state + 1] as number); e++)
    moves.push({ move: graph.edgeMoves[e] as number, target: graph.edgeTargets[e] as number });
  return moves;
}
