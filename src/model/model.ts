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
  /** The modeller's notes on elements, in the file's order (absent: none). */
  readonly notes?: readonly ElementNote[];
}

/**
 * A note on a modelling element (or on every element under a place in the file): `assumption`
 * says it is the modeller's, not what a cited paragraph says, and why; `inert`, why it stays
 * although removing it changes no outcome.
 */
export interface ElementNote {
  /** The element's place as `parley ablate` names it: `events.x.requires.fact.y`. */
  readonly element: string;
  readonly assumption?: string;
  readonly inert?: string;
  readonly cites: readonly ParagraphId[];
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
  /** Best first; each tier holds equally preferred entries (a tier of one when written alone). */
  readonly prefers?: readonly (readonly Preference[])[];
  /** Option prioritisation, most important first (instead of `prefers`): scored, higher preferred. */
  readonly prioritises?: readonly Preference[];
}

/** One entry of a party's preferences: an outcome, or any condition on the joint state. */
export type Preference = { readonly outcome: OutcomeId } | { readonly condition: Condition; readonly label?: string };

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
export type Likelihood = (
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'interval'; readonly value: number; readonly low: number; readonly high: number }
  | {
      readonly kind: 'word';
      readonly word: string;
      readonly value: number;
      readonly low: number;
      readonly high: number;
    }
) &
  LikelihoodJudgement;

/** Why a likelihood is what it is, and how sure of it the modeller is (ICD 203's analytic confidence). */
export interface LikelihoodJudgement {
  readonly rationale?: string;
  readonly confidence?: Confidence;
}

export type Confidence = 'low' | 'moderate' | 'high';

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
