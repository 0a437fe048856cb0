import type { FactId, PartyId, StanceId } from './ids.js';

/** A fact's value: an enum member, a boolean or an integer. */
export type FactValue = string | boolean | number;

/**
 * A test on one value; every key given must hold. `is`/`not`/`in`/`notIn` compare for equality,
 * the others compare integers (facts of type integer, or the day).
 */
export interface Comparison {
  /** Equals this value. */
  readonly is?: FactValue;
  /** Differs from this value. */
  readonly not?: FactValue;
  /** Is one of these values. */
  readonly in?: readonly FactValue[];
  /** Is none of these values. */
  readonly notIn?: readonly FactValue[];
  /** An integer at least this (`>=`). */
  readonly atLeast?: number;
  /** An integer at most this (`<=`). */
  readonly atMost?: number;
  /** An integer above this (`>`). */
  readonly above?: number;
  /** An integer below this (`<`). */
  readonly below?: number;
}

/**
 * A declarative condition on the joint state: every key given must hold (an implicit "and").
 * `stance` maps each party to the stances it may be in; `fact` maps each fact to a comparison;
 * `day` compares the simulated day. Conditions are data: they are compiled to functions, never
 * evaluated as code.
 */
export interface Condition {
  /** Every one of these conditions holds. */
  readonly all?: readonly Condition[];
  /** At least one of these conditions holds. */
  readonly any?: readonly Condition[];
  /** This condition does not hold. */
  readonly not?: Condition;
  /** Each party listed is in one of the stances listed for it. */
  readonly stance?: Readonly<Record<PartyId, readonly StanceId[]>>;
  /** Each fact listed passes its comparison. */
  readonly fact?: Readonly<Record<FactId, Comparison>>;
  /** The simulated day passes this comparison. */
  readonly day?: Comparison;
}

/** What a condition can read: every party's stance, the facts and the simulated day. */
export interface JointView {
  /** Every party's stance, by party id. */
  readonly stances: Readonly<Record<PartyId, StanceId>>;
  /** Every fact's value, by fact id. */
  readonly facts: Readonly<Record<FactId, FactValue>>;
  /** The simulated day. */
  readonly day: number;
}
