import type { HorizonOptions, HorizonReport } from '../engine/horizon.js';
import { exploreScenario, type OutcomeStatus } from '../explore/explore-scenario.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { OutcomeId, ParagraphId } from '../model/ids.js';
import { formatPath, type DataPath } from '../model/problem.js';
import type { ElementNote, Model } from '../model/model.js';
import { findElementNote } from './element-notes.js';
import { replayStart, type Start } from '../run/start-point.js';
import { classifyChange, getOddsNoise, type OutcomeChangeKind } from './diff.js';
import { compareSwings } from './swing-order.js';
import { listModelElements, type ElementTarget, type ModelElement } from './model-elements.js';
import { withoutElement } from './remove-element.js';
import { openReusableGraph, type ReusableGraph } from './reusable-graph.js';

/** One outcome's answer with every element in place, as the ablation compares against it. */
export interface AblationBaseline {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** What the outcome means, in words. */
  readonly means: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** Its status with every element in place, as `explore` gives it. */
  readonly status: OutcomeStatus;
  /** Its exact probability of being reached within the horizon; null when the search was not exhaustive. */
  readonly probability: number | null;
  /** Its exact probability of holding when time is up; null when the search was not exhaustive. */
  readonly holdsAtEnd: number | null;
}

/** What removing one element did to one outcome. */
export interface ElementOutcomeChange {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** Its status without the element. */
  readonly status: OutcomeStatus;
  /** Its probability of being reached within the horizon without the element; null when that search was not exhaustive. */
  readonly probability: number | null;
  /** Its probability of holding when time is up without the element; null likewise. */
  readonly holdsAtEnd: number | null;
  /** The probability of reaching it within the horizon, without the element minus with it. */
  readonly delta: number | null;
  /** The same difference for the probability of holding at the end; null unless both are known. */
  readonly holdsAtEndDelta: number | null;
  /** What removing the element did to it, as `diff` names a change (`became unreachable`, `odds changed`, ...). */
  readonly change: OutcomeChangeKind;
}

/**
 * What one element does: `moves` (its removal changes an outcome's reachability, its probability
 * within the horizon or of holding at the end, or the timeline no longer replays as written),
 * `inert` (it changes none of them), `cannot-tell` (a search was cut short).
 */
export type ElementEffectKind = 'moves' | 'inert' | 'cannot-tell';

/** One modelling element, and what removing it does to each outcome measured. */
export interface ElementEffect {
  /** The element's place in the file written out, such as `events.x.requires.fact.y`: how a note in `notes` names it. */
  readonly id: string;
  /** Its place in the file, as keys and list indexes (`id` is this path written out). */
  readonly path: DataPath;
  /** What kind of element it is: `transition`, `when`, `requires`, `urgent`, `event`, `set` or `add`. */
  readonly kind: ElementTarget['kind'];
  /** The element in words. */
  readonly description: string;
  /** The paragraphs of the source text it is drawn from (its event's, or its stance's). */
  readonly cites: readonly ParagraphId[];
  /** Whether removing it moves an outcome, moves none (`inert`), or cannot be told (a search was cut short). */
  readonly effect: ElementEffectKind;
  /** The largest change it makes to a probability of the outcomes asked about (0 when inert). */
  readonly swing: number;
  /**
   * `reused`: solved on the scenario's own explored graph (a hypothetical event that is not urgent:
   * removing it takes moves away and adds none); `explored`: its variant explored anew.
   */
  readonly solved: 'reused' | 'explored';
  /** Joint states found in the variant without it. */
  readonly states: number;
  /** Timeline events whose `requires` no longer holds where they happen without it. */
  readonly timeline: readonly string[];
  /** What removing it did to each outcome measured, in the scenario's order. */
  readonly outcomes: readonly ElementOutcomeChange[];
  /** The modeller's note on it (see `notes` in the file), or null. */
  readonly note: ElementNote | null;
}

/** What `parley ablate` reports (and prints with `--json`). */
export interface AblationResult {
  /** Always 'ablation': what the JSON is. */
  readonly type: 'ablation';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** Where the question starts: in words, and the start state's day. */
  readonly start: { readonly description: string; readonly day: number };
  /** How far ahead the question looks. */
  readonly horizon: HorizonReport;
  /** The search of the scenario as written: joint states found, and whether it was exhaustive. */
  readonly search: { readonly states: number; readonly exhaustive: boolean };
  /** True when the caller's `shouldStop` ended the work: `elements` lists those done by then. */
  readonly stopped: boolean;
  /** The answers with every element in place, one per outcome measured, in the scenario's order. */
  readonly outcomes: readonly AblationBaseline[];
  /** Every element tried, the largest swing first (swings within the error bounds of each other in the file's order). */
  readonly elements: readonly ElementEffect[];
  /** How many elements the scenario has (more than `elements` when stopped). */
  readonly total: number;
}

export interface AblationOptions extends SearchLimits, HorizonOptions {
  /** Only these outcomes count (default: all). */
  readonly outcomes?: readonly OutcomeId[];
}

/**
 * Removes each modelling element of the scenario in turn (see `listModelElements`), explores the
 * variant exactly from the same point of the timeline, and measures how each outcome moved:
 * reachability, the probability of reaching it within the horizon and of its holding at the end,
 * compared as `parley diff` compares (within the odds' error bounds is no change). Elements whose
 * removal cannot add states (hypothetical events that are not urgent) are solved on the
 * scenario's own graph with the event's rate set to 0, instead of a new search. Pure (apart from
 * `onProgress`: the scenario's own exploration's phases, then `removing elements`, one by one).
 */
export function analyseAblation(model: Model, start: Start, options: AblationOptions): AblationResult {
  const base = exploreScenario(model, start, options);
  const chosen = base.outcomes.filter((o) => !options.outcomes || options.outcomes.includes(o.id));
  const baseline = chosen.map((o): AblationBaseline => ({
    id: o.id,
    means: o.means,
    cites: o.cites,
    status: o.status,
    probability: o.probability,
    holdsAtEnd: o.holdsAtEnd,
  }));
  const elements = listModelElements(model);
  // The variants' own searches are not reported: the elements measured are.
  const { onProgress, ...quiet } = options;
  const removing = (done: number) =>
    onProgress?.({ phase: 'removing elements', done, total: elements.length, unit: 'elements' });
  removing(0);
  const reusable: ReusableGraph | null = base.search.exhaustive ? openReusableGraph(model, start, quiet) : null;
  const effects: ElementEffect[] = [];
  let stopped = base.search.stopped;
  for (const element of elements) {
    const effect = stopped
      ? null
      : measureElement(model, start, quiet, element, baseline, base.odds?.errorBound ?? 0, reusable);
    // An element whose variant a stop cut short is not measured: what was done stands.
    if (!effect) {
      stopped = true;
      break;
    }
    effects.push(effect);
    removing(effects.length);
  }
  const order = new Map(elements.map((e, i) => [e.id, i]));
  const noise = getOddsNoise(base.odds?.errorBound ?? 0, base.odds?.errorBound ?? 0);
  effects.sort(
    (a, b) => compareSwings(a.swing, b.swing, noise) || (order.get(a.id) as number) - (order.get(b.id) as number),
  );
  return {
    type: 'ablation',
    scenario: model.title,
    start: { description: start.description, day: start.joint.day },
    horizon: base.horizon,
    search: { states: base.search.states, exhaustive: base.search.exhaustive },
    stopped,
    outcomes: baseline,
    elements: effects,
    total: elements.length,
  };
}

function measureElement(
  model: Model,
  origin: Start,
  options: AblationOptions,
  element: ModelElement,
  baseline: readonly AblationBaseline[],
  baseError: number,
  reusable: ReusableGraph | null,
): ElementEffect | null {
  const target = element.target;
  const reused = target.kind === 'event' ? (reusable?.withoutEvent(target.event) ?? null) : null;
  let answers: readonly {
    id: OutcomeId;
    status: OutcomeStatus;
    probability: number | null;
    holdsAtEnd: number | null;
  }[];
  let errorBound: number;
  let states: number;
  let timeline: string[] = [];
  if (reused) {
    ({ answers, errorBound } = reused);
    states = reusable?.states ?? 0;
  } else {
    const variant = withoutElement(model, target);
    const { start, problems } = replayStart(variant, origin);
    timeline = problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
    const explored = exploreScenario(variant, start, options);
    if (explored.search.stopped) return null;
    answers = explored.outcomes;
    errorBound = explored.odds?.errorBound ?? 0;
    states = explored.search.states;
  }
  const noise = getOddsNoise(baseError, errorBound);
  const outcomes = baseline.map((b): ElementOutcomeChange => {
    const a = answers.find((o) => o.id === b.id) as (typeof answers)[number];
    const delta = a.probability !== null && b.probability !== null ? a.probability - b.probability : null;
    const holdsAtEndDelta = a.holdsAtEnd !== null && b.holdsAtEnd !== null ? a.holdsAtEnd - b.holdsAtEnd : null;
    let change = classifyChange(b, a, noise);
    // The chance of holding at the end can move while that of reaching it does not.
    if (change === 'unchanged' && holdsAtEndDelta !== null && Math.abs(holdsAtEndDelta) > noise)
      change = 'odds changed';
    return {
      id: b.id,
      status: a.status,
      probability: a.probability,
      holdsAtEnd: a.holdsAtEnd,
      delta,
      holdsAtEndDelta,
      change,
    };
  });
  const unknown = outcomes.some((o) => o.change === 'cannot tell' || o.change === 'reachable in both, odds unknown');
  const moved = timeline.length > 0 || outcomes.some((o) => o.change !== 'unchanged');
  const swing = Math.max(
    0,
    ...outcomes.map((o) =>
      o.change === 'unchanged' ? 0 : Math.max(Math.abs(o.delta ?? 0), Math.abs(o.holdsAtEndDelta ?? 0)),
    ),
  );
  return {
    id: element.id,
    path: element.path,
    kind: target.kind,
    description: element.description,
    cites: element.cites,
    effect: unknown ? 'cannot-tell' : moved ? 'moves' : 'inert',
    swing,
    solved: reused ? 'reused' : 'explored',
    states,
    timeline,
    outcomes,
    note: findElementNote(model, element.id) ?? null,
  };
}
