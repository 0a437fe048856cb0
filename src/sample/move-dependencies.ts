import type { CompiledModel } from '../compile/compiled-model.js';
import { getConditionDigits, type DigitPredicate } from '../compile/digit-condition.js';
import { getEvent } from '../model/model-lookup.js';

/** What a move can change: the preconditions and outcomes to look at again after it. */
export interface MoveDependencies {
  /** Per move, the events whose `requires` reads a digit it writes. */
  readonly recheckAfter: readonly Int32Array[];
  /** Per move, 1 if it writes the day or the count of events: what `mayEventsHappenHere` reads. */
  readonly clockAfter: Uint8Array;
  /** Per move, the outcomes that read a digit it writes. */
  readonly outcomesAfter: readonly Int32Array[];
  /** Per move, the one digit it writes that an outcome reads, if there is one and only one; else -1. */
  readonly soleOutcomeDigit: Int32Array;
  /**
   * Per digit and value, the outcomes that read the digit and may hold while it has that value:
   * all but those whose condition holds with no values of the other digits. After a move whose
   * `soleOutcomeDigit` is d, only `outcomesWith[d][value of d]` of `outcomesAfter` may hold.
   */
  readonly outcomesWith: readonly (readonly Int32Array[])[];
}

/** An outcome's values that may hold are worked out when its condition reads digits of at most this many combinations; else every value may. */
export const MAX_OUTCOME_COMBINATIONS = 1 << 16;

/**
 * For each move (event numbers, then the day), which events' `requires` and which outcomes read a
 * digit the move writes: the only ones whose truth it can change; and, for the outcomes, which
 * can hold with each value of a digit they read. Pure.
 */
export function getMoveDependencies(compiled: CompiledModel): MoveDependencies {
  const { model, encoding, events } = compiled;
  const requiresDigits = events.map((table) => {
    const requires = getEvent(model, table.id).requires;
    return requires ? getConditionDigits(model, encoding, requires) : new Set<number>();
  });
  const outcomeDigits = model.outcomes.map((o) => getConditionDigits(model, encoding, o.when));
  const count = encoding.countDigit >= 0 ? [encoding.countDigit] : [];
  const written = [
    ...events.map((table) => new Set([...table.partyDigits, ...table.factDigits, ...count])),
    new Set([encoding.dayDigit]),
  ];
  const readers = (reads: readonly ReadonlySet<number>[], writes: ReadonlySet<number>) =>
    Int32Array.from(reads.flatMap((digits, i) => ([...digits].some((d) => writes.has(d)) ? [i] : [])));
  const readByOutcomes = new Set(outcomeDigits.flatMap((digits) => [...digits]));
  const passing = compiled.outcomes.map((predicate, o) =>
    getPassingValues(predicate, [...(outcomeDigits[o] as Set<number>)], encoding.radices, encoding.size),
  );
  return {
    recheckAfter: written.map((writes) => readers(requiresDigits, writes)),
    clockAfter: Uint8Array.from(written, (writes) =>
      writes.has(encoding.dayDigit) || writes.has(encoding.countDigit) ? 1 : 0,
    ),
    outcomesAfter: written.map((writes) => readers(outcomeDigits, writes)),
    soleOutcomeDigit: Int32Array.from(written, (writes) => {
      const read = [...writes].filter((d) => readByOutcomes.has(d));
      return read.length === 1 ? (read[0] as number) : -1;
    }),
    outcomesWith: encoding.radices.map((radix, digit) =>
      Array.from({ length: radix }, (_, value) =>
        Int32Array.from(
          outcomeDigits.flatMap((digits, o) =>
            digits.has(digit) && (passing[o]?.get(digit)?.[value] ?? 1) === 1 ? [o] : [],
          ),
        ),
      ),
    ),
  };
}

/**
 * Returns, for each digit a condition reads, the values (1) with which it holds for some values
 * of the other digits it reads, by asking the predicate once per combination of those digits; or
 * null when they have more than `MAX_OUTCOME_COMBINATIONS` (then every value may).
 */
function getPassingValues(
  predicate: DigitPredicate,
  digits: readonly number[],
  radices: readonly number[],
  size: number,
): Map<number, Uint8Array> | null {
  const digitRadices = digits.map((d) => radices[d] as number);
  const combinations = digitRadices.reduce((n, r) => n * r, 1);
  if (combinations > MAX_OUTCOME_COMBINATIONS) return null;
  const passing = digits.map((_, i) => new Uint8Array(digitRadices[i] as number));
  // Every combination in turn, the first digit varying fastest; the predicate reads no other digit.
  const state = new Int32Array(size);
  for (let n = 0; n < combinations; n++) {
    if (predicate(state)) digits.forEach((d, i) => ((passing[i] as Uint8Array)[state[d] as number] = 1));
    for (let i = 0; i < digits.length; i++) {
      const d = digits[i] as number;
      const value = (state[d] as number) + 1;
      state[d] = value < (digitRadices[i] as number) ? value : 0;
      if (value < (digitRadices[i] as number)) break;
    }
  }
  return new Map(digits.map((d, i) => [d, passing[i] as Uint8Array]));
}
