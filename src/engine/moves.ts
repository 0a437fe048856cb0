import { holds } from '../model/evaluate-condition.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Horizon } from './horizon.js';
import { getJointView, type JointState } from './joint-state.js';
import { getHypotheticalEventsInMoveOrder } from './move-order.js';
import { DAY_PASSES, type Move } from './move.js';
import { getJointStateKey } from './serialise.js';
import { DAY_RATE, getEventRate } from './rates.js';
import { step } from './step.js';

/** A move that is possible from a joint state, with its weight and the state it leads to. */
export interface WeightedMove {
  readonly move: Move;
  readonly weight: number;
  readonly next: JointState;
}

/**
 * Returns the moves possible from a joint state, in a fixed order: hypothetical events by id
 * (see `getHypotheticalEventsInMoveOrder`), then the passing of a day. Pure; this is the reference semantics that the
 * compiled tables must agree with.
 *
 * - A hypothetical event is possible when its `requires` holds and, with `maxEvents`, fewer events
 *   than that have happened (`eventsSoFar`). Its weight is its rate (see `getEventRate`).
 * - An event that would change nothing (no stance, no fact) is not a move.
 * - The day may pass (weight `DAY_RATE`, one a day) unless a possible event is urgent. When
 *   `endDay` passes, time is up: that state has no moves.
 *
 * The next move is drawn with probability proportional to the weights: the jump chain of a
 * continuous-time chain in which each event happens at its rate and the clock ticks once a day
 * on average.
 */
export function getMoves(model: Model, joint: JointState, horizon: Horizon, eventsSoFar = 0): WeightedMove[] {
  const moves: WeightedMove[] = [];
  if (joint.day > horizon.endDay) return moves;
  const view = getJointView(model, joint);
  const key = getJointStateKey(model, joint);
  let urgent = false;
  const eventsAllowed = horizon.maxEvents === undefined || eventsSoFar < horizon.maxEvents;
  for (const event of getHypotheticalEventsInMoveOrder(model)) {
    if (!eventsAllowed || !holds(event.requires, view)) continue;
    const next = step(model, joint, event.id);
    if (getJointStateKey(model, next) === key) continue;
    moves.push({ move: event.id, weight: getEventRate(model, event), next });
    if (event.urgent && holds(event.urgent, view)) urgent = true;
  }
  if (!urgent) moves.push({ move: DAY_PASSES, weight: DAY_RATE, next: step(model, joint, DAY_PASSES) });
  return moves;
}

/** Returns the urgent events possible in the joint state: while there is one, the day cannot pass. Pure. */
export function getUrgentEvents(model: Model, joint: JointState): EventId[] {
  const view = getJointView(model, joint);
  const key = getJointStateKey(model, joint);
  return getHypotheticalEventsInMoveOrder(model)
    .filter((e) => e.urgent && holds(e.requires, view) && holds(e.urgent, view))
    .filter((e) => getJointStateKey(model, step(model, joint, e.id)) !== key)
    .map((e) => e.id);
}
