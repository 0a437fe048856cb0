import type { EventId } from '../model/ids.js';

/** The passing of one simulated day, as a move. It cannot collide with an event id, which starts with a letter. */
export const DAY_PASSES = '+1 day' as const;

/** A move from a joint state: a scenario event, or the passing of a day. */
export type Move = EventId | typeof DAY_PASSES;

/** True when the move is the passing of a day. */
export function isDayMove(move: Move): move is typeof DAY_PASSES {
  return move === DAY_PASSES;
}
