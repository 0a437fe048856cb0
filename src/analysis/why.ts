import { describeHorizon, type HorizonOptions, type HorizonReport } from '../engine/horizon.js';
import { getJointView } from '../engine/joint-state.js';
import { isDayMove, type Move } from '../engine/move.js';
import { describeWitness, type Witness } from '../explore/witness.js';
import { compileCondition } from '../model/evaluate-condition.js';
import { explainFailure } from '../model/explain-condition.js';
import type { EventId, OutcomeId, ParagraphId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import type { Start, StartPoint } from '../run/start-point.js';
import { getConditionLeaves } from './condition-leaves.js';
import { getLeafProducers } from './leaf-producers.js';
import { withoutEvents } from './model-variants.js';
import { searchOutcome, type OutcomeSearch } from './search-outcome.js';
import { outcomeHolds, type SearchLimits } from '../explore/state-graph.js';
import { getDayEnds } from '../explore/day-ends.js';
import { findEvidence, getShortestPath, type PathKind } from '../explore/witness-path.js';

/** An event named in an explanation, with its source. */
export interface EventSource {
  /** The event's id in the scenario. */
  readonly id: EventId;
  /** Its one-line summary. */
  readonly summary: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** The quote from the source that grounds it. */
  readonly quote: string;
}

/** What `parley why` reports (and prints with `--json`). */
export interface WhyResult {
  /** Always 'why': what the JSON is. */
  readonly type: 'why';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** The outcome explained, with its condition in words (its parts joined by " and "). */
  readonly outcome: {
    readonly id: OutcomeId;
    readonly means: string;
    readonly cites: readonly ParagraphId[];
    readonly condition: string;
  };
  /** Where the question starts: in words, as asked, and the start state's day. */
  readonly start: { readonly description: string; readonly point: StartPoint; readonly day: number };
  /** How far ahead the question looks. */
  readonly horizon: HorizonReport;
  /** True when some path reaches the outcome within the horizon; after a search cut short, false means only that none was found. */
  readonly reachable: boolean;
  /** False when a search was cut by `maxStates` or stopped: then nothing below is proven. */
  readonly exhaustive: boolean;
  /** True when the caller's `shouldStop` ended the work: the blocking sets may be incomplete. */
  readonly stopped: boolean;
  /** Joint states found by the search with every event allowed. */
  readonly states: number;
  /** Which path `witness` is: a shortest (the default) or the likeliest found. */
  readonly path: PathKind;
  /** A path to the outcome, with its quotes and (after an exhaustive search) its exact probability. */
  readonly witness: Witness | null;
  /** Events every path to the outcome takes. */
  readonly necessary: readonly EventSource[];
  /** The smallest sets of events (up to `maxSetSize` each) without which no path reaches it. */
  readonly blockingSets: readonly (readonly EventSource[])[];
  /** The largest blocking set looked for, in events (default 3). */
  readonly maxSetSize: number;
  /**
   * For an unreachable outcome: the parts of its condition that hold in no reachable state, the
   * events that could make them hold and why they do not, and the nearest miss.
   */
  readonly unreachable: {
    readonly neverHold: readonly string[];
    readonly producers: readonly Producer[];
    readonly nearest: {
      readonly holds: number;
      readonly of: number;
      readonly failing: readonly string[];
      readonly witness: Witness;
    } | null;
  } | null;
}

/**
 * An event that could make a never-holding part of the outcome's condition hold: from how many
 * reachable states it can happen, and the parts of its precondition that hold in no reachable
 * state (when it can happen from none, the condition that fails on the whole frontier).
 */
export interface Producer {
  /** The event, with its source. */
  readonly event: EventSource;
  /** The never-holding parts of the outcome's condition it could make hold. */
  readonly for: readonly string[];
  /** From how many reachable states it can happen (0: from none). */
  readonly happensFrom: number;
  /** Whether its whole precondition holds in some reachable state (where it may yet lack time or events). */
  readonly requiresHolds: boolean;
  /** The parts of its precondition that hold in no reachable state. */
  readonly requiresNeverHold: readonly string[];
}

export interface WhyOptions extends SearchLimits, HorizonOptions {
  /** The largest blocking set looked for (default 3). */
  readonly maxSetSize?: number;
  /** The path to show: `shortest` (default) or `likeliest`. */
  readonly path?: PathKind;
}

/**
 * Explains how an outcome is reached: a shortest path with its quotes, the events every path takes
 * (each removed in turn, the outcome becomes unreachable), and the smallest sets of events whose
 * absence blocks it, found as minimal hitting sets of its paths (Reiter's hitting-set tree: each
 * level removes one event of a path that still reaches it). For an unreachable outcome, which parts
 * of its condition never hold. Pure (apart from `onProgress`: the search, then `testing blocking sets`); one exhaustive exploration per set examined.
 */
export function explainOutcome(model: Model, start: Start, outcome: OutcomeId, options: WhyOptions): WhyResult {
  const o = model.outcomes.findIndex((x) => x.id === outcome);
  const target = model.outcomes[o];
  if (!target) throw new Error(`parley: no outcome "${outcome}"`);
  const maxSetSize = options.maxSetSize ?? 3;
  // The first search is reported as a search; the variants' as the sets of events they test.
  const { onProgress, ...quiet } = options;
  const base = searchOutcome(model, start, options, o);
  const search = (removed: ReadonlySet<EventId>) => searchOutcome(withoutEvents(model, removed), start, quiet, o);
  let tested = 0;
  let exhaustive = base.exploration.graph.exhaustive;
  let stopped = base.exploration.graph.stopped;
  const witnessOf = (moves: readonly Move[]): Witness => describeWitness(model, start.joint, moves);

  const blocking: EventId[][] = [];
  if (base.path) {
    // Breadth-first over sets of removed events: a set that still lets the outcome through is
    // extended by each event of the path that does; sets containing a blocking set are skipped.
    let level: { set: EventId[]; path: NonNullable<OutcomeSearch['path']> }[] = [{ set: [], path: base.path }];
    const seen = new Set<string>(['']);
    for (let size = 1; size <= maxSetSize && level.length > 0 && !stopped; size++) {
      const next: typeof level = [];
      for (const { set, path } of level) {
        for (const move of new Set(path)) {
          if (isDayMove(move)) continue;
          if (options.shouldStop?.()) {
            stopped = true;
            exhaustive = false;
            break;
          }
          const candidate = [...set, move].sort();
          const key = candidate.join('\u0000');
          if (seen.has(key) || blocking.some((b) => b.every((e) => candidate.includes(e)))) continue;
          seen.add(key);
          onProgress?.({ phase: 'testing blocking sets', done: tested++, unit: 'sets' });
          const result = search(new Set(candidate));
          exhaustive &&= result.exploration.graph.exhaustive;
          stopped ||= result.exploration.graph.stopped;
          if (!result.path) {
            if (result.exploration.graph.exhaustive) blocking.push(candidate);
          } else if (size < maxSetSize) next.push({ set: candidate, path: result.path });
        }
      }
      level = next;
    }
  }
  blocking.sort((a, b) => a.length - b.length || a.join().localeCompare(b.join()));
  const source = (id: EventId) => getEventSource(model, id);

  return {
    type: 'why',
    scenario: model.title,
    outcome: {
      id: target.id,
      means: target.means,
      cites: target.cites,
      condition: getConditionLeaves(target.when)
        .map((l) => l.description)
        .join(' and '),
    },
    start: { description: start.description, point: start.point, day: start.joint.day },
    horizon: describeHorizon(base.exploration.horizon, start.joint.day),
    reachable: base.first >= 0,
    exhaustive,
    stopped,
    states: base.exploration.graph.keys.length,
    path: options.path ?? 'shortest',
    witness:
      base.first >= 0
        ? findEvidence(
            base.exploration,
            base.exploration.graph.stopped ? null : getDayEnds(base.exploration.graph),
            (s) => outcomeHolds(base.exploration.graph, s, o),
            () => true,
            options.path ?? 'shortest',
            getShortestPath(base.exploration.graph, base.first),
          )
        : null,
    necessary: blocking.filter((set) => set.length === 1).map((set) => source(set[0] as EventId)),
    blockingSets: blocking.map((set) => set.map(source)),
    maxSetSize,
    unreachable: base.first < 0 ? explainUnreachable(model, base, target.when, witnessOf, options.shouldStop) : null,
  };
}

/** An event with its summary and sources, as explanations name it. Pure. */
function getEventSource(model: Model, id: EventId): EventSource {
  const e = getEvent(model, id);
  return { id, summary: e.summary, cites: e.cites, quote: e.quote };
}

/**
 * The parts of the condition that never hold, the events that could make them hold (from how many
 * states each can happen, which parts of its precondition never hold), and the state meeting most
 * parts. One pass over the reachable states and one over the transitions; stops early (with what
 * it has seen) once `shouldStop` says so.
 */
function explainUnreachable(
  model: Model,
  search: OutcomeSearch,
  condition: Model['outcomes'][number]['when'],
  witnessOf: (moves: readonly Move[]) => Witness,
  shouldStop?: () => boolean,
): NonNullable<WhyResult['unreachable']> {
  const leaves = getConditionLeaves(condition);
  const predicates = leaves.map((l) => compileCondition(l.condition));
  const everHeld = leaves.map(() => false);
  // The events that could make a part hold, and the parts of their preconditions, checked in the same pass.
  const leafProducers = leaves.map((l) => getLeafProducers(model, l.condition));
  const producerIds = [...new Set(leafProducers.flat())];
  const requiresParts = producerIds.map((id) => {
    const requires = getEvent(model, id).requires;
    const parts = requires ? getConditionLeaves(requires) : [];
    return {
      whole: requires ? compileCondition(requires) : () => true,
      wholeHeld: false,
      parts,
      tests: parts.map((l) => compileCondition(l.condition)),
      held: parts.map(() => false),
    };
  });
  let best = -1;
  let bestCount = -1;
  const { exploration } = search;
  const { graph, compiled } = exploration;
  for (let i = 0; i < graph.keys.length; i++) {
    if (shouldStop && (i & 4095) === 4095 && shouldStop()) break;
    if (!exploration.canReachAt(i)) continue;
    const { joint } = exploration.jointAt(i);
    const view = getJointView(model, joint);
    let count = 0;
    predicates.forEach((p, k) => {
      if (p(view)) {
        everHeld[k] = true;
        count++;
      }
    });
    for (const r of requiresParts) {
      r.wholeHeld ||= r.whole(view);
      r.tests.forEach((test, k) => (r.held[k] ||= test(view)));
    }
    if (count > bestCount) {
      bestCount = count;
      best = i;
    }
  }
  const neverHold = leaves.filter((_, k) => !everHeld[k]).map((l) => l.description);
  // One pass over the transitions counts, per event, the states it can happen from.
  const movesFrom = new Int32Array(compiled.events.length + 1);
  for (let e = 0; e < (graph.edgeStart[graph.expanded] as number); e++)
    (movesFrom[graph.edgeMoves[e] as number] as number)++;
  const producers = producerIds.flatMap((id, j): Producer[] => {
    const serves = leaves
      .filter((l, k) => !everHeld[k] && (leafProducers[k] as EventId[]).includes(id))
      .map((l) => l.description);
    if (serves.length === 0) return [];
    const happensFrom = movesFrom[compiled.events.findIndex((e) => e.id === id)] as number;
    const r = requiresParts[j] as (typeof requiresParts)[number];
    return [
      {
        event: getEventSource(model, id),
        for: serves,
        happensFrom,
        requiresHolds: r.wholeHeld,
        requiresNeverHold: r.parts.filter((_, k) => !r.held[k]).map((l) => l.description),
      },
    ];
  });
  if (best < 0) return { neverHold, producers, nearest: null };
  const { joint } = exploration.jointAt(best);
  const failing = explainFailure(condition, getJointView(model, joint));
  return {
    neverHold,
    producers,
    nearest: { holds: bestCount, of: leaves.length, failing, witness: witnessOf(exploration.pathTo(best)) },
  };
}
