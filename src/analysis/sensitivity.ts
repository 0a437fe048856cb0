import { describeHorizon, type HorizonOptions, type HorizonReport } from '../engine/horizon.js';
import { getEventWindow, getLikelihoodWindow, getRateOfLikelihood } from '../engine/next-moves.js';
import { getDayEnds } from '../explore/day-ends.js';
import { getDayTransitions } from '../explore/day-transitions.js';
import { exploreFrom } from '../explore/exploration.js';
import { getReachOddsForRates, type ReachOdds } from '../explore/rate-settings-odds.js';
import type { SearchLimits } from '../explore/state-graph.js';
import type { EventId, OutcomeId, ParagraphId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { describeLikelihood } from '../report/describe-likelihood.js';
import type { Start } from '../run/start-point.js';
import { getOddsNoise } from './diff.js';
import { compareSwings } from './swing-order.js';
import { describeTornadoRow, type TornadoRow } from './tornado-row.js';

/** An uncertain likelihood: its event, its band and what it stands for. */
export interface Assumption {
  /** The hypothetical event whose likelihood is uncertain (a word or an interval). */
  readonly event: EventId;
  /** The paragraphs of the source text the event is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** The quote from the source that grounds the event. */
  readonly quote: string;
  /** The likelihood as written, with its nominal value, such as `likely (0.675)` or `[0.2, 0.4] (0.3)`. */
  readonly likelihood: string;
  /** The low end of its band, a probability 0..1. */
  readonly low: number;
  /** The high end of its band, a probability 0..1. */
  readonly high: number;
  /** Why the scenario gives this likelihood (its `rationale`), or null when the file gives none. */
  readonly rationale: string | null;
  /** How sure the modeller is of it (ICD 203's analytic confidence), or null when the file does not say. */
  readonly confidence: 'low' | 'moderate' | 'high' | null;
}

/** How one outcome's probability moves with the assumptions. */
export interface OutcomeSensitivity {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** The probability with every likelihood at its nominal value. */
  readonly nominal: number;
  /** The lowest probability found over the likelihoods' bands (see `method`). */
  readonly low: number;
  /** The highest probability found over the likelihoods' bands (see `method`). */
  readonly high: number;
  /**
   * Each assumption moved alone to the ends of its range, largest swing first: every uncertain
   * likelihood within its band, the likelihood window and the horizon within theirs.
   */
  readonly tornado: readonly TornadoRow[];
}

/** What `parley sensitivity` reports (and prints with `--json`). */
export interface SensitivityResult {
  /** Always 'sensitivity': what the JSON is. */
  readonly type: 'sensitivity';
  /** The scenario's title (not its file name). */
  readonly scenario: string;
  /** Where the question starts: in words, and the start state's day. */
  readonly start: { readonly description: string; readonly day: number };
  /** How far ahead the question looks, at its nominal length. */
  readonly horizon: HorizonReport;
  /** True when every search explored every reachable state within its horizon; when false, every probability is a lower bound. */
  readonly exhaustive: boolean;
  /**
   * True when the caller's `shouldStop` ended the work: the tornado then lists only the assumptions
   * solved by then, and the range only the points solved.
   */
  readonly stopped: boolean;
  /**
   * `corners`: every combination of band ends was solved; `directed-corners`: too many assumptions
   * for that, so per outcome the two corners that push every likelihood the way it moves the outcome.
   */
  readonly method: 'corners' | 'directed-corners';
  /** The hypothetical events whose likelihood is uncertain (a word or an interval, not a plain number), in order of event id. */
  readonly assumptions: readonly Assumption[];
  /** The ranges the structural assumptions were moved over, in days. */
  readonly structural: {
    readonly window: { readonly nominal: number; readonly low: number; readonly high: number };
    readonly horizon: { readonly nominal: number; readonly low: number; readonly high: number };
  };
  /** One per outcome measured (all, or those in `outcomes`), in the scenario's order. */
  readonly outcomes: readonly OutcomeSensitivity[];
  /**
   * The largest error bound of the probabilities solved (each within it of the exact value): a
   * tornado row whose swing is within two of them moves nothing (see `hasNoEffect`).
   */
  readonly errorBound: number;
}

/** The documented ranges of the structural assumptions: the likelihood window and the horizon, in days. */
export const DEFAULT_WINDOW_RANGE: readonly [number, number] = [3, 14];
export const DEFAULT_HORIZON_RANGE: readonly [number, number] = [14, 60];

export interface SensitivityOptions extends SearchLimits, HorizonOptions {
  readonly outcomes?: readonly OutcomeId[];
  /** The scenario's likelihood window moved from and to (default 3 to 14 days); every event's own window by the same factor. */
  readonly windowRange?: readonly [number, number];
  /** The horizon moved from and to (default 14 to 60 days). */
  readonly horizonRange?: readonly [number, number];
}

/** Up to this many assumptions, every corner of their box (2^n solutions) is solved. */
export const MAX_CORNER_ASSUMPTIONS = 10;

/**
 * Measures how the outcomes' exact probabilities depend on the likelihoods that are uncertain
 * (estimative words, whose ICD 203 bands bound them, and intervals). The joint states and moves do
 * not depend on likelihoods, so the state space is explored once and only the probabilities are
 * solved again: for each end of each band (the tornado table), and for every corner of the box of
 * bands (with more than 10 assumptions, per outcome the two corners that push each likelihood the
 * way it alone moves the outcome). The range is the lowest and highest probability over the points
 * solved: exact when each probability moves one way as each likelihood grows. Pure (apart from `onProgress`: the search, then `solving`, solve by solve).
 */
export function analyseSensitivity(model: Model, start: Start, options: SensitivityOptions): SensitivityResult {
  const { compiled, graph, horizon } = exploreFrom(model, start, options);
  // A search stopped by the caller (a --timeout) leaves no time to solve: its lower bounds are 0.
  // The day ends and each day's transitions depend on the graph alone, not on the rates: worked
  // out once for every solve.
  const dayEnds = graph.stopped ? null : getDayEnds(graph);
  const transitions = getDayTransitions(graph, true);
  const chosen = model.outcomes
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => !options.outcomes || options.outcomes.includes(o.id));
  const indexes = chosen.map(({ i }) => i);

  const assumptions: (Assumption & { move: number; window: number })[] = [];
  compiled.events.forEach((table, move) => {
    const event = getEvent(model, table.id);
    const likelihood = event.likelihood;
    if (likelihood && likelihood.kind !== 'number')
      assumptions.push({
        event: table.id,
        cites: event.cites,
        quote: event.quote,
        likelihood: describeLikelihood(likelihood),
        low: likelihood.low,
        high: likelihood.high,
        rationale: likelihood.rationale ?? null,
        confidence: likelihood.confidence ?? null,
        move,
        window: getEventWindow(model, event),
      });
  });
  // Every hypothetical event's likelihood and window, for the window scaled as a whole.
  const everyEvent = compiled.events.map((table) => {
    const event = getEvent(model, table.id);
    return { p: event.likelihood?.value ?? 0, window: getEventWindow(model, event) };
  });
  let errorBound = 0;
  // Every solve counted, of as many as the method takes: the nominal one, both ends of each
  // assumption, of the window and of the horizon, then the corners.
  const cornerSolves = assumptions.length <= MAX_CORNER_ASSUMPTIONS ? 2 ** assumptions.length : 2 * indexes.length;
  const totalSolves = 1 + 2 * assumptions.length + 3 + cornerSolves;
  let solves = 0;
  // Told after each solve (so the last report is every solve done).
  const solved = (count = 1) => {
    solves += count;
    options.onProgress?.({ phase: 'solving', done: Math.min(solves, totalSolves), total: totalSolves, unit: 'solves' });
  };
  const { onProgress: _onProgress, ...quiet } = options;
  // A change sets an assumption's likelihood to p: the event's rate at p within its own window.
  const ratesOf = (changes: readonly (readonly [(typeof assumptions)[number], number])[], windowFactor = 1) => {
    const weights = Float64Array.from(compiled.rates);
    if (windowFactor !== 1)
      everyEvent.forEach((e, move) => (weights[move] = getRateOfLikelihood(e.p, e.window * windowFactor)));
    for (const [a, p] of changes) weights[a.move] = getRateOfLikelihood(p, a.window * windowFactor);
    return weights;
  };
  let stopped = graph.stopped;
  const stop = () => (stopped ||= options.shouldStop?.() ?? false);
  // Every setting of a batch solved together (`getReachOddsForRates`: the numbers of a solve
  // each, with no column for "holds at the end", which sensitivity never reads); each setting's
  // curve, or those solved before a stop. `first` settings are solved whatever the caller says.
  const solveAll = (settings: readonly Float64Array[], outcomes = indexes, first = 0): number[][][] => {
    if (!dayEnds) return settings.map(() => (solved(), outcomes.map(() => [0])));
    let told = 0;
    const before = solves;
    const odds = getReachOddsForRates(graph, outcomes, settings, dayEnds, transitions, {
      solved: (done) => {
        solved(done - told);
        told = done;
      },
      shouldStop: () => solves - before >= first && stop(),
    });
    return odds.map((o) => {
      errorBound = Math.max(errorBound, o.errorBound);
      return outcomes.map((_, k) => Array.from(o.reachedByDay.subarray(k * o.days, (k + 1) * o.days)));
    });
  };
  const finalOf = (curves: number[][]) => curves.map((curve) => curve.at(-1) ?? 0);

  // The structural assumptions: the window (rates only, on the same graph) and the horizon (the
  // graph depends on it). The chance of reaching an outcome within d days is the same whatever
  // comes after day d (time being up only stops what would come later), so the curve's day d is
  // the answer within d days: a horizon no longer than the question's is read off the nominal
  // solve, a longer one off one new search and solve to the later end.
  const windowRange = options.windowRange ?? DEFAULT_WINDOW_RANGE;
  const horizonRange = options.horizonRange ?? DEFAULT_HORIZON_RANGE;
  const scenarioWindow = getLikelihoodWindow(model);
  // The nominal point, both ends of each band, then both ends of the window: one batch.
  const firstBatch = [
    ratesOf([]),
    ...assumptions.flatMap((a) => [ratesOf([[a, a.low]]), ratesOf([[a, a.high]])]),
    ratesOf([], windowRange[0] / scenarioWindow),
    ratesOf([], windowRange[1] / scenarioWindow),
  ];
  // A search stopped by the caller leaves only the nominal point (all 0: its lower bounds).
  const curves = stopped ? solveAll(firstBatch.slice(0, 1)) : solveAll(firstBatch, indexes, 1);
  const nominalCurves = curves[0] as number[][];
  const nominal = finalOf(nominalCurves);
  const ends: { atLow: number[]; atHigh: number[] }[] = [];
  for (let j = 0; j < assumptions.length && 2 + 2 * j < curves.length; j++)
    ends.push({ atLow: finalOf(curves[1 + 2 * j] as number[][]), atHigh: finalOf(curves[2 + 2 * j] as number[][]) });
  const windowCurves = curves.slice(1 + 2 * assumptions.length);
  const windowEnds =
    windowCurves.length === 2
      ? { atLow: finalOf(windowCurves[0] as number[][]), atHigh: finalOf(windowCurves[1] as number[][]) }
      : null;
  if (!windowEnds) stopped = true;
  let exhaustive = graph.exhaustive;
  const nominalDays = describeHorizon(horizon, start.joint.day).days;
  const horizonEnds = stop()
    ? null
    : Math.max(...horizonRange) <= nominalDays
      ? readHorizonEnds(nominalCurves, horizonRange, solved)
      : solveHorizonEnds(model, start, quiet, horizonRange, indexes, solved);
  if (horizonEnds) {
    exhaustive &&= horizonEnds.exhaustive;
    errorBound = Math.max(errorBound, horizonEnds.errorBound);
  }

  const method = assumptions.length <= MAX_CORNER_ASSUMPTIONS ? 'corners' : 'directed-corners';
  const lows = [...nominal];
  const highs = [...nominal];
  const widen = (values: number[]) =>
    values.forEach((v, k) => {
      lows[k] = Math.min(lows[k] as number, v);
      highs[k] = Math.max(highs[k] as number, v);
    });
  for (const end of ends) {
    widen(end.atLow);
    widen(end.atHigh);
  }
  if (horizonEnds && !horizonEnds.ends) stopped = true;
  if (stopped) {
    // Corners need every assumption's ends; what was solved so far stands.
  } else if (method === 'corners') {
    const corners = Array.from({ length: 2 ** assumptions.length }, (_, corner) =>
      ratesOf(assumptions.map((a, j) => [a, (corner >> j) & 1 ? a.high : a.low] as const)),
    );
    for (const values of solveAll(corners)) widen(finalOf(values));
  } else {
    // Per outcome, the two corners where every likelihood sits at the end that (alone) lowers it,
    // or raises it: the extremes when each likelihood moves the outcome one way. Each corner is
    // solved for its own outcome only.
    indexes.forEach((outcome, k) => {
      if (stop()) return;
      const corners = [1, -1].map((direction) =>
        ratesOf(
          assumptions.map((a, j) => {
            const end = ends[j] as { atLow: number[]; atHigh: number[] };
            const raises = (end.atHigh[k] as number) >= (end.atLow[k] as number);
            return [a, raises === (direction === 1) ? a.high : a.low] as const;
          }),
        ),
      );
      for (const values of solveAll(corners, [outcome])) {
        const value = finalOf(values)[0] as number;
        lows[k] = Math.min(lows[k] as number, value);
        highs[k] = Math.max(highs[k] as number, value);
      }
    });
  }

  return {
    type: 'sensitivity',
    scenario: model.title,
    start: { description: start.description, day: start.joint.day },
    horizon: describeHorizon(horizon, start.joint.day),
    exhaustive,
    stopped,
    method,
    assumptions: assumptions.map(({ move: _move, window: _window, ...a }) => a),
    structural: {
      window: { nominal: scenarioWindow, low: windowRange[0], high: windowRange[1] },
      horizon: { nominal: nominalDays, low: horizonRange[0], high: horizonRange[1] },
    },
    outcomes: chosen.map(({ o }, k) => {
      const row = (ends: { atLow: number[]; atHigh: number[] }) => {
        const atLow = ends.atLow[k] as number;
        const atHigh = ends.atHigh[k] as number;
        return { atLow, atHigh, swing: Math.abs(atHigh - atLow) };
      };
      const rows: TornadoRow[] = assumptions
        .slice(0, ends.length)
        .map((a, j) => ({ kind: 'likelihood' as const, event: a.event, ...row(ends[j] as (typeof ends)[number]) }));
      if (windowEnds) rows.push({ kind: 'window', low: windowRange[0], high: windowRange[1], ...row(windowEnds) });
      if (horizonEnds?.ends)
        rows.push({ kind: 'horizon', low: horizonRange[0], high: horizonRange[1], ...row(horizonEnds.ends) });
      return {
        id: o.id,
        nominal: nominal[k] as number,
        low: lows[k] as number,
        high: highs[k] as number,
        tornado: rows.sort(
          (x, y) =>
            compareSwings(x.swing, y.swing, getOddsNoise(errorBound, errorBound)) ||
            describeTornadoRow(x).localeCompare(describeTornadoRow(y)),
        ),
      };
    }),
    errorBound,
  };
}

/**
 * The outcomes' probabilities within each end of the horizon's range, read off the nominal
 * solve's curves (both ends no later than the question's horizon; see `analyseSensitivity`).
 * Pure (apart from `solved`, told of the solve it stands for).
 */
function readHorizonEnds(curves: readonly number[][], range: readonly [number, number], solved: () => void) {
  solved();
  const within = (days: number) => curves.map((curve) => curve[days - 1] ?? 0);
  return { ends: { atLow: within(range[0]), atHigh: within(range[1]) }, exhaustive: true, errorBound: 0 };
}

/**
 * The outcomes' probabilities within each end of the horizon's range: one search and one solve to
 * the later end, read at both (see `analyseSensitivity`). `ends` is null when the search was
 * stopped. Pure (apart from `solved`, told of the solve).
 */
function solveHorizonEnds(
  model: Model,
  start: Start,
  options: SensitivityOptions,
  range: readonly [number, number],
  indexes: readonly number[],
  solved: () => void,
) {
  const other = exploreFrom(model, start, { ...options, horizonDays: Math.max(range[0], range[1]) });
  solved();
  if (other.graph.stopped) return { ends: null, exhaustive: false, errorBound: 0 };
  const { graph } = other;
  const [odds] = getReachOddsForRates(
    graph,
    indexes,
    [graph.compiled.rates],
    getDayEnds(graph),
    getDayTransitions(graph),
  );
  const { reachedByDay, days, errorBound } = odds as ReachOdds;
  const within = (d: number) =>
    indexes.map((_, k) => (d >= 1 && d <= days ? (reachedByDay[k * days + d - 1] as number) : 0));
  return {
    ends: { atLow: within(range[0]), atHigh: within(range[1]) },
    exhaustive: graph.exhaustive,
    errorBound,
  };
}
