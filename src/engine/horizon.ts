/**
 * How far the future is explored or sampled from a starting joint state: until the end of
 * `endDay` (when that day passes, time is up and nothing more happens), and optionally at most
 * `maxEvents` hypothetical events.
 */
export interface Horizon {
  /** The last simulated day looked at: when it passes, time is up. */
  readonly endDay: number;
  /** At most this many hypothetical events from the start (absent: any number). */
  readonly maxEvents?: number;
}

/** A horizon with no last day and no limit on events: for paths that no question bounds. */
export const OPEN_HORIZON: Horizon = Object.freeze({ endDay: Number.POSITIVE_INFINITY });

/** Returns a horizon with no last day and at most `maxEvents` hypothetical events (any, if undefined): a branch's. Pure. */
export function getOpenHorizon(maxEvents?: number): Horizon {
  return maxEvents === undefined ? OPEN_HORIZON : { ...OPEN_HORIZON, maxEvents };
}

/** The horizon used when none is given: 30 days from the start, any number of events. */
export const DEFAULT_HORIZON_DAYS = 30;

/** How a question's horizon is given: days from the start (the start day included), and a limit on events. */
export interface HorizonOptions {
  /** The days looked at, the start day included (absent: 30). */
  readonly horizonDays?: number;
  /** At most this many hypothetical events from the start (absent: any number). */
  readonly maxEvents?: number;
}

/** Returns the days a question looks at, the start day included: `horizonDays`, or 30. Pure. */
export function getHorizonDays(options: HorizonOptions): number {
  return options.horizonDays ?? DEFAULT_HORIZON_DAYS;
}

/**
 * Returns the horizon of a question starting at `startDay`: `getHorizonDays` days, the start day
 * included, so time is up when day `startDay + horizonDays` begins. Pure.
 */
export function getHorizon(startDay: number, options: HorizonOptions): Horizon {
  return {
    endDay: startDay + getHorizonDays(options) - 1,
    ...(options.maxEvents !== undefined && { maxEvents: options.maxEvents }),
  };
}

/** The horizon as results report it: its length in days from the start day, its last day, its event limit. */
export interface HorizonReport {
  readonly days: number;
  readonly endDay: number;
  readonly maxEvents: number | null;
}

/** Returns the horizon as results report it. Pure. */
export function describeHorizon(horizon: Horizon, startDay: number): HorizonReport {
  return { days: horizon.endDay - startDay + 1, endDay: horizon.endDay, maxEvents: horizon.maxEvents ?? null };
}
