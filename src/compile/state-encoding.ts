import type { FactValue } from '../model/condition.js';
import type { Fact, Model } from '../model/model.js';

/**
 * A joint state as one integer: a mixed-radix number whose digits are each party's stance index,
 * each fact's value index, the day (counted from `startDay`) and, with an event limit, the number
 * of events so far. Exact while the product of the radices stays below 2^53.
 */
export interface StateEncoding {
  readonly radices: readonly number[];
  readonly multipliers: readonly number[];
  readonly partyDigit: (partyIndex: number) => number;
  readonly factDigit: (factIndex: number) => number;
  readonly dayDigit: number;
  /** -1 when events are not counted. */
  readonly countDigit: number;
  readonly startDay: number;
  readonly size: number;
  /** The number of possible keys: the product of the radices. */
  readonly total: number;
}

/** Returns the number of values a fact can take. Pure. */
export function getFactDomainSize(fact: Fact): number {
  if (fact.type === 'enum') return fact.values.length;
  if (fact.type === 'boolean') return 2;
  return fact.max - fact.min + 1;
}

/** Returns the index of a fact value in the fact's domain. Pure. */
export function getFactValueIndex(fact: Fact, value: FactValue): number {
  if (fact.type === 'enum') return fact.values.indexOf(value as string);
  if (fact.type === 'boolean') return value ? 1 : 0;
  return (value as number) - fact.min;
}

/** Returns the fact value at an index of the fact's domain. Pure. */
export function getFactValueAt(fact: Fact, index: number): FactValue {
  if (fact.type === 'enum') return fact.values[index] as string;
  if (fact.type === 'boolean') return index === 1;
  return fact.min + index;
}

/** Why a model cannot be encoded: its joint state space has 2^53 states or more. */
export class EncodingOverflow extends Error {}

/**
 * Returns the encoding of the model's joint states on `days` days from `startDay` (for a horizon:
 * up to the first day when time is up). Pure. Throws `EncodingOverflow` when the space is too
 * large to number exactly.
 */
export function createStateEncoding(model: Model, startDay: number, days: number, maxEvents?: number): StateEncoding {
  const radices = [
    ...model.parties.map((p) => p.stances.length),
    ...model.facts.map(getFactDomainSize),
    Math.max(1, days),
    ...(maxEvents === undefined ? [] : [maxEvents + 1]),
  ];
  const multipliers: number[] = [];
  let product = 1;
  for (const radix of radices) {
    multipliers.push(product);
    product *= radix;
  }
  if (!(product < 2 ** 53))
    throw new EncodingOverflow(
      `the joint state space (${product.toExponential(2)} states) is too large to number exactly (2^53)`,
    );
  const parties = model.parties.length;
  const facts = model.facts.length;
  return {
    radices,
    multipliers,
    partyDigit: (i) => i,
    factDigit: (i) => parties + i,
    dayDigit: parties + facts,
    countDigit: maxEvents === undefined ? -1 : parties + facts + 1,
    startDay,
    size: radices.length,
    total: product,
  };
}

/**
 * Returns the part of a key that says the stances and facts alone (the lowest digits), whatever the
 * day and the events so far: equal for two keys exactly when their stances and facts are. Pure.
 */
export function getStancesAndFactsCode(encoding: StateEncoding, key: number): number {
  return key % (encoding.multipliers[encoding.dayDigit] as number);
}

/** Writes the digits of a key into `out`. Pure apart from `out`. */
export function decodeDigits(encoding: StateEncoding, key: number, out: Int32Array): void {
  const { multipliers } = encoding;
  for (let i = encoding.size - 1; i >= 0; i--) {
    const m = multipliers[i] as number;
    const digit = Math.floor(key / m);
    out[i] = digit;
    key -= digit * m;
  }
}
