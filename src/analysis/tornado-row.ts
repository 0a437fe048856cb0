import type { EventId } from '../model/ids.js';

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
