import type { CompiledModel } from '../compile/compiled-model.js';
import { CompiledSpace } from '../compile/compiled-space.js';
import { mayDayPass, mayEventsHappenHere } from '../engine/next-moves.js';
import { getMoveDependencies } from './move-dependencies.js';

/**
 * The sampler's draw of one move at a time, on the compiled state space, by the rules of
 * `forEachMove`: the next move is drawn with probability proportional to the rates of the moves
 * possible. It keeps, per event, whether its `requires` holds in the current state, re-checking
 * after a move only the events whose precondition reads a digit the move wrote; it draws among
 * those events (and the day, if it may pass) by rate, and sets aside a drawn event that would
 * change nothing and draws again among the rest: exactly a draw among the moves (rejection
 * sampling), while working out the effect of the drawn event alone. The conformance suite checks
 * the distribution of one draw against the contract's, exactly.
 */
export class StepDraw {
  readonly space: CompiledSpace;
  /** The key the last move drawn leads to. */
  next = 0;
  private readonly rates: Float64Array;
  private readonly dayMove: number;
  private readonly requiresHolds: Uint8Array;
  private readonly setAside: Uint8Array;
  private readonly recheckAfter: readonly Int32Array[];
  /** True while some event is set aside (a draw that ended early, by an exception from `rng`, may leave it so). */
  private anySetAside = false;

  constructor(compiled: CompiledModel) {
    this.space = new CompiledSpace(compiled);
    this.rates = compiled.rates;
    this.dayMove = compiled.dayMove;
    this.requiresHolds = new Uint8Array(compiled.events.length);
    this.setAside = new Uint8Array(compiled.events.length);
    this.recheckAfter = getMoveDependencies(compiled).recheckAfter;
  }

  /** Makes `key` the current state, every precondition worked out afresh. */
  start(key: number): void {
    this.space.load(key);
    for (let e = 0; e < this.requiresHolds.length; e++) this.requiresHolds[e] = this.space.requiresHolds(e) ? 1 : 0;
  }

  /** Makes `next` the current state after `move`. */
  take(move: number): void {
    this.space.advance(move, this.next);
    // Only a precondition that reads a digit the move wrote can have changed. (Where time is up the
    // key's other digits are 0, but nothing is drawn there any more.)
    const recheck = this.recheckAfter[move] as Int32Array;
    for (let i = 0; i < recheck.length; i++) {
      const e = recheck[i] as number;
      this.requiresHolds[e] = this.space.requiresHolds(e) ? 1 : 0;
    }
  }

  /**
   * Draws the next move from the current state with `rng` (one number a draw; another after each
   * event set aside): returns its number and sets `next`, or returns -1 when nothing can happen.
   * Candidates are in move order; a number u picks the first whose running sum of rates passes
   * u times their total (the last candidate if rounding leaves none).
   */
  draw(rng: () => number): number {
    const { space, rates, requiresHolds, setAside, dayMove } = this;
    const events = requiresHolds.length;
    if (this.anySetAside) {
      setAside.fill(0);
      this.anySetAside = false;
    }
    const eventsAllowed = mayEventsHappenHere(space);
    let total = 0;
    let left = 0;
    if (eventsAllowed) {
      for (let e = 0; e < events; e++) {
        if (!requiresHolds[e]) continue;
        total += rates[e] as number;
        left++;
      }
    }
    const dayCandidate = mayDayPass(space);
    if (dayCandidate) {
      total += rates[dayMove] as number;
      left++;
    }
    let move = -1;
    while (left > 0) {
      let r = rng() * total;
      let drawn = -1;
      let last = -1;
      if (eventsAllowed) {
        for (let e = 0; e < events; e++) {
          if (!requiresHolds[e] || setAside[e]) continue;
          last = e;
          r -= rates[e] as number;
          if (r < 0) {
            drawn = e;
            break;
          }
        }
      }
      if (drawn < 0) drawn = dayCandidate ? dayMove : last;
      const next = drawn === dayMove ? space.afterDay() : space.afterEvent(drawn);
      if (next !== space.unchanged) {
        this.next = next;
        move = drawn;
        break;
      }
      // A drawn event that would change nothing is not a move: set it aside and draw again.
      total -= rates[drawn] as number;
      setAside[drawn] = 1;
      this.anySetAside = true;
      left--;
    }
    return move;
  }
}
