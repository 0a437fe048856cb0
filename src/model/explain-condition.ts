import type { Comparison, Condition, FactValue, JointView } from './condition.js';
import { compileComparison, holds } from './evaluate-condition.js';
import type { FactId, PartyId, StanceId } from './ids.js';

/**
 * Returns, for a condition that does not hold in the view, the parts that fail, each as a short
 * sentence: `ukraine is in guarantees-first (expected awaiting-architecture)`. Pure. Empty when the
 * condition holds.
 */
export function explainFailure(condition: Condition, view: JointView): string[] {
  const reasons: string[] = [];
  for (const c of condition.all ?? []) reasons.push(...explainFailure(c, view));
  if (condition.any && !condition.any.some((c) => holds(c, view))) {
    reasons.push(`none of these holds: ${condition.any.map((c) => explainFailure(c, view).join(' and ')).join('; ')}`);
  }
  if (condition.not && holds(condition.not, view))
    reasons.push(`this holds but must not: ${describeCondition(condition.not)}`);
  for (const [party, stances] of Object.entries(condition.stance ?? {}) as [PartyId, readonly StanceId[]][]) {
    const actual = view.stances[party];
    if (!stances.includes(actual as StanceId))
      reasons.push(`${party} is in ${actual} (expected ${stances.join(' or ')})`);
  }
  for (const [fact, comparison] of Object.entries(condition.fact ?? {}) as [FactId, Comparison][]) {
    const actual = view.facts[fact] as FactValue;
    if (!compileComparison(comparison)(actual))
      reasons.push(`${fact} is ${String(actual)} (expected ${describeComparison(comparison)})`);
  }
  if (condition.day && !compileComparison(condition.day)(view.day))
    reasons.push(`the day is ${view.day} (expected ${describeComparison(condition.day)})`);
  return reasons;
}

/** Describes a condition in words, for messages. Pure. */
export function describeCondition(condition: Condition): string {
  const parts: string[] = [];
  if (condition.all) parts.push(condition.all.map(describeCondition).join(' and '));
  if (condition.any) parts.push(`(${condition.any.map(describeCondition).join(' or ')})`);
  if (condition.not) parts.push(`not (${describeCondition(condition.not)})`);
  for (const [party, stances] of Object.entries(condition.stance ?? {}))
    parts.push(`${party} in ${(stances as readonly string[]).join(' or ')}`);
  for (const [fact, c] of Object.entries(condition.fact ?? {}))
    parts.push(`${fact} ${describeComparison(c as Comparison)}`);
  if (condition.day) parts.push(`day ${describeComparison(condition.day)}`);
  return parts.join(' and ');
}

/** Describes a comparison in words: `at least 1`, `one of a, b`. Pure. */
export function describeComparison(c: Comparison): string {
  const parts: string[] = [];
  if (c.is !== undefined) parts.push(String(c.is));
  if (c.not !== undefined) parts.push(`not ${String(c.not)}`);
  if (c.in) parts.push(`one of ${c.in.join(', ')}`);
  if (c.notIn) parts.push(`none of ${c.notIn.join(', ')}`);
  if (c.atLeast !== undefined) parts.push(`at least ${c.atLeast}`);
  if (c.atMost !== undefined) parts.push(`at most ${c.atMost}`);
  if (c.above !== undefined) parts.push(`above ${c.above}`);
  if (c.below !== undefined) parts.push(`below ${c.below}`);
  return parts.join(' and ');
}
