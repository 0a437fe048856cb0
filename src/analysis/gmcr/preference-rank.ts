import { getJointView, type JointState } from '../../engine/joint-state.js';
import { holds } from '../../model/evaluate-condition.js';
import type { Model, Party, Preference } from '../../model/model.js';

/**
 * A party's rank of joint states (lower is preferred, equal is equally preferred). From
 * `prefers`: the index of the first tier with an entry that holds there (a state where none holds
 * ranks last). From `prioritises` (option prioritisation, Fang, Hipel, Kilgour & Peng 2003): with
 * n statements, the k-th (from 1) adds 2^(n-k) to a state's score where it holds, and a higher
 * score is preferred, so the rank is the highest score possible less the state's. Pure.
 */
export function getPreferenceRank(model: Model, party: Party): (joint: JointState) => number {
  const test = (p: Preference) => {
    const condition = getPreferenceCondition(model, p);
    return (joint: JointState) => (condition ? holds(condition, getJointView(model, joint)) : false);
  };
  if (party.prioritises) {
    const statements = party.prioritises.map(test);
    const n = statements.length;
    return (joint) =>
      statements.reduce((rank, holdsAt, k) => rank - (holdsAt(joint) ? 2 ** (n - 1 - k) : 0), 2 ** n - 1);
  }
  const tiers = (party.prefers ?? []).map((tier) => tier.map(test));
  return (joint) => {
    const rank = tiers.findIndex((tier) => tier.some((holdsAt) => holdsAt(joint)));
    return rank < 0 ? tiers.length : rank;
  };
}

/** True when a party ranks states, by `prefers` or `prioritises`: a decision maker for stability. */
export function hasPreferences(party: Party): boolean {
  return party.prefers !== undefined || party.prioritises !== undefined;
}

/** The condition an entry of `prefers` stands for: the outcome's `when`, or the condition itself. */
export function getPreferenceCondition(model: Model, preference: Preference) {
  return 'outcome' in preference ? model.outcomes.find((o) => o.id === preference.outcome)?.when : preference.condition;
}

/** An entry of `prefers` in words: the outcome id, the condition's label, or "a condition". */
export function describePreference(preference: Preference): string {
  return 'outcome' in preference ? preference.outcome : (preference.label ?? 'a condition');
}
