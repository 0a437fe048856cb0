import type { Comparison, Condition } from '../model/condition.js';
import { compileComparison } from '../model/evaluate-condition.js';
import type { FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { getFactDomainSize, getFactValueAt, type StateEncoding } from './state-encoding.js';

/** A condition over the digits of an encoded joint state. */
export type DigitPredicate = (digits: Int32Array) => boolean;

/**
 * Compiles a condition to a predicate over digits. Every leaf becomes a lookup in a table of the
 * digit's values (which stances, fact values or days pass), computed once with the same
 * comparison code as the plain evaluator, so the two cannot disagree on a leaf. Pure.
 */
export function compileDigitCondition(model: Model, encoding: StateEncoding, condition: Condition): DigitPredicate {
  const leaves: DigitPredicate[] = [];
  for (const c of condition.all ?? []) leaves.push(compileDigitCondition(model, encoding, c));
  if (condition.any) {
    const any = condition.any.map((c) => compileDigitCondition(model, encoding, c));
    leaves.push((d) => any.some((p) => p(d)));
  }
  if (condition.not) {
    const inner = compileDigitCondition(model, encoding, condition.not);
    leaves.push((d) => !inner(d));
  }
  for (const [partyId, stances] of Object.entries(condition.stance ?? {}) as [PartyId, readonly StanceId[]][]) {
    const partyIndex = model.parties.findIndex((p) => p.id === partyId);
    const party = model.parties[partyIndex];
    if (!party) throw new Error(`parley: condition names unknown party "${partyId}"`);
    leaves.push(
      lookup(
        encoding.partyDigit(partyIndex),
        party.stances.map((s) => stances.includes(s.id)),
      ),
    );
  }
  for (const [factId, comparison] of Object.entries(condition.fact ?? {}) as [FactId, Comparison][]) {
    const factIndex = model.facts.findIndex((f) => f.id === factId);
    const fact = model.facts[factIndex];
    if (!fact) throw new Error(`parley: condition names unknown fact "${factId}"`);
    const test = compileComparison(comparison);
    leaves.push(
      lookup(
        encoding.factDigit(factIndex),
        Array.from({ length: getFactDomainSize(fact) }, (_, i) => test(getFactValueAt(fact, i))),
      ),
    );
  }
  if (condition.day) {
    const test = compileComparison(condition.day);
    const days = encoding.radices[encoding.dayDigit] as number;
    leaves.push(
      lookup(
        encoding.dayDigit,
        Array.from({ length: days }, (_, i) => test(encoding.startDay + i)),
      ),
    );
  }
  if (leaves.length === 0) return () => true;
  if (leaves.length === 1) return leaves[0] as DigitPredicate;
  if (leaves.length === 2) {
    const [a, b] = leaves as [DigitPredicate, DigitPredicate];
    return (d) => a(d) && b(d);
  }
  return (d) => {
    for (const leaf of leaves) if (!leaf(d)) return false;
    return true;
  };
}

function lookup(digit: number, passes: boolean[]): DigitPredicate {
  const table = Uint8Array.from(passes, (p) => (p ? 1 : 0));
  if (table.every((v) => v === 1)) return () => true;
  if (table.every((v) => v === 0)) return () => false;
  return (d) => table[d[digit] as number] === 1;
}

/** Returns the digits a condition reads: its parties', its facts' and, if it compares the day, the day's. Pure. */
export function getConditionDigits(model: Model, encoding: StateEncoding, condition: Condition): Set<number> {
  const digits = new Set<number>();
  const visit = (c: Condition) => {
    for (const inner of [...(c.all ?? []), ...(c.any ?? []), ...(c.not ? [c.not] : [])]) visit(inner);
    for (const party of Object.keys(c.stance ?? {}))
      digits.add(encoding.partyDigit(model.parties.findIndex((p) => p.id === party)));
    for (const fact of Object.keys(c.fact ?? {}))
      digits.add(encoding.factDigit(model.facts.findIndex((f) => f.id === fact)));
    if (c.day) digits.add(encoding.dayDigit);
  };
  visit(condition);
  return digits;
}
