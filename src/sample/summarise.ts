import type { CompiledModel } from '../compile/compiled-model.js';
import type { EventId, OutcomeId, ParagraphId } from '../model/ids.js';
import { getTimeUpDay } from '../engine/next-moves.js';
import type { SampleTally } from './tally.js';
import { getWilsonInterval } from './wilson.js';

/** The most frequent paths to each outcome that are reported. */
export const TOP_PATHS = 3;

/** One of the most frequent paths the sampled runs took to an outcome. */
export interface SampledPath {
  /** The hypothetical events of the path, in order (days passing are left out). */
  readonly events: readonly EventId[];
  /** How many runs took this path. */
  readonly runs: number;
  /** Its share of the runs that reached the outcome. */
  readonly share: number;
}

/** What the sampled runs say of one outcome: how often they reached it, when, and by which paths. */
export interface SampledOutcome {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** What the outcome means, in words. */
  readonly means: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** How many runs reached it within the horizon. */
  readonly runs: number;
  /** The share of runs that reached it, 0..1: the estimate of its probability (0 when no run was done). */
  readonly frequency: number;
  /** Wilson score 95% interval of the probability. */
  readonly interval95: readonly [number, number];
  /** The day runs first reached it: median and 90th percentile (nearest rank); null if none did. */
  readonly firstDay: { readonly median: number; readonly p90: number } | null;
  /** The share of runs that had reached it by the end of each day of the horizon, the start day first. */
  readonly reachedByDay: readonly number[];
  /** The runs in which it holds when the horizon ends, their share, and its Wilson score 95% interval. */
  readonly holdsAtEnd: {
    readonly runs: number;
    readonly frequency: number;
    readonly interval95: readonly [number, number];
  };
  /** The most frequent paths to it, at most 3, most frequent first (ties by their event ids); `[]` when no run reached it. */
  readonly paths: readonly SampledPath[];
}

/** The per-outcome part of what `parley sample` reports. */
export interface SampleSummary {
  /** The runs done: all those asked for, unless sampling was stopped. */
  readonly runs: number;
  /** Runs cut after 10,000 moves before time was up. */
  readonly cut: number;
  /** Runs in which a day never ended (urgent events that keep each other possible for ever). */
  readonly dayNeverEnds: number;
  /** Moves made over all runs, days passing included. */
  readonly moves: number;
  /** One per outcome, in the scenario's order. */
  readonly outcomes: readonly SampledOutcome[];
}

/**
 * Summarises a tally. Pure, and independent of how the runs were split into batches: days are
 * sorted and paths ordered by count, then by the ids of their events.
 */
export function summariseTally(compiled: CompiledModel, tally: SampleTally): SampleSummary {
  const startDay = compiled.encoding.startDay;
  const horizonDays = Math.max(0, getTimeUpDay(compiled.horizon) - startDay);
  const share = (runs: number) => (tally.runs === 0 ? 0 : runs / tally.runs);
  const outcomes = compiled.model.outcomes.map((outcome, o): SampledOutcome => {
    const t = tally.outcomes[o];
    if (!t) throw new Error(`parley: no tally for outcome ${outcome.id}`);
    const days = Int32Array.from(t.firstDays).sort();
    const paths = [...t.paths]
      .map(([key, runs]) => ({
        events: key === '' ? [] : key.split(',').map((i) => compiled.moveAt(Number(i)) as EventId),
        runs,
      }))
      .sort((a, b) => b.runs - a.runs || compareLists(a.events, b.events))
      .slice(0, TOP_PATHS)
      .map((p) => ({ ...p, share: p.runs / t.hits }));
    return {
      id: outcome.id,
      means: outcome.means,
      cites: outcome.cites,
      runs: t.hits,
      frequency: tally.runs === 0 ? 0 : t.hits / tally.runs,
      interval95: getWilsonInterval(t.hits, tally.runs),
      firstDay: days.length === 0 ? null : { median: nearestRank(days, 0.5), p90: nearestRank(days, 0.9) },
      reachedByDay: getReachedByDay(days, startDay, horizonDays).map(share),
      holdsAtEnd: {
        runs: t.holdsAtEnd,
        frequency: share(t.holdsAtEnd),
        interval95: getWilsonInterval(t.holdsAtEnd, tally.runs),
      },
      paths,
    };
  });
  return { runs: tally.runs, cut: tally.cut, dayNeverEnds: tally.dayNeverEnds, moves: tally.steps, outcomes };
}

/** Returns, for each day of the horizon, how many of the sorted first days fall on it or before. Pure. */
function getReachedByDay(sortedDays: Int32Array, startDay: number, horizonDays: number): number[] {
  const counts: number[] = [];
  let seen = 0;
  for (let d = 0; d < horizonDays; d++) {
    while (seen < sortedDays.length && (sortedDays[seen] as number) <= startDay + d) seen++;
    counts.push(seen);
  }
  return counts;
}

function nearestRank(sorted: Int32Array, q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  const x = a.join('\u0000');
  const y = b.join('\u0000');
  return x < y ? -1 : x > y ? 1 : 0;
}
