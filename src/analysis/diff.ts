import type { ExploreResult, OutcomeStatus } from '../explore/explore-scenario.js';
import type { OutcomeId, ParagraphId } from '../model/ids.js';
import type { StartPoint } from '../run/start-point.js';

/** What happened to an outcome between two explorations (see `OutcomeChange.change`). */
export type OutcomeChangeKind =
  | 'became reachable'
  | 'became unreachable'
  | 'odds changed'
  | 'unchanged'
  | 'only before'
  | 'only after'
  | 'reachable in both, odds unknown'
  | 'cannot tell';

/** How one outcome's answer changed between two explorations. */
export interface OutcomeChange {
  /** The outcome's id. */
  readonly id: OutcomeId;
  /** What the outcome means, in words (from the side that has it, after first). */
  readonly means: string;
  /** The paragraphs of the source text it is drawn from (from the side that has it, after first). */
  readonly cites: readonly ParagraphId[];
  /** The outcome's answer in the first exploration; null when that side has no such outcome. */
  readonly before: OutcomeSideAnswer | null;
  /** The outcome's answer in the second exploration; null when that side has no such outcome. */
  readonly after: OutcomeSideAnswer | null;
  /**
   * `became reachable`, `became unreachable`, `odds changed`, `unchanged`, `only before`, `only
   * after`; where a search was cut short, `reachable in both, odds unknown`, or `cannot tell` when
   * either side did not find the outcome (`not-found`).
   */
  readonly change: OutcomeChangeKind;
  /** after - before, when both probabilities are known. */
  readonly delta: number | null;
  /** after - before of the chance that the outcome holds when the horizon ends, when both are known. */
  readonly holdsAtEndDelta: number | null;
}

/** One side's answer about an outcome, as `parley explore` gives it. */
export interface OutcomeSideAnswer {
  /** Reachable, unreachable, holds at the start, or not found (a search cut short). */
  readonly status: OutcomeStatus;
  /** The exact probability of reaching it within the horizon (null: the search was cut short). */
  readonly probability: number | null;
  /** The exact probability that it holds when the horizon ends (null: the search was cut short). */
  readonly holdsAtEnd: number | null;
}

/** One side of a diff: what it is, where in its timeline it starts, and how far its search went. */
export interface DiffSide {
  /** What the caller calls it (`parley diff`: the file as given). */
  readonly label: string;
  /** Where it starts: the start point's description, the point, and the day there. */
  readonly start: { readonly description: string; readonly point: StartPoint; readonly day: number };
  /** The joint states its search found. */
  readonly states: number;
  /** True when its search was exhaustive. */
  readonly exhaustive: boolean;
  /** True when `shouldStop` (`--timeout`) ended its search. */
  readonly stopped: boolean;
}

/** What `parley diff` reports (and prints with `--json`). */
export interface DiffResult {
  /** Always 'diff': what the JSON is. */
  readonly type: 'diff';
  /** The first exploration: its label, its start, the joint states it found, whether it was exhaustive or stopped. */
  readonly before: DiffSide;
  /** The second exploration: its label, its start, the joint states it found, whether it was exhaustive or stopped. */
  readonly after: DiffSide;
  /** Every outcome of either side: the first side's, in its order, then those only the second has. */
  readonly outcomes: readonly OutcomeChange[];
}

const reached = (status: OutcomeStatus) => status === 'reachable' || status === 'holds-at-start';

/** What an answer about one outcome says, as two answers are compared. */
export interface OutcomeAnswer {
  readonly status: OutcomeStatus;
  readonly probability: number | null;
}

/**
 * The largest difference of two exact probabilities that is no change: each is within its error
 * bound of the exact value. Pure.
 */
export function getOddsNoise(errorBound: number, otherErrorBound: number): number {
  return errorBound + otherErrorBound + 1e-12;
}

/**
 * How an outcome's answer changed from `before` to `after`: (un)reachable, the odds moved by more
 * than `noise` (see `getOddsNoise`), or no change; where a search was cut short, what cannot be
 * told. Pure.
 */
export function classifyChange(before: OutcomeAnswer, after: OutcomeAnswer, noise: number): OutcomeChangeKind {
  const delta =
    after.probability !== null && before.probability !== null ? after.probability - before.probability : null;
  if (reached(after.status) && reached(before.status) && delta === null) return 'reachable in both, odds unknown';
  if (after.status === 'not-found' || before.status === 'not-found') return 'cannot tell';
  if (reached(after.status) && before.status === 'unreachable') return 'became reachable';
  if (reached(before.status) && after.status === 'unreachable') return 'became unreachable';
  if (delta !== null && Math.abs(delta) > noise) return 'odds changed';
  return 'unchanged';
}

/**
 * Compares two explorations outcome by outcome: what became reachable or unreachable, how the odds
 * moved (by more than the two error bounds of the odds together). Pure.
 */
export function diffExplorations(
  before: ExploreResult,
  beforeLabel: string,
  after: ExploreResult,
  afterLabel: string,
): DiffResult {
  const ids = [...new Set([...before.outcomes.map((o) => o.id), ...after.outcomes.map((o) => o.id)])];
  const noise = getOddsNoise(before.odds?.errorBound ?? 0, after.odds?.errorBound ?? 0);
  return {
    type: 'diff',
    before: getDiffSide(before, beforeLabel),
    after: getDiffSide(after, afterLabel),
    outcomes: ids.map((id): OutcomeChange => {
      const b = before.outcomes.find((o) => o.id === id);
      const a = after.outcomes.find((o) => o.id === id);
      const summary = (o: typeof a) =>
        o ? { status: o.status, probability: o.probability, holdsAtEnd: o.holdsAtEnd } : null;
      // after - before of one of the answers' numbers, when both sides know it.
      const difference = (value: (o: NonNullable<typeof a>) => number | null) => {
        const [then, now] = [b && value(b), a && value(a)];
        return then != null && now != null ? now - then : null;
      };
      const delta = difference((o) => o.probability);
      const holdsAtEndDelta = difference((o) => o.holdsAtEnd);
      const change: OutcomeChangeKind = !b ? 'only after' : !a ? 'only before' : classifyChange(b, a, noise);
      const source = (a ?? b) as NonNullable<typeof a>;
      return {
        id,
        means: source.means,
        cites: source.cites,
        before: summary(b),
        after: summary(a),
        change,
        delta,
        holdsAtEndDelta,
      };
    }),
  };
}

function getDiffSide(exploration: ExploreResult, label: string): DiffSide {
  const { start, search } = exploration;
  return {
    label,
    start: { description: start.description, point: start.point, day: start.state.day },
    states: search.states,
    exhaustive: search.exhaustive,
    stopped: search.stopped,
  };
}
