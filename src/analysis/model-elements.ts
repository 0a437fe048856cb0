import type { Condition, FactValue } from '../model/condition.js';
import { describeCondition } from '../model/explain-condition.js';
import type { EventId, FactId, ParagraphId, PartyId, StanceId } from '../model/ids.js';
import type { Model, ScenarioEvent } from '../model/model.js';
import { formatPath, type DataPath } from '../model/problem.js';
import { getConditionLeaves } from './condition-leaves.js';

/**
 * What removing an element takes away: a stance's transition; one clause of a transition's `when`,
 * of an event's `requires` or `urgent` (a conjunct, or one alternative of an `any`); an event's
 * whole `urgent`; a hypothetical event; one fact of an event's `set` or `add`.
 */
export type ElementTarget =
  | { readonly kind: 'transition'; readonly party: PartyId; readonly stance: StanceId; readonly index: number }
  | {
      readonly kind: 'when';
      readonly party: PartyId;
      readonly stance: StanceId;
      readonly index: number;
      readonly clause: DataPath;
    }
  | { readonly kind: 'requires'; readonly event: EventId; readonly clause: DataPath }
  | { readonly kind: 'urgent'; readonly event: EventId; readonly clause: DataPath | null }
  | { readonly kind: 'event'; readonly event: EventId }
  | { readonly kind: 'set' | 'add'; readonly event: EventId; readonly fact: FactId };

/** One modelling element of a scenario, named by where it is written in the file. */
export interface ModelElement {
  /** Its place in the file as a path: `parties.ukraine.stances.guarantees-first.on.window-set`. */
  readonly id: string;
  readonly path: DataPath;
  readonly target: ElementTarget;
  /** What it says, in a line: `ukraine: guarantees-first -> awaiting-guarantees-architecture on window-set`. */
  readonly description: string;
  /** The paragraphs behind it: its event's, and for a transition its stance's. */
  readonly cites: readonly ParagraphId[];
}

/**
 * Lists every element whose removal could change what can happen from a point of the timeline:
 * every transition and its `when` clauses; every event's `set` and `add` facts; and, of
 * hypothetical events only, the event itself and its `requires` and `urgent` clauses (a historical
 * event happens where the timeline puts it, its `requires` only checks that it could). Pure.
 */
export function listModelElements(model: Model): ModelElement[] {
  const events = new Map(model.events.map((e) => [e.id, e]));
  const elements: ModelElement[] = [];
  for (const party of model.parties) {
    for (const stance of party.stances) {
      stance.on.forEach((t, index) => {
        const siblings = stance.on.filter((s) => s.event === t.event);
        const place: DataPath = ['parties', party.id, 'stances', stance.id, 'on', t.event];
        const path = siblings.length > 1 ? [...place, siblings.indexOf(t)] : place;
        const event = events.get(t.event);
        const cites = [...new Set([...stance.cites, ...(event?.cites ?? [])])];
        const description = `${party.id}: ${stance.id} -> ${t.to} on ${t.event}`;
        elements.push(
          element(path, { kind: 'transition', party: party.id, stance: stance.id, index }, description, cites),
        );
        for (const clause of getClauses(t.when)) {
          elements.push(
            element(
              [...path, 'when', ...clause.path],
              { kind: 'when', party: party.id, stance: stance.id, index, clause: clause.path },
              `${clause.description}, in the when of ${description}`,
              cites,
            ),
          );
        }
      });
    }
  }
  for (const event of model.events) elements.push(...listEventElements(event));
  return elements;
}

function listEventElements(event: ScenarioEvent): ModelElement[] {
  const at = (...rest: DataPath) => ['events', event.id, ...rest];
  const out: ModelElement[] = [];
  if (event.kind === 'hypothetical') {
    out.push(element(at(), { kind: 'event', event: event.id }, `the event ${event.id}: ${event.summary}`, event.cites));
    for (const clause of getClauses(event.requires))
      out.push(
        element(
          at('requires', ...clause.path),
          { kind: 'requires', event: event.id, clause: clause.path },
          `${clause.description}, in what ${event.id} requires`,
          event.cites,
        ),
      );
    if (event.urgent) {
      out.push(
        element(
          at('urgent'),
          { kind: 'urgent', event: event.id, clause: null },
          `${event.id} is urgent${describeWhile(event.urgent)}`,
          event.cites,
        ),
      );
      for (const clause of getClauses(event.urgent))
        out.push(
          element(
            at('urgent', ...clause.path),
            { kind: 'urgent', event: event.id, clause: clause.path },
            `${clause.description}, in when ${event.id} is urgent`,
            event.cites,
          ),
        );
    }
  }
  for (const [fact, value] of Object.entries(event.set) as [FactId, FactValue][])
    out.push(
      element(
        at('set', fact),
        { kind: 'set', event: event.id, fact },
        `${event.id} sets ${fact} to ${String(value)}`,
        event.cites,
      ),
    );
  for (const [fact, amount] of Object.entries(event.add) as [FactId, number][])
    out.push(
      element(
        at('add', fact),
        { kind: 'add', event: event.id, fact },
        `${event.id} adds ${amount} to ${fact}`,
        event.cites,
      ),
    );
  return out;
}

function describeWhile(condition: Condition): string {
  const text = describeCondition(condition);
  return text === '' ? '' : ` while ${text}`;
}

/**
 * The clauses a condition's removal is tried for: each conjunct (a leaf), and, where a leaf is an
 * `any` of several alternatives, each alternative. An `any` of one is its alternative's clauses.
 */
function getClauses(condition: Condition | undefined): { path: DataPath; description: string }[] {
  if (!condition) return [];
  return getConditionLeaves(condition).flatMap((leaf) => {
    const any = leaf.condition.any;
    if (!any || any.length < 2) return [leaf];
    return [
      leaf,
      ...any.map((c, i) => ({ path: [...leaf.path, i], description: `the alternative ${describeCondition(c)}` })),
    ];
  });
}

function element(
  path: DataPath,
  target: ElementTarget,
  description: string,
  cites: readonly ParagraphId[],
): ModelElement {
  return { id: formatPath(path), path, target, description, cites };
}
