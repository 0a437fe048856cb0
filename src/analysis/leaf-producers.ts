import type { Comparison, Condition } from '../model/condition.js';
import { compileComparison } from '../model/evaluate-condition.js';
import type { EventId, FactId, PartyId, StanceId } from '../model/ids.js';
import type { Model } from '../model/model.js';

/**
 * The hypothetical events that could make one part of a condition hold: for a party's stance,
 * the events with a transition into it; for a fact, the events that set it to a value that passes
 * the test, or add to it. Other parts (`any`, `not`, `day`) have none listed. Pure; events in the
 * model's order.
 */
export function getLeafProducers(model: Model, leaf: Condition): EventId[] {
  const events = new Set<EventId>();
  for (const [party, stances] of Object.entries(leaf.stance ?? {}) as [PartyId, readonly StanceId[]][]) {
    const p = model.parties.find((x) => x.id === party);
    for (const stance of p?.stances ?? []) for (const t of stance.on) if (stances.includes(t.to)) events.add(t.event);
  }
  for (const [fact, comparison] of Object.entries(leaf.fact ?? {}) as [FactId, Comparison][]) {
    // An event that sets the fact counts only if the value it sets passes the test; one that adds may.
    const test = compileComparison(comparison);
    for (const e of model.events) {
      const set = e.set[fact];
      if ((set !== undefined && test(set)) || e.add[fact] !== undefined) events.add(e.id);
    }
  }
  return model.events.filter((e) => e.kind === 'hypothetical' && events.has(e.id)).map((e) => e.id);
}
