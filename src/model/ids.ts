/** Ids are branded strings so that a party id can never be passed where a stance id is meant. */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A party's id, as written in the scenario. */
export type PartyId = Brand<string, 'PartyId'>;
/** A stance's id, unique within its party. */
export type StanceId = Brand<string, 'StanceId'>;
/** An event's id, historical or hypothetical. */
export type EventId = Brand<string, 'EventId'>;
/** A fact's id. */
export type FactId = Brand<string, 'FactId'>;
/** An outcome's id. */
export type OutcomeId = Brand<string, 'OutcomeId'>;
/** A paragraph of the source text, such as `P7`: what `cites` lists. */
export type ParagraphId = Brand<string, 'ParagraphId'>;

/** The spelling every id in a scenario file must follow: a letter, then letters, digits, `-` or `_`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
