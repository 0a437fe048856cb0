import type { Model, ScenarioEvent } from '../model/model.js';
import type { Horizon } from './horizon.js';

// The contract of what can happen next. For a joint state it says which moves are possible, at
// which rates, what happens when the day ends, whether time is up, and which outcomes count as
// reached there; and how a likelihood becomes a rate. Each rule is written here once. A state
// space (the reference over `step`, the compiled tables) answers only questions of fact about one
// state: whether a precondition holds, what an event would change. The explorer, the sampler, the
// replay of traces and every analysis read the rules from here.
//
// Time is a calendar: a day is one unit of simulated time. Within a day the possible events race,
// each at its rate (a continuous-time Markov chain). When the day ends, the urgent events that
// hold the day happen, one after another (`getDayEndMove`), then the day passes. The moves of a
// state are therefore its possible events and, where no urgent event holds the day, the passing
// of the day; a path of moves (a witness, a trace) lists the urgent events at a day's end before
// the day passes, like any other event.

/** The days within which a hypothetical event's likelihood is the chance that it happens, unless a scenario says otherwise. */
export const DEFAULT_LIKELIHOOD_WINDOW = 7;

/** Returns the days within which the scenario's likelihoods are meant (its `likelihoodWindow`, else 7). Pure. */
export function getLikelihoodWindow(model: Model): number {
  return model.likelihoodWindow ?? DEFAULT_LIKELIHOOD_WINDOW;
}

/**
 * Returns the rate (per day) at which an event of likelihood `p` within `windowDays` happens while
 * it is possible: the rate whose chance of at least one occurrence within the window is `p`,
 * `-ln(1 - p) / window`. Pure.
 */
export function getRateOfLikelihood(p: number, windowDays: number): number {
  return -Math.log1p(-p) / windowDays;
}

/** Returns the days within which a hypothetical event's likelihood is meant: its own `window`, else the scenario's. Pure. */
export function getEventWindow(model: Model, event: ScenarioEvent): number {
  return event.window ?? getLikelihoodWindow(model);
}

/** Returns the rate (per day) of a hypothetical event, from its likelihood and its window. Pure. */
export function getEventRate(model: Model, event: ScenarioEvent): number {
  return getRateOfLikelihood(event.likelihood?.value ?? 0, getEventWindow(model, event));
}

/** Returns the first day on which time is up: the day after the horizon's last. Pure. */
export function getTimeUpDay(horizon: Horizon): number {
  return horizon.endDay + 1;
}

/** True once time is up (from `getTimeUpDay` on): then nothing more happens and no outcome is newly reached. Pure. */
export function isTimeUp(day: number, horizon: Horizon): boolean {
  return day >= getTimeUpDay(horizon);
}

/** True while the horizon allows another hypothetical event after `eventsSoFar` of them. Pure. */
export function mayEventsHappen(eventsSoFar: number, horizon: Horizon): boolean {
  return horizon.maxEvents === undefined || eventsSoFar < horizon.maxEvents;
}

/**
 * The questions of fact a representation of joint states answers about one state at a time: the
 * state last given to `load`. It states facts only; the rules above and below decide what they
 * mean. Hypothetical events are numbered in move order (see `getHypotheticalEventsInMoveOrder`);
 * move number `eventCount` is the passing of a day.
 */
export interface StateSpace<S> {
  /** The horizon of the question the states belong to. */
  readonly horizon: Horizon;
  /** The number of hypothetical events; move number `eventCount` is the passing of a day. */
  readonly eventCount: number;
  /** The events with an `urgent` condition, in move order: the only ones that can hold the day. */
  readonly urgentEvents: readonly number[];
  /** The number of outcomes, numbered in the model's order. */
  readonly outcomeCount: number;
  /** What `afterEvent` returns for an event that would change nothing. */
  readonly unchanged: S;
  /** Makes `state` the one the questions below are about. */
  load(state: S): void;
  /** The simulated day. */
  day(): number;
  /** The hypothetical events since the question's start (0 when the horizon does not count them). */
  eventsSoFar(): number;
  /** Whether the event's `requires` holds (true for an event without one). */
  requiresHolds(event: number): boolean;
  /** Whether the event's `urgent` condition holds (false for an event without one). */
  urgentHolds(event: number): boolean;
  /** The state after the event (its effects, and one more event so far), or `unchanged` if it would change nothing. */
  afterEvent(event: number): S;
  /**
   * Hands to `sink`, in move order, each event whose `requires` holds in the loaded state and that
   * would change it, with the state after it: the answers of `requiresHolds` and `afterEvent` for
   * every event at once (the compiled tables give them in one tight loop).
   */
  forEachChangingEvent(sink: MoveSink<S>): void;
  /** The state after the day passes. */
  afterDay(): S;
  /** Whether the outcome's condition holds (whatever the horizon: see `isReachedHere`). */
  outcomeHolds(outcome: number): boolean;
}

/** Receives the moves of a state, one call a move, in move order. */
export interface MoveSink<S> {
  /** Receives move number `move` (an event's, or `eventCount` for the day), leading to `next`. */
  addMove(move: number, next: S): void;
}

/** True when hypothetical events may happen from the loaded state: time is not up and the horizon allows another. Pure. */
export function mayEventsHappenHere<S>(space: StateSpace<S>): boolean {
  return !isTimeUp(space.day(), space.horizon) && mayEventsHappen(space.eventsSoFar(), space.horizon);
}

/**
 * Returns the state after the event if it is a move from the loaded state, else `space.unchanged`.
 * An event is a move when time is not up, the horizon allows another event, its `requires` holds,
 * and it changes something (an event that would change nothing is not a move). Pure; one step.
 */
export function getEventMove<S>(space: StateSpace<S>, event: number): S {
  return mayEventsHappenHere(space) && space.requiresHolds(event) ? space.afterEvent(event) : space.unchanged;
}

/** True when the event holds the day in the loaded state: it is urgent there (its `urgent` condition holds) and possible. Pure. */
export function holdsTheDay<S>(space: StateSpace<S>, event: number): boolean {
  return space.urgentHolds(event) && getEventMove(space, event) !== space.unchanged;
}

/**
 * True when the day cannot pass from the loaded state: an urgent event is possible, so something
 * must happen first. Pure; one step per event with an urgent condition that holds.
 */
export function isDayHeld<S>(space: StateSpace<S>): boolean {
  const urgent = space.urgentEvents;
  for (let i = 0; i < urgent.length; i++) if (holdsTheDay(space, urgent[i] as number)) return true;
  return false;
}

/**
 * Returns the move that happens when the day ends in the loaded state: the first urgent event (in
 * move order) that holds the day, if one does; else the passing of the day (`space.eventCount`);
 * -1 once time is up. Taken again and again, it ends the day: every urgent event still possible
 * happens, each checked again after the one before, then the day passes. Pure.
 */
export function getDayEndMove<S>(space: StateSpace<S>): number {
  if (isTimeUp(space.day(), space.horizon)) return -1;
  const urgent = space.urgentEvents;
  for (let i = 0; i < urgent.length; i++) if (holdsTheDay(space, urgent[i] as number)) return urgent[i] as number;
  return space.eventCount;
}

/** True when the day may pass from the loaded state: time is not up and no urgent event holds it. Pure. */
export function mayDayPass<S>(space: StateSpace<S>): boolean {
  return !isTimeUp(space.day(), space.horizon) && !isDayHeld(space);
}

/**
 * Hands the moves possible from `state` to `sink`, in move order: each hypothetical event that is
 * a move (see `getEventMove`), then the passing of a day if it may pass. Where time is up there
 * are none. The events race at their rates (`getMoveRates`) within the day; the day passes when
 * the day ends (see `getDayEndMove`). Pure apart from the sink and the space's `load`.
 */
export function forEachMove<S>(space: StateSpace<S>, state: S, sink: MoveSink<S>): void {
  space.load(state);
  const horizon = space.horizon;
  if (isTimeUp(space.day(), horizon)) return;
  // The events that can happen and change something are the moves, while the horizon allows events.
  if (mayEventsHappen(space.eventsSoFar(), horizon)) space.forEachChangingEvent(sink);
  if (!isDayHeld(space)) sink.addMove(space.eventCount, space.afterDay());
}

/** True when an outcome can count as reached in the loaded state: only while time is not up. Pure. */
export function canReachHere<S>(space: StateSpace<S>): boolean {
  return !isTimeUp(space.day(), space.horizon);
}

/** True when outcome number `outcome` counts as reached in the loaded state: it holds there, within the horizon. Pure. */
export function isReachedHere<S>(space: StateSpace<S>, outcome: number): boolean {
  return canReachHere(space) && space.outcomeHolds(outcome);
}

/**
 * Calls `visit` for each of the outcomes listed (by number) that counts as reached in the loaded
 * state (see `isReachedHere`), in their order; returns how many did. Pure apart from `visit`; one
 * test per outcome listed.
 */
export function forEachReachedOutcome<S>(
  space: StateSpace<S>,
  outcomes: ArrayLike<number>,
  visit: (outcome: number) => void,
): number {
  if (!canReachHere(space)) return 0;
  let reached = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const outcome = outcomes[i] as number;
    if (!space.outcomeHolds(outcome)) continue;
    visit(outcome);
    reached++;
  }
  return reached;
}

/**
 * Returns the rate (per day) of each move, by move number: the hypothetical events in move order,
 * then 0 for the passing of a day, which does not race: it comes when the day ends. Pure.
 */
export function getMoveRates(model: Model, eventsInMoveOrder: readonly ScenarioEvent[]): Float64Array {
  return Float64Array.from([...eventsInMoveOrder.map((event) => getEventRate(model, event)), 0]);
}
