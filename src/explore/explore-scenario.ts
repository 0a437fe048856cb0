import { describeHorizon, type HorizonOptions, type HorizonReport } from '../engine/horizon.js';
import { getLikelihoodWindow } from '../engine/next-moves.js';
import { getHoldingOutcomes } from '../engine/outcomes.js';
import type { JointStateJson } from '../engine/serialise.js';
import type { OutcomeId, ParagraphId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { describeStart, type Start, type StartReport } from '../run/start-point.js';
import { findDeadEnds } from './dead-ends.js';
import { exploreFrom } from './exploration.js';
import { getOutcomeCurve, getTimeBoundedOdds } from './time-bounded-odds.js';
import { getDayEnds } from './day-ends.js';
import { outcomeHolds } from './state-graph.js';
import { findEvidence, getShortestPath, type PathKind } from './witness-path.js';
import type { SearchLimits } from './state-graph.js';
import type { Witness } from './witness.js';

/** Where the horizon ends (days from the start, the start day included; 30 by default), and how far the search may go. */
export interface ExploreOptions extends SearchLimits, HorizonOptions {
  /** `likeliest`: also find each outcome's most probable path (`OutcomeReach.likeliest`). */
  readonly path?: PathKind;
}

/** Where an outcome stands: it holds at the start; it can be reached; it cannot be reached within the horizon (said only after an exhaustive search); a search cut short did not find it (it may still be reachable). */
export type OutcomeStatus = 'holds-at-start' | 'reachable' | 'unreachable' | 'not-found';

/** What exploring says of one outcome: whether it can be reached, how likely it is, and a path to it. */
export interface OutcomeReach {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** What the outcome means, in words. */
  readonly means: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** `unreachable` only after an exhaustive search; a search cut short says `not-found`. */
  readonly status: OutcomeStatus;
  /** The exact probability of reaching it within the horizon; null when the search was cut short. */
  readonly probability: number | null;
  /** Lower and upper bounds: equal after an exhaustive search. */
  readonly probabilityBounds: readonly [number, number];
  /**
   * The probability of having reached it by the end of each day of the horizon, the start day
   * first (the last is `probability`); null when the search was cut short.
   */
  readonly reachedByDay: readonly number[] | null;
  /** The probability that it holds when the horizon ends; null when the search was cut short. */
  readonly holdsAtEnd: number | null;
  /** A shortest path to it, with its exact probability when the search was exhaustive. */
  readonly witness: Witness | null;
  /** With `path: 'likeliest'`: a most probable path to it, with its exact probability. */
  readonly likeliest?: Witness | null;
}

/** A state from which no event can happen any more before time is up (only days pass), where a path enters it. */
export interface DeadEnd {
  /** The dead-end state. */
  readonly state: JointStateJson;
  /** The outcomes holding there. */
  readonly outcomes: readonly OutcomeId[];
  /** A shortest path from the start to it (its `final` is `state`; no `probability`). */
  readonly witness: Witness;
}

/** What `parley explore` reports (and prints with `--json`). */
export interface ExploreResult {
  /** Always 'explore': what the JSON is. */
  readonly type: 'explore';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** Where the exploration starts: in words, as asked, the timeline events replayed to it, and the joint state there. */
  readonly start: StartReport;
  /** How far ahead it looks, and the scenario's likelihood window in days (default 7). */
  readonly horizon: HorizonReport & { readonly likelihoodWindow: number };
  /** `stopped`: the caller's `shouldStop` ended the search (otherwise a search that is not exhaustive was cut by `maxStates`). */
  readonly search: {
    readonly states: number;
    readonly transitions: number;
    readonly expanded: number;
    readonly exhaustive: boolean;
    readonly stopped: boolean;
    readonly maxStates: number;
  };
  /** One per outcome, in the scenario's order. */
  readonly outcomes: readonly OutcomeReach[];
  /** Which paths the outcomes show first: the shortest, or (asked for) the likeliest. */
  readonly paths: PathKind;
  /**
   * How the probabilities were computed: by transient analysis of the calendar chain
   * (uniformisation), every probability within `errorBound` of the exact value; `dayNeverEnds`, the
   * probability that urgent events keep each other possible and a day never ends. Null when the
   * search was stopped before anything was solved.
   */
  readonly odds: {
    readonly method: 'uniformisation';
    readonly errorBound: number;
    readonly dayNeverEnds: number;
  } | null;
  /**
   * States from which no event can happen any more before the horizon: how many, how many places
   * paths enter them, and the first few entries. `lookedFor` is false when the caller stopped the
   * search (a --timeout): then nothing is said of dead ends.
   */
  readonly deadEnds: {
    readonly lookedFor: boolean;
    readonly states: number;
    readonly entries: number;
    readonly examples: readonly DeadEnd[];
  };
}

const DEAD_END_EXAMPLES = 5;

/**
 * An outcome's status from the first state (breadth first) where it counts as reached, or -1:
 * the start state is number 0; "unreachable" only after an exhaustive search. Pure.
 */
export function getOutcomeStatus(first: number, exhaustive: boolean): OutcomeStatus {
  return first === 0 ? 'holds-at-start' : first > 0 ? 'reachable' : exhaustive ? 'unreachable' : 'not-found';
}

/**
 * Answers "from here, what can still happen?": explores every joint state reachable from the start
 * within the horizon and reports, per outcome, whether it is reachable, a shortest witness path
 * and the exact probability of reaching it. Pure (apart from `onProgress`: `searching`, then
 * `solving` states of those found, then `reporting` outcomes, the dead ends counted as one more).
 */
export function exploreScenario(model: Model, start: Start, options: ExploreOptions): ExploreResult {
  const exploration = exploreFrom(model, start, options);
  const { graph, horizon } = exploration;
  // A search stopped by the caller (a --timeout) has no time left for the solves or the dead ends:
  // its probability bounds stay [0, 1] and dead ends unsought.
  const dayEnds = graph.stopped ? null : getDayEnds(graph);
  const solved = dayEnds
    ? getTimeBoundedOdds(
        graph,
        model.outcomes.map((_, o) => o),
        graph.compiled.rates,
        dayEnds,
        options.onProgress,
      )
    : null;
  const evidence = (o: number, kind: PathKind, first: number): Witness | null =>
    findEvidence(
      exploration,
      dayEnds,
      (s) => outcomeHolds(graph, s, o),
      () => true,
      kind,
      getShortestPath(graph, first),
    );
  // Reporting: each outcome's paths (the likeliest a search of its own), then the dead ends.
  const { onProgress } = options;
  const total = model.outcomes.length + 1;
  const reporting = (done: number) => onProgress?.({ phase: 'reporting', done, total, unit: 'outcomes' });
  reporting(0);
  const outcomes = model.outcomes.map((outcome, o): OutcomeReach => {
    const first = exploration.firstReaching(o);
    const curve = solved ? getOutcomeCurve(solved, o) : null;
    const low = curve ? (curve.at(-1) ?? 0) : 0;
    const high = solved ? Math.min(1, low + (solved.unexploredByDay.at(-1) ?? 0)) : 1;
    const status = getOutcomeStatus(first, graph.exhaustive);
    return {
      id: outcome.id,
      means: outcome.means,
      cites: outcome.cites,
      status,
      probability: graph.exhaustive ? low : null,
      probabilityBounds: [low, high],
      reachedByDay: graph.exhaustive ? curve : null,
      holdsAtEnd: graph.exhaustive && solved ? (solved.holdsAtEnd[o] as number) : null,
      witness: first >= 0 ? evidence(o, 'shortest', first) : null,
      ...(options.path === 'likeliest' && { likeliest: first >= 0 ? evidence(o, 'likeliest', first) : null }),
    };
  });
  reporting(model.outcomes.length);

  const lookedFor = !graph.stopped;
  const dead = lookedFor ? findDeadEnds(graph) : new Uint8Array(0);
  const entries: number[] = [];
  let deadStates = 0;
  for (let i = 0; i < dead.length; i++) {
    if (dead[i] !== 1) continue;
    deadStates++;
    const parent = graph.parents[i] as number;
    if (parent < 0 || dead[parent] !== 1) entries.push(i);
  }
  const examples = entries.slice(0, DEAD_END_EXAMPLES).map((i): DeadEnd => {
    const witness = exploration.witnessTo(i);
    const { joint } = exploration.jointAt(i);
    return { state: witness.final, outcomes: getHoldingOutcomes(model, joint), witness };
  });
  reporting(total);

  return {
    type: 'explore',
    scenario: model.title,
    start: describeStart(model, start),
    horizon: { ...describeHorizon(horizon, start.joint.day), likelihoodWindow: getLikelihoodWindow(model) },
    search: {
      states: graph.keys.length,
      transitions: graph.edgeTargets.length,
      expanded: graph.expanded,
      exhaustive: graph.exhaustive,
      stopped: graph.stopped,
      maxStates: options.maxStates,
    },
    outcomes,
    paths: options.path ?? 'shortest',
    odds: solved && { method: 'uniformisation', errorBound: solved.errorBound, dayNeverEnds: solved.dayNeverEnds },
    deadEnds: { lookedFor, states: deadStates, entries: entries.length, examples },
  };
}
