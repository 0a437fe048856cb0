/**
 * How far the future is explored or sampled from a starting joint state: until the end of
 * `endDay` (when that day passes, time is up and nothing more happens), and optionally at most
 * `maxEvents` hypothetical events.
 */
export interface Horizon {
  readonly endDay: number;
  readonly maxEvents?: number;
}

/** The horizon used when none is given: 30 days from the start, any number of events. */
export const DEFAULT_HORIZON_DAYS = 30;
