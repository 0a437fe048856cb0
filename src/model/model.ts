import type { Condition, FactValue } from './condition.js';
import type { EventId, FactId, OutcomeId, ParagraphId, PartyId, StanceId } from './ids.js';

/**
 * A validated scenario: plain, frozen data in the order of the file. It carries no source
 * positions (the loader keeps those apart) and no functions, so it serialises to JSON as is.
 */
export interface Model {
  readonly title: string;
  readonly description?: string;
  readonly dayZero?: string;
  /** Days within which a hypothetical event's likelihood is the chance that it happens (default 7). */
  readonly likelihoodWindow?: number;
  readonly source: Source;
  readonly facts: readonly Fact[];
  readonly parties: readonly Party[];
  readonly events: readonly ScenarioEvent[];
  readonly outcomes: readonly Outcome[];
  readonly timeline: readonly EventId[];
}

export interface Source {
  readonly title: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly note?: string;
  readonly paragraphs: readonly ParagraphId[];
}

interface FactBase {
  readonly id: FactId;
  readonly describes: string;
  readonly cites: readonly ParagraphId[];
}
export interface EnumFact extends FactBase {
  readonly type: 'enum';
  readonly values: readonly string[];
  readonly initial: string;
}
export interface BooleanFact extends FactBase {
  readonly type: 'boolean';
  readonly initial: boolean;
}
export interface IntegerFact extends FactBase {
  readonly type: 'integer';
  readonly min: number;
  readonly max: number;
  readonly initial: number;
}
/** Typed shared world state. Every type has a finite domain, so joint states can be enumerated. */
export type Fact = EnumFact | BooleanFact | IntegerFact;

export interface Party {
  readonly id: PartyId;
  readonly name: string;
  readonly voice?: string;
  readonly cites: readonly ParagraphId[];
  readonly initial: StanceId;
  readonly stances: readonly Stance[];
  /** Ordinal preferences over joint states, best first (absent: none declared). */
  readonly prefers?: readonly Preference[];
}

/** One rung of a party's preferences: an outcome, or any condition on the joint state. */
export type Preference = { readonly outcome: OutcomeId } | { readonly condition: Condition };

export interface Stance {
  readonly id: StanceId;
  readonly defines: string;
  readonly cites: readonly ParagraphId[];
  /** Per event, the candidate moves in order; the first whose `when` holds is taken. */
  readonly on: readonly StanceTransition[];
}

export interface StanceTransition {
  readonly event: EventId;
  readonly to: StanceId;
  readonly when?: Condition;
}

/**
 * A hypothetical event's likelihood: a number, an interval (standing for its midpoint), or an
 * estimative word (standing for the midpoint of its band). `low`/`high` bound it for sensitivity.
 */
export type Likelihood =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'interval'; readonly value: number; readonly low: number; readonly high: number }
  | {
      readonly kind: 'word';
      readonly word: string;
      readonly value: number;
      readonly low: number;
      readonly high: number;
    };

export interface ScenarioEvent {
  readonly id: EventId;
  readonly kind: 'historical' | 'hypothetical';
  readonly summary: string;
  /** Historical events only: the simulated day it happened. */
  readonly day?: number;
  readonly dayNote?: string;
  /** Hypothetical events only. */
  readonly likelihood?: Likelihood;
  /** Hypothetical events only: the days within which its likelihood is meant (absent: the scenario's window). */
  readonly window?: number;
  /** Hypothetical events only: the party whose move it is. */
  readonly by?: PartyId;
  readonly cites: readonly ParagraphId[];
  readonly quote: string;
  readonly requires?: Condition;
  /** While the event is enabled and this holds, the day cannot pass (absent: never urgent). */
  readonly urgent?: Condition;
  readonly set: Readonly<Record<FactId, FactValue>>;
  readonly add: Readonly<Record<FactId, number>>;
}

export interface Outcome {
  readonly id: OutcomeId;
  readonly means: string;
  readonly cites: readonly ParagraphId[];
  readonly when: Condition;
}
