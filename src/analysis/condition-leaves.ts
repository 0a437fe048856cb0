import type { Condition } from '../model/condition.js';
import { describeCondition } from '../model/explain-condition.js';

/** One part of a condition that must hold for the whole to hold, with its description. */
export interface ConditionLeaf {
  readonly condition: Condition;
  readonly description: string;
}

/**
 * Returns the parts a condition requires all at once: the members of its `all`, each party of its
 * `stance`, each fact of its `fact`, its `day`; an `any` or a `not` is one part. Pure.
 */
export function getConditionLeaves(condition: Condition): ConditionLeaf[] {
  const leaves: Condition[] = [];
  for (const c of condition.all ?? []) leaves.push(...getConditionLeaves(c).map((l) => l.condition));
  if (condition.any) leaves.push({ any: condition.any });
  if (condition.not) leaves.push({ not: condition.not });
  for (const [party, stances] of Object.entries(condition.stance ?? {})) leaves.push({ stance: { [party]: stances } });
  for (const [fact, comparison] of Object.entries(condition.fact ?? {})) leaves.push({ fact: { [fact]: comparison } });
  if (condition.day) leaves.push({ day: condition.day });
  return leaves.map((c) => ({ condition: c, description: describeCondition(c) }));
}
