import type { Condition } from '../model/condition.js';
import { describeCondition } from '../model/explain-condition.js';
import type { DataPath } from '../model/problem.js';

/** One part of a condition that must hold for the whole to hold, with its description and place. */
export interface ConditionLeaf {
  readonly condition: Condition;
  readonly description: string;
  /** Where it is inside the condition, as the file writes it: `['all', 1, 'fact', 'offer']`. */
  readonly path: DataPath;
}

/**
 * Returns the parts a condition requires all at once: the members of its `all`, each party of its
 * `stance`, each fact of its `fact`, its `day`; an `any` or a `not` is one part. Pure.
 */
export function getConditionLeaves(condition: Condition): ConditionLeaf[] {
  const leaves: { condition: Condition; path: DataPath }[] = [];
  (condition.all ?? []).forEach((c, i) =>
    leaves.push(...getConditionLeaves(c).map((l) => ({ condition: l.condition, path: ['all', i, ...l.path] }))),
  );
  if (condition.any) leaves.push({ condition: { any: condition.any }, path: ['any'] });
  if (condition.not) leaves.push({ condition: { not: condition.not }, path: ['not'] });
  for (const [party, stances] of Object.entries(condition.stance ?? {}))
    leaves.push({ condition: { stance: { [party]: stances } }, path: ['stance', party] });
  for (const [fact, comparison] of Object.entries(condition.fact ?? {}))
    leaves.push({ condition: { fact: { [fact]: comparison } }, path: ['fact', fact] });
  if (condition.day) leaves.push({ condition: { day: condition.day }, path: ['day'] });
  return leaves.map((l) => ({ ...l, description: describeCondition(l.condition) }));
}

/**
 * Returns the condition without the part at `path` (a leaf's path, or `['any', i]` for one
 * alternative of an `any`): dropping a leaf weakens it, dropping an alternative strengthens it.
 * An `any` left with no alternative never holds. Pure.
 */
export function withoutConditionPart(condition: Condition, path: DataPath): Condition {
  const [head, key, ...rest] = path;
  if (head === 'all') {
    const all = (condition.all ?? []).map((c, i) => (i === key ? withoutConditionPart(c, rest) : c));
    return { ...condition, all };
  }
  if (head === 'any' && typeof key === 'number')
    return { ...condition, any: (condition.any ?? []).filter((_, i) => i !== key) };
  const { [head as keyof Condition]: part, ...others } = condition;
  if (head === 'any' || head === 'not' || head === 'day' || key === undefined) return others;
  const { [key as string]: _removed, ...kept } = part as Readonly<Record<string, unknown>>;
  return Object.keys(kept).length > 0 ? { ...others, [head as string]: kept } : others;
}
