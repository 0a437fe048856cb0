import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import type { Horizon } from './horizon.js';
import type { JointState } from './joint-state.js';
import { getHypotheticalEventsInMoveOrder } from './move-order.js';
import { DAY_PASSES, type Move } from './move.js';
import { forEachMove, getMoveRates, holdsTheDay } from './next-moves.js';
import { createReferenceSpace } from './reference-space.js';

/** A move that is possible from a joint state, with its rate (`weight`, per day) and the state it leads to. */
export interface WeightedMove {
  /** The event's id, or `DAY_PASSES` for the passing of the day. */
  readonly move: Move;
  /** The move's rate per day, from its likelihood and window; 0 for the passing of the day, which comes when the day ends. */
  readonly weight: number;
  /** The joint state the move leads to. */
  readonly next: JointState;
}

/**
 * Returns the moves possible from a joint state, in move order (hypothetical events by id, then
 * the passing of a day), with their rates, by the rules of `forEachMove` over the reference state
 * space (xstate's `transition` through `step`). `eventsSoFar` counts the hypothetical events since
 * the horizon's start, for its `maxEvents`. Pure; slow and plain, for replays, the inspector and
 * tests: the explorer and the sampler run the compiled tables, which the conformance suite checks
 * against this.
 */
export function getMoves(model: Model, joint: JointState, horizon: Horizon, eventsSoFar = 0): WeightedMove[] {
  const events = getHypotheticalEventsInMoveOrder(model);
  const rates = getMoveRates(model, events);
  const moves: WeightedMove[] = [];
  forEachMove(
    createReferenceSpace(model, horizon),
    { joint, eventsSoFar },
    {
      addMove: (move, next) => {
        const id = move === events.length ? DAY_PASSES : (events[move]?.id as EventId);
        moves.push({ move: id, weight: rates[move] as number, next: next.joint });
      },
    },
  );
  return moves;
}

/**
 * Returns the urgent events that hold the day in a joint state (see `isDayHeld`): while there is
 * one, the day cannot pass. Pure.
 */
export function getDayHolders(model: Model, joint: JointState, horizon: Horizon, eventsSoFar = 0): EventId[] {
  const space = createReferenceSpace(model, horizon);
  const events = getHypotheticalEventsInMoveOrder(model);
  space.load({ joint, eventsSoFar });
  return space.urgentEvents.filter((e) => holdsTheDay(space, e)).map((e) => events[e]?.id as EventId);
}
