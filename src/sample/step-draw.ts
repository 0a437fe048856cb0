import type { CompiledModel } from '../compile/compiled-model.js';
import { CompiledSpace, UNCHANGED_KEY } from '../compile/compiled-space.js';
import { mayEventsHappenHere } from '../engine/next-moves.js';
import { getMoveDependencies, type MoveDependencies } from './move-dependencies.js';

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
  private readonly clockAfter: Uint8Array;
  private readonly dayMove: number;
  /** Per move, 1 if `recheck` has anything to do after it. */
  private readonly anyRecheckAfter: Uint8Array;
  /** Whether events may happen in the current state (`mayEventsHappenHere`), worked out again after a move that writes what it reads. */
  private eventsMayHappen = false;
  /** The events whose `requires` holds, in move order (the first `candidates`). */
  private readonly candidateEvents: Int32Array;
  /** True while some event is set aside (a draw that ended early, by an exception from `rng`, may leave it so). */
  private anySetAside = false;
  /** The total rate and number of the events whose `requires` holds: kept up to date as they change. */
  private total = 0;
  private candidates = 0;

  /** `dependencies`, if given, must be the compiled model's (`getMoveDependencies`). */
  constructor(compiled: CompiledModel, dependencies: MoveDependencies = getMoveDependencies(compiled)) {
    this.space = new CompiledSpace(compiled);
    this.rates = compiled.rates;
    this.requiresHolds = new Uint8Array(compiled.events.length);
    this.setAside = new Uint8Array(compiled.events.length);
    this.candidateEvents = new Int32Array(compiled.events.length);
    this.recheckAfter = dependencies.recheckAfter;
    this.clockAfter = dependencies.clockAfter;
    this.dayMove = compiled.dayMove;
    this.anyRecheckAfter = Uint8Array.from(this.clockAfter, (clock, move) =>
      clock || (this.recheckAfter[move] as Int32Array).length > 0 ? 1 : 0,
    );
  }

  /** Makes `key` the current state, every precondition worked out afresh. */
  start(key: number): void {
    this.space.load(key);
    for (let e = 0; e < this.requiresHolds.length; e++) this.requiresHolds[e] = this.space.requiresHolds(e) ? 1 : 0;
    this.sumCandidates();
    this.eventsMayHappen = mayEventsHappenHere(this.space);
  }

  /** Makes the state `move` leads to (`next`, or what `afterDay` gives for the day) the current one. */
  take(move: number, next: number = this.next): void {
    this.space.advance(move, next);
    // Only what reads a digit the move wrote can have changed: most moves change nothing here.
    if (this.anyRecheckAfter[move]) this.recheck(move);
  }

  /** Passes the day: makes `next`, what the space's `afterDay` gives, the current state (`take` for the day, on its own). */
  passDay(next: number): void {
    this.space.passDay(next);
    this.recheck(this.dayMove);
  }

  /**
   * Works out again, after `move`, whether events may happen and the preconditions that read a
   * digit it wrote. (Where time is up the key's other digits are 0, but nothing is drawn there
   * any more.)
   */
  private recheck(move: number): void {
    if (this.clockAfter[move]) this.eventsMayHappen = mayEventsHappenHere(this.space);
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

  /** Lists the events whose `requires` holds and works out their total rate, in move order (so always the same sum). */
  private sumCandidates(): void {
    const { requiresHolds, rates, candidateEvents } = this;
    let total = 0;
    let candidates = 0;
    for (let e = 0; e < requiresHolds.length; e++) {
      if (!requiresHolds[e]) continue;
      total += rates[e] as number;
      candidateEvents[candidates++] = e;
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
    if (this.anySetAside) {
      this.setAside.fill(0);
      this.anySetAside = false;
    }
    this.elapsed = timeLeft;
    const candidates = this.candidates;
    if (candidates === 0 || !this.eventsMayHappen) return -1;
    // The first clock, and which event it is: with nothing set aside, the first candidate whose
    // running sum passes the number.
    const { rates, candidateEvents } = this;
    const total = this.total;
    const elapsed = drawFirstClock(rng, total);
    if (elapsed >= timeLeft) return -1;
    let r = rng() * total;
    let drawn = -1;
    for (let i = 0; i < candidates; i++) {
      drawn = candidateEvents[i] as number;
      r -= rates[drawn] as number;
      if (r < 0) break;
    }
    const next = this.space.afterEvent(drawn);
    if (next === UNCHANGED_KEY) return this.drawOnAfter(rng, timeLeft, drawn, elapsed);
    this.next = next;
    this.elapsed = elapsed;
    return drawn;
  }

  /**
   * Goes on with a draw whose clock at `elapsed` days was that of `drawn`, an event that would
   * change nothing: its clock is set aside, and the others run on from then, drawn as above among
   * the candidates not set aside.
   */
  private drawOnAfter(rng: () => number, timeLeft: number, drawn: number, elapsed: number): number {
    const { space, rates, candidateEvents, setAside } = this;
    const candidates = this.candidates;
    let total = this.total;
    let left = candidates;
    for (;;) {
      total -= rates[drawn] as number;
      setAside[drawn] = 1;
      this.anySetAside = true;
      if (--left === 0) return -1;
      elapsed += drawFirstClock(rng, total);
      if (elapsed >= timeLeft) return -1;
      let r = rng() * total;
      drawn = -1;
      for (let i = 0; i < candidates; i++) {
        const e = candidateEvents[i] as number;
        if (setAside[e]) continue;
        drawn = e;
        r -= rates[e] as number;
        if (r < 0) break;
      }
      const next = space.afterEvent(drawn);
      if (next !== UNCHANGED_KEY) {
        this.next = next;
        this.elapsed = elapsed;
        return drawn;
      }
    }
  }
}

/** The time until the first of exponential clocks of `total` rate goes off: -ln(1 - u) / total, u uniform. One draw of `rng`. */
function drawFirstClock(rng: () => number, total: number): number {
  return -Math.log(1 - rng()) / total;
}
