import type { Condition, FactValue } from './condition.js';
import type { EventId, FactId, OutcomeId, ParagraphId, PartyId, StanceId } from './ids.js';

/**
 * A validated scenario: plain, frozen data in the order of the file. It carries no source
 * positions (the loader keeps those apart) and no functions, so it serialises to JSON as is.
 */
export interface Model {
  /** The scenario's title: results name the scenario by it, not by its file. */
  readonly title: string;
  /** What the scenario models (absent: the file gives none). */
  readonly description?: string;
  /** What day 0 is in the source, in words (absent: the file does not say). */
  readonly dayZero?: string;
  /** Days within which a hypothetical event's likelihood is the chance that it happens (default 7). */
  readonly likelihoodWindow?: number;
  /** The source text the scenario is drawn from. */
  readonly source: Source;
  /** The typed shared facts, in the file's order (`[]` when it declares none). */
  readonly facts: readonly Fact[];
  /** The parties, in the file's order; each becomes an XState machine. */
  readonly parties: readonly Party[];
  /** The historical and hypothetical events, in the file's order. */
  readonly events: readonly ScenarioEvent[];
  /** The outcomes the explorer reports, in the file's order. */
  readonly outcomes: readonly Outcome[];
  /** The historical events in the order they are replayed; a question starts at its end unless told otherwise. */
  readonly timeline: readonly EventId[];
  /** The coalitions `parley stability` judges unless told otherwise, each its parties (absent: none). */
  readonly coalitions?: readonly (readonly PartyId[])[];
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

/** The source text a scenario is drawn from, and its paragraphs that entries cite. */
export interface Source {
  /** The title of the source text. */
  readonly title: string;
  /** Who published it (absent: not given). */
  readonly publisher?: string;
  /** Where it can be read (absent: not given). */
  readonly url?: string;
  /** Anything a reader should know about the source (absent: nothing). */
  readonly note?: string;
  /** The ids of the source's paragraphs, in order: the only ids a `cites` may name. */
  readonly paragraphs: readonly ParagraphId[];
}

interface FactBase {
  /** The fact's id in the scenario. */
  readonly id: FactId;
  /** What the fact records, in words. */
  readonly describes: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
}
/** A fact that takes one of a fixed list of values. */
export interface EnumFact extends FactBase {
  /** Always 'enum': what kind of fact it is. */
  readonly type: 'enum';
  /** The values it can take, in the file's order. */
  readonly values: readonly string[];
  /** Its value before the first event: one of `values`. */
  readonly initial: string;
}
/** A fact that is true or false. */
export interface BooleanFact extends FactBase {
  /** Always 'boolean': what kind of fact it is. */
  readonly type: 'boolean';
  /** Its value before the first event. */
  readonly initial: boolean;
}
/** A fact that holds a whole number within `min`..`max`. */
export interface IntegerFact extends FactBase {
  /** Always 'integer': what kind of fact it is. */
  readonly type: 'integer';
  /** The smallest value it can take: an event's `add` saturates here. */
  readonly min: number;
  /** The largest value it can take: an event's `add` saturates here. */
  readonly max: number;
  /** Its value before the first event, within `min`..`max`. */
  readonly initial: number;
}
/** Typed shared world state. Every type has a finite domain, so joint states can be enumerated. */
export type Fact = EnumFact | BooleanFact | IntegerFact;

/** A party to the negotiation: its stances are the states of its machine. */
export interface Party {
  /** The party's id in the scenario. */
  readonly id: PartyId;
  /** Its display name. */
  readonly name: string;
  /** Who speaks for the party in the source (absent: not given). */
  readonly voice?: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** Its stance before the first event. */
  readonly initial: StanceId;
  /** Its stances, in the file's order: its machine's states. */
  readonly stances: readonly Stance[];
  /**
   * Ordinal preferences over joint states, best first (absent: none declared); each tier holds
   * equally preferred entries (a tier of one when written alone).
   */
  readonly prefers?: readonly (readonly Preference[])[];
  /** Option prioritisation, most important first (instead of `prefers`): scored, higher preferred. */
  readonly prioritises?: readonly Preference[];
}

/** One entry of a party's preferences: an outcome, or any condition on the joint state. */
export type Preference = { readonly outcome: OutcomeId } | { readonly condition: Condition; readonly label?: string };

/** A stance a party can be in: one state of its machine, with the moves out of it. */
export interface Stance {
  /** The stance's id within its party. */
  readonly id: StanceId;
  /** What defines the stance, in the source's terms. */
  readonly defines: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** Per event, the candidate moves in order; the first whose `when` holds is taken. */
  readonly on: readonly StanceTransition[];
}

/** One candidate move out of a stance: on `event`, to `to`, if `when` holds. */
export interface StanceTransition {
  /** The event that triggers the move. */
  readonly event: EventId;
  /** The stance of the same party it moves to. */
  readonly to: StanceId;
  /** Taken only if this holds in the joint state before the event (absent: always). */
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

/** An event: reported in the source (historical) or a possible future move (hypothetical). */
export interface ScenarioEvent {
  /** The event's id in the scenario. */
  readonly id: EventId;
  /** 'historical': reported as happened, for the timeline to replay; 'hypothetical': a possible future, explored and sampled. */
  readonly kind: 'historical' | 'hypothetical';
  /** One line saying what happens. */
  readonly summary: string;
  /** Historical events only: the simulated day it happened. */
  readonly day?: number;
  /** How the day was read from the source, when it is approximate (absent: no note). */
  readonly dayNote?: string;
  /** Hypothetical events only. */
  readonly likelihood?: Likelihood;
  /** Hypothetical events only: the days within which its likelihood is meant (absent: the scenario's window). */
  readonly window?: number;
  /** Hypothetical events only: the party whose move it is. */
  readonly by?: PartyId;
  /**
   * Historical events only: its likelihood as a hypothetical event in a question that starts where
   * it has not happened (absent: it cannot happen there). Kept on the hypothetical event that a
   * question makes of it, so results name the element where the file wrote it.
   */
  readonly alternative?: Alternative;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** A short verbatim fragment of a cited paragraph that grounds the event. */
  readonly quote: string;
  /** A precondition on the joint state before the event (absent: none). */
  readonly requires?: Condition;
  /** While the event is enabled and this holds, the day cannot pass (absent: never urgent). */
  readonly urgent?: Condition;
  /** The facts the event sets, by fact id (`{}` when none). */
  readonly set: Readonly<Record<FactId, FactValue>>;
  /** The integer facts the event adds to (or, negative, takes from), saturating at their bounds; `{}` when none. */
  readonly add: Readonly<Record<FactId, number>>;
}

/** What else a historical event might have been: a hypothetical event's likelihood and window. */
export interface Alternative {
  readonly likelihood: Likelihood;
  /** The days within which the likelihood is meant (absent: the scenario's window). */
  readonly window?: number;
}

/** A situation the explorer reports: it holds in every joint state where `when` holds. */
export interface Outcome {
  /** The outcome's id in the scenario. */
  readonly id: OutcomeId;
  /** What the outcome means, in words. */
  readonly means: string;
  /** The paragraphs of the source text it is drawn from. */
  readonly cites: readonly ParagraphId[];
  /** The condition on the joint state under which it holds. */
  readonly when: Condition;
}
