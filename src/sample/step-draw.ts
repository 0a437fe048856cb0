import type { CompiledModel } from '../compile/compiled-model.js';
import { CompiledSpace } from '../compile/compiled-space.js';
import { mayEventsHappenHere } from '../engine/next-moves.js';
import { getMoveDependencies } from './move-dependencies.js';

/**
 * The sampler's draw of what happens next within a day, on the compiled state space, by the rules
 * of the calendar chain: the events possible race, each at its rate, as exponential clocks. It
 * keeps, per event, whether its `requires` holds in the current state, re-checking after a move
 * only the events whose precondition reads a digit the move wrote. It draws the time to the first
 * clock among those events (u: the time is -ln(1 - u) over their total rate), and which one it is,
 * by rate; a drawn event that would change nothing is set aside and the clocks of the rest drawn
 * on from then: exactly the first of the events that change something, since the clocks are
 * independent and without memory. The conformance suite checks one draw against the contract's
 * rates exactly.
 */
export class StepDraw {
  readonly space: CompiledSpace;
  /** The key the last event drawn leads to. */
  next = 0;
  /** The time (in days) from the current state to the last event drawn, or to the day's end. */
  elapsed = 0;
  private readonly rates: Float64Array;
  private readonly requiresHolds: Uint8Array;
  private readonly setAside: Uint8Array;
  private readonly recheckAfter: readonly Int32Array[];
  /** True while some event is set aside (a draw that ended early, by an exception from `rng`, may leave it so). */
  private anySetAside = false;
  /** The total rate and number of the events whose `requires` holds: kept up to date as they change. */
  private total = 0;
  private candidates = 0;

  constructor(compiled: CompiledModel) {
    this.space = new CompiledSpace(compiled);
    this.rates = compiled.rates;
    this.requiresHolds = new Uint8Array(compiled.events.length);
    this.setAside = new Uint8Array(compiled.events.length);
    this.recheckAfter = getMoveDependencies(compiled).recheckAfter;
  }

  /** Makes `key` the current state, every precondition worked out afresh. */
  start(key: number): void {
    this.space.load(key);
    for (let e = 0; e < this.requiresHolds.length; e++) this.requiresHolds[e] = this.space.requiresHolds(e) ? 1 : 0;
    this.sumCandidates();
  }

  /** Makes the state `move` leads to (`next`, or what `afterDay` gives for the day) the current one. */
  take(move: number, next: number = this.next): void {
    this.space.advance(move, next);
    // Only a precondition that reads a digit the move wrote can have changed. (Where time is up the
    // key's other digits are 0, but nothing is drawn there any more.)
    const recheck = this.recheckAfter[move] as Int32Array;
    let changed = false;
    for (let i = 0; i < recheck.length; i++) {
      const e = recheck[i] as number;
      const holds = this.space.requiresHolds(e) ? 1 : 0;
      if (holds !== this.requiresHolds[e]) changed = true;
      this.requiresHolds[e] = holds;
    }
    if (changed) this.sumCandidates();
  }

  /** Works out the total rate and number of the events whose `requires` holds, in move order (so always the same sum). */
  private sumCandidates(): void {
    let total = 0;
    let candidates = 0;
    for (let e = 0; e < this.requiresHolds.length; e++) {
      if (!this.requiresHolds[e]) continue;
      total += this.rates[e] as number;
      candidates++;
    }
    this.total = total;
    this.candidates = candidates;
  }

  /**
   * Draws the first event to happen from the current state within the `timeLeft` days left of the
   * day: returns its number, with `next` and `elapsed` set, or -1 when none happens before the day
   * ends (then `elapsed` is `timeLeft`). Each clock's time takes one number of `rng`, and which
   * event it is another: the first candidate (in move order) whose running sum of rates passes
   * that number times their total (the last if rounding leaves none).
   */
  drawWithinDay(rng: () => number, timeLeft: number): number {
    const { space, rates, requiresHolds, setAside } = this;
    const events = requiresHolds.length;
    if (this.anySetAside) {
      setAside.fill(0);
      this.anySetAside = false;
    }
    this.elapsed = timeLeft;
    if (!mayEventsHappenHere(space)) return -1;
    let total = this.total;
    let left = this.candidates;
    let elapsed = 0;
    while (left > 0) {
      elapsed += -Math.log(1 - rng()) / total;
      if (elapsed >= timeLeft) return -1;
      let r = rng() * total;
      let drawn = -1;
      for (let e = 0; e < events; e++) {
        if (!requiresHolds[e] || setAside[e]) continue;
        drawn = e;
        r -= rates[e] as number;
        if (r < 0) break;
      }
      const next = space.afterEvent(drawn);
      if (next !== space.unchanged) {
        this.next = next;
        this.elapsed = elapsed;
        return drawn;
      }
      // An event that would change nothing: its clock is set aside; the others run on from now.
      total -= rates[drawn] as number;
      setAside[drawn] = 1;
      this.anySetAside = true;
      left--;
    }
    return -1;
  }
}
