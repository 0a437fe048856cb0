import { BLOCK_WIDTHS, gatherBlock } from './block-gather.js';
import { solveDayByDay, type ColumnLayout } from './day-by-day.js';
import type { DayEnds } from './day-ends.js';
import { getEpsilonPerDay, getExitRates } from './day-race.js';
import type { DayTransitionSource, DayTransitions } from './day-transitions.js';
import { getPoissonWeights, type PoissonWeights } from './poisson-weights.js';
import { outcomeHolds, type StateGraph } from './state-graph.js';
import type { StatesByDay } from './states-by-day.js';

/** One rate setting's odds from `getReachOddsForRates`: what `getTimeBoundedOdds` gives for reaching, and only that. */
export interface ReachOdds {
  readonly days: number;
  /** `reachedByDay[k * days + d]`, as `TimeBoundedOdds.reachedByDay`. */
  readonly reachedByDay: Float64Array;
  /** As `TimeBoundedOdds.errorBound`. */
  readonly errorBound: number;
}

/** What `getReachOddsForRates` is told, and may be asked, between blocks of columns. */
export interface SettingsProgress {
  /** Told the number of settings solved so far (every one of their outcomes). */
  readonly solved?: (settings: number) => void;
  /** Asked between blocks: true stops the work, and only the settings solved by then are returned. */
  readonly shouldStop?: () => boolean;
}

/** A column of a block: one outcome under one rate setting. */
interface Column {
  readonly setting: number;
  readonly outcome: number;
}

/**
 * Returns, for each rate setting (per move number, as `getTimeBoundedOdds`'s `rates`), the
 * probability of reaching each listed outcome by the end of each day: the numbers
 * `getTimeBoundedOdds(graph, outcomes, settings[s], dayEnds, undefined, transitions)` gives, bit
 * for bit (each column is solved with its setting's own uniformisation rate and Poisson weights,
 * and its sums are made in the same order), without the column for "holds at the end" that only
 * that solve needs. The columns (setting by outcome) are solved a block at a time, several a
 * sweep of each day's rows, each with its own shares and stays: the rows are read once for the
 * block, and a state's columns share a cache line. Pure (apart from `progress`). Cost: per block
 * of up to 4 columns and day, the largest of its settings' passes (about q + 6 sqrt(q)) over the
 * day's transitions, and one pass over the day's edges per setting for its exit rates; pass
 * `transitions` kept (`getDayTransitions(graph, true)`) so that each day's are built once.
 */
export function getReachOddsForRates(
  graph: StateGraph,
  outcomes: readonly number[],
  settings: readonly Float64Array[],
  dayEnds: DayEnds,
  transitions: DayTransitionSource,
  progress: SettingsProgress = {},
): ReachOdds[] {
  const K = outcomes.length;
  const n = graph.keys.length;
  const { days } = transitions.grouped;
  // Each state's outcomes judged once: reaching one is the only way a column's mass stops.
  const reaches = new Uint8Array(n * K);
  outcomes.forEach((o, k) => {
    for (let i = 0; i < n; i++) reaches[i * K + k] = outcomeHolds(graph, i, o) ? 1 : 0;
  });
  const columns: Column[] = settings.flatMap((_, setting) =>
    outcomes.map((_, outcome): Column => ({ setting, outcome })),
  );
  const reachedByDay = settings.map(() => new Float64Array(K * days));
  const errorBound = new Float64Array(settings.length);
  let solved = 0;
  for (let c = 0; c < columns.length;) {
    if (progress.shouldStop?.()) break;
    const width = BLOCK_WIDTHS.find((w) => w <= columns.length - c) as number;
    const block = columns.slice(c, c + width);
    const curves = solveBlock(graph, block, settings, reaches, K, dayEnds, transitions);
    block.forEach(({ setting, outcome }, b) => {
      reachedByDay[setting]?.set(curves.reached[b] as Float64Array, outcome * days);
      errorBound[setting] = curves.truncated[b] as number;
    });
    c += width;
    // A setting counts as solved once its last outcome is.
    const done = Math.floor(c / K);
    if (done > solved) {
      solved = done;
      progress.solved?.(solved);
    }
  }
  return reachedByDay
    .slice(0, solved)
    .map((reached, s) => ({ days, reachedByDay: reached, errorBound: errorBound[s] as number }));
}

/** One block's columns solved over every day: per column, its curve of reaching and its truncation bound. */
function solveBlock(
  graph: StateGraph,
  block: readonly Column[],
  settings: readonly Float64Array[],
  reaches: Uint8Array,
  K: number,
  dayEnds: DayEnds,
  transitions: DayTransitionSource,
) {
  const W = block.length;
  const { grouped } = transitions;
  const { days, dayStart } = grouped;
  // Reaching an outcome is the only way a column's mass stops; no column holds the whole mass.
  const stops = (i: number, b: number) => reaches[i * K + (block[b] as Column).outcome] === 1;
  const layout: ColumnLayout = { width: W, targets: W, stops, reaches: stops };
  const race = (d: number, start: Float64Array) =>
    raceBlock(graph, grouped, block, settings, dayStart[d] as number, transitions.of(d), start, stops);
  const { reachedByDay, truncated } = solveDayByDay(graph, grouped, dayEnds, layout, race);
  return { reached: block.map((_, b) => reachedByDay.subarray(b * days, (b + 1) * days)), truncated };
}

/**
 * One day's race for a block (as `raceWithinTheDay` for one column of one setting): each column's
 * share and stay at its setting's own rate q, the passes as many as the column that needs most,
 * each column weighted only over its own Poisson window.
 */
function raceBlock(
  graph: StateGraph,
  grouped: StatesByDay,
  block: readonly Column[],
  settings: readonly Float64Array[],
  first: number,
  rows: DayTransitions,
  start: Float64Array,
  stops: (state: number, b: number) => boolean,
) {
  const W = block.length;
  const { count } = rows;
  const moves = graph.compiled.rates.length;
  const share = new Float64Array(moves * W);
  const stay = new Float64Array(count * W);
  const poisson: PoissonWeights[] = [];
  const truncated = new Float64Array(W);
  // Exit rates once per setting of the block (its outcomes share them).
  const exits = new Map<number, Float64Array>();
  block.forEach(({ setting }, b) => {
    const rates = settings[setting] as Float64Array;
    let exit = exits.get(setting);
    if (!exit) exits.set(setting, (exit = getExitRates(graph, grouped, first, count, rates)));
    const q = exit.reduce((x, y) => Math.max(x, y), 0);
    // A setting under which nothing can happen today keeps its mass (one step of weight 1, no move).
    poisson.push(
      q === 0
        ? { left: 0, weights: Float64Array.of(1), truncated: 0 }
        : getPoissonWeights(q, getEpsilonPerDay(grouped.days)),
    );
    truncated[b] = (poisson[b] as PoissonWeights).truncated;
    for (let m = 0; m < moves; m++) share[m * W + b] = q === 0 ? 0 : (rates[m] as number) / q;
    for (let j = 0; j < count; j++) stay[j * W + b] = q === 0 ? 1 : 1 - (exit[j] as number) / q;
  });
  const stopAt: number[] = [];
  for (let li = 0; li < count; li++) {
    const i = grouped.byDay[first + li] as number;
    for (let b = 0; b < W; b++) if (stops(i, b)) stopAt.push(li * W + b);
  }
  const stepsOf = poisson.map((p) => p.left + p.weights.length);
  const steps = Math.max(...stepsOf);
  const mass = new Float64Array(count * W);
  const reached = new Float64Array(W);
  const arrived = new Float64Array(W);
  let current = start.slice();
  let following = new Float64Array(count * W);
  for (let step = 0; ; step++) {
    for (let b = 0; b < W; b++) {
      const { left, weights } = poisson[b] as PoissonWeights;
      if (step < left || step >= (stepsOf[b] as number)) continue;
      const w = weights[step - left] as number;
      for (let at = b; at < mass.length; at += W) mass[at] = (mass[at] as number) + w * (current[at] as number);
      reached[b] = (reached[b] as number) + w * (arrived[b] as number);
    }
    if (step === steps - 1) break;
    gatherBlock(rows, share, stay, current, following, W);
    for (const at of stopAt) {
      const b = at % W;
      arrived[b] = (arrived[b] as number) + (following[at] as number);
      following[at] = 0;
    }
    const swap = current;
    current = following;
    following = swap;
  }
  return { mass, reached, truncated };
}
