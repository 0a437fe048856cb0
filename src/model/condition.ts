import type { FactId, PartyId, StanceId } from './ids.js';

/** A fact's value: an enum member, a boolean or an integer. */
export type FactValue = string | boolean | number;

/**
 * A test on one value; every key given must hold. `is`/`not`/`in`/`notIn` compare for equality,
 * the others compare integers (facts of type integer, or the day).
 */
export interface Comparison {
  readonly is?: FactValue;
  readonly not?: FactValue;
  readonly in?: readonly FactValue[];
  readonly notIn?: readonly FactValue[];
  readonly atLeast?: number;
  readonly atMost?: number;
  readonly above?: number;
  readonly below?: number;
}

/**
 * A declarative condition on the joint state: every key given must hold (an implicit "and").
 * `stance` maps each party to the stances it may be in; `fact` maps each fact to a comparison;
 * `day` compares the simulated day. Conditions are data: they are compiled to functions, never
 * evaluated as code.
 */
export interface Condition {
  readonly all?: readonly Condition[];
  readonly any?: readonly Condition[];
  readonly not?: Condition;
  readonly stance?: Readonly<Record<PartyId, readonly StanceId[]>>;
  readonly fact?: Readonly<Record<FactId, Comparison>>;
  readonly day?: Comparison;
}

/** What a condition can read: every party's stance, the facts and the simulated day. */
export interface JointView {
  readonly stances: Readonly<Record<PartyId, StanceId>>;
  readonly facts: Readonly<Record<FactId, FactValue>>;
  readonly day: number;
}
