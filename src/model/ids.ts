/** Ids are branded strings so that a party id can never be passed where a stance id is meant. */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type PartyId = Brand<string, 'PartyId'>;
export type StanceId = Brand<string, 'StanceId'>;
export type EventId = Brand<string, 'EventId'>;
export type FactId = Brand<string, 'FactId'>;
export type OutcomeId = Brand<string, 'OutcomeId'>;
export type ParagraphId = Brand<string, 'ParagraphId'>;

/** The spelling every id in a scenario file must follow: a letter, then letters, digits, `-` or `_`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
