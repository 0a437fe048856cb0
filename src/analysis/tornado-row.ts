import type { EventId } from '../model/ids.js';
import { getOddsNoise } from './diff.js';

/** One row of a tornado: an uncertain likelihood, or a structural assumption, moved alone to each end of its range. */
export type TornadoRow =
  | {
      readonly kind: 'likelihood';
      readonly event: EventId;
      readonly atLow: number;
      readonly atHigh: number;
      readonly swing: number;
    }
  | {
      /** `window`: every likelihood window scaled together, the scenario's from `low` to `high` days; `horizon`: the days looked ahead. */
      readonly kind: 'window' | 'horizon';
      readonly low: number;
      readonly high: number;
      readonly atLow: number;
      readonly atHigh: number;
      readonly swing: number;
    };

/** What a tornado row moves: `trilateral-held`, `likelihood window 3-14 days`, `horizon 14-60 days`. Pure. */
export function describeTornadoRow(row: TornadoRow): string {
  if (row.kind === 'likelihood') return row.event;
  return `${row.kind === 'window' ? 'likelihood window' : 'horizon'} ${row.low}-${row.high} days`;
}

/**
 * True when a row's assumption moves its outcome by no more than the two probabilities' error
 * bounds (`errorBound`: the largest of the solves): the rule by which `parley diff` and `ablate`
 * tell a change from none. Such a row draws no bar. Pure.
 */
export function hasNoEffect(row: TornadoRow, errorBound: number): boolean {
  return row.swing <= getOddsNoise(errorBound, errorBound);
}
