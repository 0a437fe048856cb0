import { describeHorizon, type HorizonOptions, type HorizonReport } from '../engine/horizon.js';
import { getHoldingOutcomes } from '../engine/outcomes.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import { exploreFrom } from '../explore/exploration.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { EventId, OutcomeId, ParagraphId, PartyId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model, Preference } from '../model/model.js';
import type { Start } from '../run/start-point.js';
import { OptionError } from './option-error.js';
import { judgeCoalition } from './gmcr/coalition-stability.js';
import type { DeciderMove } from './gmcr/conflict-graph.js';
import { findStatusQuoPaths } from './gmcr/status-quo.js';
import { buildAllStatesGraph } from './gmcr/all-states-graph.js';
import { buildPositionGraph, getPositionParts, type PositionGraph } from './gmcr/position-graph.js';
import { describePreference, hasPreferences } from './gmcr/preference-rank.js';
import { CONCEPTS, judgeState, ReachCache, type Concept } from './gmcr/solution-concepts.js';

export { CONCEPTS, type Concept } from './gmcr/solution-concepts.js';

/** One move in a narrative: who makes it, by which event (with its source), and where it leads. */
export interface CitedMove {
  /** The party whose move it is: the event's `by`. */
  readonly by: PartyId;
  /** The hypothetical event that makes the move. */
  readonly event: EventId;
  /** The paragraphs of the source text the event is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** The quote from the source that grounds the event. */
  readonly quote: string;
  /** The outcomes holding where the move leads. */
  readonly leadsTo: readonly OutcomeId[];
}

/** The others' answer to an improvement: their moves, and the outcomes holding where it leaves the mover. */
export interface Sanction {
  readonly moves: readonly CitedMove[];
  readonly leadsTo: readonly OutcomeId[];
}

/** One of a party's unilateral improvements from a position, and each concept's answer to it. */
export interface ImprovementReport extends CitedMove {
  /**
   * Per concept asked for (but Nash, which admits none), the sanction found: the other parties'
   * moves after which the mover is no better off (for `sim`, made at once with the improvement);
   * null when there is none, so the improvement stands under that concept.
   */
  readonly sanctions: Partial<Record<Concept, Sanction | null>>;
}

/** One party's verdicts at a position: stable or not under each concept, and its improvements. */
export interface PartyStability {
  /** The party, one with preferences. */
  readonly party: PartyId;
  /** Per concept asked for: true when every improvement is sanctioned (Nash: when there is none). */
  readonly stable: Partial<Record<Concept, boolean>>;
  /** Its unilateral improvements: its moves to positions it prefers, each with its sanctions (`[]` when none). */
  readonly improvements: readonly ImprovementReport[];
}

/** A coalition's verdicts at a position: coalition Nash and coalition SEQ. */
export interface CoalitionStability {
  /** The coalition's parties. */
  readonly members: readonly PartyId[];
  /** No legal sequence of the members' moves leads to a position every member prefers. */
  readonly cnash: boolean;
  /** Every such coalition improvement is sanctioned by the others' own improvements. */
  readonly cseq: boolean;
  /** Its coalition improvements (the members' moves), each with the others' sanction, or null when none answers it. */
  readonly improvements: readonly {
    readonly moves: readonly CitedMove[];
    readonly sanction: readonly CitedMove[] | null;
  }[];
}

/** One position judged: its stances and facts, the outcomes holding there, and every verdict. */
export interface PositionStability {
  /** The position's stances and facts, with the day it is first reached (breadth first). */
  readonly state: JointStateJson;
  /** The outcomes holding there. */
  readonly outcomes: readonly OutcomeId[];
  /** Per concept asked for: stable for every party with preferences. */
  readonly equilibrium: Partial<Record<Concept, boolean>>;
  /** One verdict per party with preferences, in the scenario's order. */
  readonly parties: readonly PartyStability[];
  /** One verdict per coalition asked for (`[]` without `coalitions`). */
  readonly coalitions: readonly CoalitionStability[];
}

/** How stable an outcome's positions are: how many were judged, how many are equilibria, the first in detail. */
export interface OutcomeStability {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** How many positions where the outcome holds were judged. */
  readonly positions: number;
  /** Per concept asked for: how many of them are equilibria. */
  readonly equilibria: Partial<Record<Concept, number>>;
  /** The first position (breadth first) where it holds, judged in detail; null when none was found. */
  readonly first: PositionStability | null;
}

/** The equilibria of one concept reachable from the start by unilateral improvements. */
export interface StatusQuoReach {
  /** The solution concept. */
  readonly concept: Concept;
  /** Its equilibria the start reaches by unilateral improvements, nearest first. */
  readonly equilibria: readonly {
    readonly state: JointStateJson;
    readonly outcomes: readonly OutcomeId[];
    /** A shortest sequence of improvements (each by its mover, from the position where it is made). */
    readonly path: readonly CitedMove[];
  }[];
}

/** What `parley stability` reports (and prints with `--json`). */
export interface StabilityResult {
  /** Always 'stability': what the JSON is. */
  readonly type: 'stability';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** Where the question starts: in words, and the start state's day. */
  readonly start: { readonly description: string; readonly day: number };
  /** How far ahead the question looks; `maxEvents` is always null, since stability refuses an event limit. */
  readonly horizon: HorizonReport;
  /** The solution concepts judged, of `nash`, `gmr`, `smr`, `seq`, `sim`. */
  readonly concepts: readonly Concept[];
  /**
   * The parties with preferences, and their preferences as written: by `ranking` (`prefers`, best
   * first, tiers as lists) or by `priorities` (`prioritises`, most important first).
   */
  readonly preferences: readonly {
    readonly party: PartyId;
    readonly by: 'ranking' | 'priorities';
    readonly order: readonly (string | readonly string[])[];
  }[];
  /** The coalitions judged, each as its parties (`[]` without `coalitions`). */
  readonly coalitions: readonly (readonly PartyId[])[];
  /** `reachable`: the positions reachable within the horizon; `all`: every combination of stances and facts. */
  readonly scope: 'reachable' | 'all';
  /** Positions judged (stances and facts), and the explored joint states they stand for. */
  readonly positions: number;
  /** The explored joint states the positions stand for (with `scope: 'all'`, the combinations). */
  readonly jointStates: number;
  /** True when every reachable state within the horizon was explored (always with `scope: 'all'`); when false, the answers cover only the positions found. */
  readonly exhaustive: boolean;
  /** True when the caller's `shouldStop` ended the search. */
  readonly stopped: boolean;
  /** The start position judged, and where unilateral improvements can lead from it. */
  readonly statusQuo: { readonly position: PositionStability; readonly reach: readonly StatusQuoReach[] };
  /** One per outcome, in the scenario's order. */
  readonly outcomes: readonly OutcomeStability[];
  /** With the option `at`: that position judged, or null when it is not among the positions found. */
  readonly at?: PositionStability | null;
}

/**
 * What the stability analysis takes: the search's limits, the horizon in days (an event limit is
 * refused), and which concepts, coalitions and positions to judge. `stability` builds it from its
 * caller's options.
 */
export interface StabilityOptions extends SearchLimits, HorizonOptions {
  /** The concepts to judge by (default all). */
  readonly concepts?: readonly Concept[];
  /** Coalitions to judge (each two or more parties with preferences), or `'all'` of them (absent: the scenario's `coalitions`, if any). */
  readonly coalitions?: readonly (readonly PartyId[])[] | 'all';
  /** A position (stances and facts; the day is ignored) to judge as well, e.g. a state the timeline reaches. */
  readonly at?: Pick<JointStateJson, 'stances' | 'facts'>;
  /** Judge every combination of stances and fact values, reachable or not, as the graph model does. */
  readonly allStates?: boolean;
}

/** The positions judged between two progress reports (a power of two). */
const JUDGED_BETWEEN_REPORTS = 256;

/**
 * Analyses stability in the Graph Model for Conflict Resolution (Kilgour, Hipel & Fang 1987; Fang,
 * Hipel & Kilgour 1993): over the positions (stances and facts) explored within the horizon, each
 * judged once, each party with `prefers` a decision maker whose moves are the hypothetical events
 * `by` it. Per position, party and concept: stable or not, each unilateral improvement with the
 * sanction the concept accepts (opponents' responses are legal sequences of their moves). Also:
 * coalition Nash and SEQ for coalitions, the equilibria per outcome, and which equilibria the start
 * reaches by unilateral improvements. `maxEvents` is refused: a position whose event budget is
 * spent has no moves, and would be judged stable for that reason alone. Pure (apart from `onProgress`: the search, then `judging` positions).
 */
export function analyseStability(model: Model, start: Start, options: StabilityOptions): StabilityResult {
  if (options.maxEvents !== undefined)
    throw new OptionError(
      'stability does not take an event limit: a state whose events are spent has no moves and would look stable for that reason alone',
    );
  const concepts = options.concepts ?? CONCEPTS;
  const exploration = exploreFrom(model, start, options);
  const graph = options.allStates
    ? buildAllStatesGraph(model, start.joint.day, exploration.horizon.endDay, options.maxStates)
    : buildPositionGraph(model, exploration);
  const findPosition = (at: Pick<JointStateJson, 'stances' | 'facts'>) => {
    const key = JSON.stringify(getPositionParts(model, { day: 0, ...at }));
    return graph.positions.findIndex((p) => JSON.stringify(getPositionParts(model, p)) === key);
  };
  // The start is the search's first position; among every combination, wherever it is.
  const startPosition = options.allStates ? findPosition(toJointStateJson(model, start.joint)) : 0;
  const coalitions = resolveCoalitions(graph, options.coalitions ?? model.coalitions);
  const cache = new ReachCache(graph);
  // Every move, sanction and summary names the outcomes of positions: each is worked out once.
  const outcomesOf = graph.joints.map((joint) => getHoldingOutcomes(model, joint));
  const outcomesAt = (p: number) => outcomesOf[p] as OutcomeId[];
  const cite = (move: DeciderMove): CitedMove => {
    const event = getEvent(model, graph.events[move.event] as EventId);
    return {
      by: graph.parties[move.decider] as PartyId,
      event: event.id,
      cites: event.cites,
      quote: event.quote,
      leadsTo: outcomesAt(move.target),
    };
  };

  const equilibria = new Map<number, Partial<Record<Concept, boolean>>>();
  // Which positions are judged depends on what the answer needs: their number is not known in advance.
  const judging = () => options.onProgress?.({ phase: 'judging', done: equilibria.size, unit: 'positions' });
  const isEquilibrium = (p: number) => {
    let flags = equilibria.get(p);
    if (!flags) {
      flags = {};
      for (const concept of concepts)
        flags[concept] = graph.parties.every((_, dm) => judgeState(graph, dm, p, concept, cache).stable);
      equilibria.set(p, flags);
      if ((equilibria.size & (JUDGED_BETWEEN_REPORTS - 1)) === 0) judging();
    }
    return flags;
  };
  judging();
  const judge = (p: number): PositionStability => ({
    state: graph.positions[p] as JointStateJson,
    outcomes: outcomesAt(p),
    equilibrium: isEquilibrium(p),
    parties: graph.parties.map((_, dm) => judgeParty(graph, dm, p, concepts, cache, cite, outcomesAt)),
    coalitions: coalitions.map((members) => {
      const cnash = judgeCoalition(graph, members, p, 'cnash');
      const cseq = judgeCoalition(graph, members, p, 'cseq');
      return {
        members: members.map((k) => graph.parties[k] as PartyId),
        cnash: cnash.stable,
        cseq: cseq.stable,
        improvements: cseq.improvements.map((i) => ({
          moves: i.moves.map(cite),
          sanction: i.sanction ? i.sanction.map(cite) : null,
        })),
      };
    }),
  });

  const holding = model.outcomes.map(() => [] as number[]);
  for (let p = 0; p < graph.size; p++)
    for (const id of outcomesAt(p)) holding[model.outcomes.findIndex((o) => o.id === id)]?.push(p);
  const outcomes = model.outcomes.map((outcome, o): OutcomeStability => {
    const where = holding[o] as number[];
    const counts: Partial<Record<Concept, number>> = {};
    for (const concept of concepts) counts[concept] = where.filter((p) => isEquilibrium(p)[concept]).length;
    return {
      id: outcome.id,
      positions: where.length,
      equilibria: counts,
      first: where.length ? judge(where[0] as number) : null,
    };
  });

  const reach = concepts.map((concept): StatusQuoReach => ({
    concept,
    equilibria: findStatusQuoPaths(graph, startPosition, (p) => isEquilibrium(p)[concept] === true).map(
      ({ position, path }) => ({
        state: graph.positions[position] as JointStateJson,
        outcomes: outcomesAt(position),
        path: path.map(cite),
      }),
    ),
  }));

  return {
    type: 'stability',
    scenario: model.title,
    start: { description: start.description, day: start.joint.day },
    horizon: describeHorizon(exploration.horizon, start.joint.day),
    concepts,
    preferences: model.parties.filter(hasPreferences).map((p) => ({
      party: p.id,
      by: p.prioritises ? ('priorities' as const) : ('ranking' as const),
      order: p.prioritises
        ? p.prioritises.map(describePreference)
        : (p.prefers ?? []).map((tier) =>
            tier.length === 1 ? describePreference(tier[0] as Preference) : tier.map(describePreference),
          ),
    })),
    coalitions: coalitions.map((members) => members.map((k) => graph.parties[k] as PartyId)),
    positions: graph.size,
    jointStates: graph.jointStates,
    scope: options.allStates ? 'all' : 'reachable',
    exhaustive: options.allStates === true || exploration.graph.exhaustive,
    stopped: !options.allStates && exploration.graph.stopped,
    statusQuo: { position: judge(startPosition), reach },
    outcomes,
    ...(options.at && { at: ((p) => (p < 0 ? null : judge(p)))(findPosition(options.at)) }),
  };
}

function judgeParty(
  graph: PositionGraph,
  dm: number,
  p: number,
  concepts: readonly Concept[],
  cache: ReachCache,
  cite: (move: DeciderMove) => CitedMove,
  outcomesAt: (position: number) => OutcomeId[],
): PartyStability {
  const verdicts = concepts.map((concept) => [concept, judgeState(graph, dm, p, concept, cache)] as const);
  const stable: Partial<Record<Concept, boolean>> = {};
  for (const [concept, verdict] of verdicts) stable[concept] = verdict.stable;
  const improvements = (verdicts[0]?.[1].improvements ?? []).map((first, i): ImprovementReport => {
    const sanctions: Partial<Record<Concept, Sanction | null>> = {};
    for (const [concept, verdict] of verdicts) {
      if (concept === 'nash') continue;
      const answer = verdict.improvements[i];
      sanctions[concept] =
        answer?.sanction && answer.endsAt !== undefined
          ? { moves: answer.sanction.map(cite), leadsTo: outcomesAt(answer.endsAt) }
          : null;
    }
    return { ...cite({ ...first.move, decider: dm, from: p }), sanctions };
  });
  return { party: graph.parties[dm] as PartyId, stable, improvements };
}

/** The coalitions asked for, as decision-maker numbers: each two or more parties with preferences. */
function resolveCoalitions(graph: PositionGraph, coalitions: StabilityOptions['coalitions']): (readonly number[])[] {
  if (!coalitions) return [];
  if (coalitions === 'all') {
    const all: number[][] = [];
    for (let mask = 1; mask < 2 ** graph.deciders; mask++) {
      const members = [...Array(graph.deciders).keys()].filter((k) => (mask >> k) & 1);
      if (members.length >= 2 && members.length < graph.deciders) all.push(members);
    }
    return all.sort((a, b) => a.length - b.length);
  }
  return coalitions.map((members) => {
    const numbers = members.map((party) => graph.parties.indexOf(party));
    const missing = members.find((_, i) => (numbers[i] as number) < 0);
    if (missing !== undefined) throw new OptionError(`coalition member "${missing}" is not a party with preferences`);
    if (new Set(numbers).size < 2) throw new OptionError('a coalition needs two or more different parties');
    return numbers;
  });
}
