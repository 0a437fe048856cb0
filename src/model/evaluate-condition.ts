import type { Comparison, Condition, FactValue, JointView } from './condition.js';
import type { FactId, PartyId, StanceId } from './ids.js';

export type Predicate = (view: JointView) => boolean;

const compiled = new WeakMap<Condition, Predicate>();

/**
 * Returns the condition as a function of the joint view. Pure; compiled once per condition object
 * and memoised, so guards evaluated on every step cost a few property reads.
 */
export function compileCondition(condition: Condition): Predicate {
  let predicate = compiled.get(condition);
  if (!predicate) {
    predicate = buildPredicate(condition);
    compiled.set(condition, predicate);
  }
  return predicate;
}

/** True when the condition holds in the view. Pure. */
export function holds(condition: Condition | undefined, view: JointView): boolean {
  return condition === undefined || compileCondition(condition)(view);
}

function buildPredicate(condition: Condition): Predicate {
  const parts: Predicate[] = [];
  if (condition.all) {
    const all = condition.all.map(compileCondition);
    parts.push((v) => all.every((p) => p(v)));
  }
  if (condition.any) {
    const any = condition.any.map(compileCondition);
    parts.push((v) => any.some((p) => p(v)));
  }
  if (condition.not) {
    const inner = compileCondition(condition.not);
    parts.push((v) => !inner(v));
  }
  for (const [party, stances] of Object.entries(condition.stance ?? {}) as [PartyId, readonly StanceId[]][]) {
    parts.push((v) => stances.includes(v.stances[party] as StanceId));
  }
  for (const [fact, comparison] of Object.entries(condition.fact ?? {}) as [FactId, Comparison][]) {
    const test = compileComparison(comparison);
    parts.push((v) => test(v.facts[fact] as FactValue));
  }
  if (condition.day) {
    const test = compileComparison(condition.day);
    parts.push((v) => test(v.day));
  }
  if (parts.length === 1) return parts[0] as Predicate;
  return (v) => parts.every((p) => p(v));
}

/** Returns the comparison as a function of one value. Pure. */
export function compileComparison(c: Comparison): (value: FactValue) => boolean {
  const tests: ((x: FactValue) => boolean)[] = [];
  if (c.is !== undefined) tests.push((x) => x === c.is);
  if (c.not !== undefined) tests.push((x) => x !== c.not);
  if (c.in !== undefined) tests.push((x) => (c.in as FactValue[]).includes(x));
  if (c.notIn !== undefined) tests.push((x) => !(c.notIn as FactValue[]).includes(x));
  if (c.atLeast !== undefined) tests.push((x) => (x as number) >= (c.atLeast as number));
  if (c.atMost !== undefined) tests.push((x) => (x as number) <= (c.atMost as number));
  if (c.above !== undefined) tests.push((x) => (x as number) > (c.above as number));
  if (c.below !== undefined) tests.push((x) => (x as number) < (c.below as number));
  return (x) => tests.every((t) => t(x));
}
