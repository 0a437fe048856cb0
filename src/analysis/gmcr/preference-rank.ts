import type { Exploration } from '../../explore/exploration.js';
import type { Model, Party, Preference } from '../../model/model.js';

/**
 * A party's rank of explored states from its `prefers`: the index of the first tier with an entry
 * that holds there (an outcome's condition, or a condition); a state where none holds ranks last,
 * after every tier. Equal ranks are equally preferred. Pure.
 */
export function getPreferenceRanker(model: Model, party: Party, exploration: Exploration): (state: number) => number {
  const tiers = (party.prefers ?? []).map((tier) =>
    tier.map((p) => exploration.conditionAt(getPreferenceCondition(model, p) ?? {})),
  );
  return (state) => {
    const rank = tiers.findIndex((tier) => tier.some((holds) => holds(state)));
    return rank < 0 ? tiers.length : rank;
  };
}

/** The condition an entry of `prefers` stands for: the outcome's `when`, or the condition itself. */
export function getPreferenceCondition(model: Model, preference: Preference) {
  return 'outcome' in preference ? model.outcomes.find((o) => o.id === preference.outcome)?.when : preference.condition;
}

/** An entry of `prefers` in words: the outcome id, or "a condition". */
export function describePreference(preference: Preference): string {
  return 'outcome' in preference ? preference.outcome : 'a condition';
}
