import type { Condition } from '../model/condition.js';
import type { Model, ScenarioEvent, StanceTransition } from '../model/model.js';
import { withoutConditionPart } from './condition-leaves.js';
import type { ElementTarget } from './model-elements.js';
import { withoutEvents } from './model-variants.js';

/**
 * Returns the model without one element (see `ElementTarget`): what the scenario says once that
 * element is struck out of the file. A transition removed leaves the party where it is on that
 * event (or to the next candidate for it); a clause removed leaves the rest of its condition; an
 * event's `urgent` removed makes it an ordinary event. Pure.
 */
export function withoutElement(model: Model, target: ElementTarget): Model {
  switch (target.kind) {
    case 'transition':
    case 'when':
      return {
        ...model,
        parties: model.parties.map((party) =>
          party.id !== target.party
            ? party
            : {
                ...party,
                stances: party.stances.map((stance) =>
                  stance.id !== target.stance
                    ? stance
                    : {
                        ...stance,
                        on:
                          target.kind === 'transition'
                            ? stance.on.filter((_, i) => i !== target.index)
                            : stance.on.map((t, i) => (i === target.index ? withoutWhenClause(t, target.clause) : t)),
                      },
                ),
              },
        ),
      };
    case 'event':
      return withoutEvents(model, new Set([target.event]));
    default:
      return {
        ...model,
        events: model.events.map((e) => (e.id === target.event ? withoutEventPart(e, target) : e)),
      };
  }
}

function withoutWhenClause(t: StanceTransition, clause: readonly (string | number)[]): StanceTransition {
  const when = withoutConditionPart(t.when as Condition, clause);
  return { ...t, when };
}

function withoutEventPart(
  event: ScenarioEvent,
  target: Extract<ElementTarget, { kind: 'requires' | 'urgent' | 'set' | 'add' }>,
): ScenarioEvent {
  switch (target.kind) {
    case 'requires':
      return { ...event, requires: withoutConditionPart(event.requires as Condition, target.clause) };
    case 'urgent': {
      if (target.clause !== null)
        return { ...event, urgent: withoutConditionPart(event.urgent as Condition, target.clause) };
      const { urgent: _urgent, ...rest } = event;
      return rest;
    }
    case 'set':
    case 'add': {
      const { [target.fact]: _removed, ...kept } = event[target.kind];
      return { ...event, [target.kind]: kept };
    }
  }
}
