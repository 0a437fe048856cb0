import type { Horizon } from '../engine/horizon.js';
import { isTimeUp, type MoveSink, type StateSpace } from '../engine/next-moves.js';
import { applyEventToDigits, getEventDelta, type EventTable } from './compiled-event.js';
import type { CompiledModel } from './compiled-model.js';
import type { DigitPredicate } from './digit-condition.js';

/** What `afterEvent` returns for an event that changes nothing: never a key (keys are 0 or more). */
export const UNCHANGED_KEY = -1;

/**
 * The compiled tables as a state space over integer keys: the facts about the loaded state are
 * read from its digits, and successors are keys. The one-party events without guards or
 * preconditions (`simple`) are flattened into typed arrays, their party's digit (-1 for any other
 * event) and, for each stance of that party, how the move changes the key (0: the party stays), so
 * that the commonest move is one lookup. Every state where time is up is the one key `timeUpKey`
 * (nothing happens there and nothing counts, so they all behave the same). One class for every
 * model, so that the explorer's and the sampler's calls stay monomorphic and inlined.
 */
export class CompiledSpace implements StateSpace<number> {
  readonly horizon: Horizon;
  readonly eventCount: number;
  readonly urgentEvents: readonly number[];
  readonly outcomeCount: number;
  readonly unchanged = UNCHANGED_KEY;
  /** The digits of the loaded state. */
  readonly digits: Int32Array;
  private key = 0;
  private readonly events: readonly EventTable[];
  private readonly requires: readonly (DigitPredicate | null)[];
  private readonly urgent: readonly (DigitPredicate | null)[];
  private readonly outcomes: readonly DigitPredicate[];
  private readonly simpleDigit: Int32Array;
  private readonly simpleDeltaStart: Int32Array;
  private readonly simpleDeltas: Float64Array;
  private readonly simpleTargets: Int32Array;
  private readonly multipliers: Float64Array;
  private readonly startDay: number;
  private readonly dayDigit: number;
  private readonly dayMultiplier: number;
  private readonly countDigit: number;
  private readonly countMultiplier: number;
  private readonly timeUpKey: number;
  /** Room for the new values of the digits any one event writes. */
  private readonly scratch: Int32Array;

  constructor(compiled: CompiledModel) {
    const { encoding, events } = compiled;
    this.horizon = compiled.horizon;
    this.events = events;
    this.eventCount = events.length;
    this.requires = events.map((e) => e.requires);
    this.urgent = events.map((e) => e.urgent);
    this.urgentEvents = events.flatMap((e, i) => (e.urgent !== null ? [i] : []));
    this.outcomes = compiled.outcomes;
    this.outcomeCount = compiled.outcomes.length;
    this.digits = new Int32Array(encoding.size);
    this.multipliers = Float64Array.from(encoding.multipliers);
    this.startDay = encoding.startDay;
    this.dayDigit = encoding.dayDigit;
    this.dayMultiplier = this.multipliers[encoding.dayDigit] as number;
    this.countDigit = encoding.countDigit;
    this.countMultiplier = encoding.countDigit >= 0 ? (this.multipliers[encoding.countDigit] as number) : 0;
    this.timeUpKey = compiled.timeUpKey;
    this.scratch = new Int32Array(Math.max(1, ...events.map((e) => e.partyDigits.length + e.factDigits.length)));
    this.simpleDigit = Int32Array.from(events, (e) => (e.simple ? (e.partyDigits[0] as number) : -1));
    this.simpleDeltaStart = new Int32Array(events.length);
    const simpleSlots = events.reduce((n, e) => n + (e.simple ? e.stride : 0), 0);
    this.simpleDeltas = new Float64Array(simpleSlots);
    this.simpleTargets = new Int32Array(simpleSlots);
    let at = 0;
    events.forEach((e, i) => {
      if (!e.simple) return;
      this.simpleDeltaStart[i] = at;
      const multiplier = e.partyMultipliers[0] as number;
      for (let stance = 0; stance < e.stride; stance++) {
        const target = e.targets[stance] as number;
        this.simpleDeltas[at + stance] = target < 0 ? 0 : (target - stance) * multiplier;
        this.simpleTargets[at + stance] = target < 0 ? stance : target;
      }
      at += e.stride;
    });
  }

  load(key: number): void {
    this.key = key;
    // The digits of a mixed-radix number, most significant first; inlined, as this runs once a state.
    const { digits, multipliers } = this;
    for (let i = digits.length - 1, rest = key; i >= 0; i--) {
      const m = multipliers[i] as number;
      const digit = Math.floor(rest / m);
      digits[i] = digit;
      rest -= digit * m;
    }
  }

  /**
   * Makes `next` the loaded state, writing only the digits `move` changes: `next` must be what
   * `afterEvent(move)` or `afterDay()` gave for the loaded state (a sampler takes one move after
   * another). The same digits as `load(next)`, which the conformance suite checks.
   */
  advance(move: number, next: number): void {
    if (move === this.eventCount) return this.passDay(next);
    if (next === this.timeUpKey) return this.load(next);
    this.key = next;
    const digits = this.digits;
    const digit = this.simpleDigit[move] as number;
    if (digit >= 0) {
      digits[digit] = this.simpleTargets[(this.simpleDeltaStart[move] as number) + (digits[digit] as number)] as number;
    } else {
      // Worked out again from the tables: cheaper than dividing the key.
      applyEventToDigits(this.events[move] as EventTable, digits, this.scratch);
    }
    if (this.countDigit >= 0) digits[this.countDigit] = (digits[this.countDigit] as number) + 1;
  }

  /**
   * Makes `next`, what `afterDay()` gave for the loaded state, the loaded state: `advance` for the
   * passing of a day, on its own so that a sampler's events and days take separate paths.
   */
  passDay(next: number): void {
    if (next === this.timeUpKey) return this.load(next);
    this.key = next;
    this.digits[this.dayDigit] = (this.digits[this.dayDigit] as number) + 1;
  }

  day(): number {
    return this.startDay + (this.digits[this.dayDigit] as number);
  }

  eventsSoFar(): number {
    return this.countDigit < 0 ? 0 : (this.digits[this.countDigit] as number);
  }

  requiresHolds(event: number): boolean {
    const requires = this.requires[event] as DigitPredicate | null;
    return requires === null || requires(this.digits);
  }

  urgentHolds(event: number): boolean {
    const urgent = this.urgent[event] as DigitPredicate | null;
    return urgent !== null && urgent(this.digits);
  }

  afterEvent(event: number): number {
    const digit = this.simpleDigit[event] as number;
    if (digit >= 0) {
      // A simple event is one table lookup: what getEventDelta computes, without its loops. (Each
      // branch does its own arithmetic, so that the lookup's number is never boxed.)
      const delta = this.simpleDeltas[
        (this.simpleDeltaStart[event] as number) + (this.digits[digit] as number)
      ] as number;
      return delta === 0 ? UNCHANGED_KEY : this.key + delta + this.countMultiplier;
    }
    const delta = getEventDelta(this.events[event] as EventTable, this.digits);
    return delta === 0 ? UNCHANGED_KEY : this.key + delta + this.countMultiplier;
  }

  forEachChangingEvent(sink: MoveSink<number>): void {
    // requiresHolds and afterEvent for every event, in one loop over local tables.
    const { digits, simpleDigit, simpleDeltaStart, simpleDeltas, requires, events } = this;
    const base = this.key + this.countMultiplier;
    for (let e = 0, n = events.length; e < n; e++) {
      const digit = simpleDigit[e] as number;
      if (digit >= 0) {
        const delta = simpleDeltas[(simpleDeltaStart[e] as number) + (digits[digit] as number)] as number;
        if (delta !== 0) sink.addMove(e, base + delta);
        continue;
      }
      const precondition = requires[e] as DigitPredicate | null;
      if (precondition !== null && !precondition(digits)) continue;
      const delta = getEventDelta(events[e] as EventTable, digits);
      if (delta !== 0) sink.addMove(e, base + delta);
    }
  }

  afterDay(): number {
    return isTimeUp(this.day() + 1, this.horizon) ? this.timeUpKey : this.key + this.dayMultiplier;
  }

  outcomeHolds(outcome: number): boolean {
    return (this.outcomes[outcome] as DigitPredicate)(this.digits);
  }
}
