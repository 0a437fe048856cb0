import type { Comparison, Condition, FactValue } from './condition.js';
import { findEstimativeBand, normaliseEstimativeText } from './estimative.js';
import type { EventId, FactId, OutcomeId, ParagraphId, PartyId, StanceId } from './ids.js';
import type { Fact, Likelihood, Model, Party, Preference, ScenarioEvent, StanceTransition } from './model.js';
import {
  isPreferenceTier,
  type RawComparison,
  type RawCondition,
  type RawPreference,
  type RawLikelihood,
  type RawScenario,
} from './schema.js';

/**
 * Returns the model of a file that passed the schema and the reference checks, in the file's order,
 * deeply frozen. Pure. Shorthands are expanded: a single stance becomes a list, a bare fact value
 * becomes `{ is: value }`, a likelihood word becomes its number and band.
 */
export function normaliseScenario(file: RawScenario): Model {
  const model: Model = {
    title: file.title,
    ...(file.description !== undefined && { description: file.description }),
    ...(file.dayZero !== undefined && { dayZero: file.dayZero }),
    ...(file.likelihoodWindow !== undefined && { likelihoodWindow: file.likelihoodWindow }),
    source: { ...file.source, paragraphs: file.source.paragraphs as ParagraphId[] },
    facts: Object.entries(file.facts ?? {}).map(
      ([id, fact]) => ({ ...fact, id: id as FactId, cites: fact.cites as ParagraphId[] }) as Fact,
    ),
    parties: Object.entries(file.parties).map(([id, party]) => normaliseParty(id, party)),
    events: Object.entries(file.events).map(([id, event]) => normaliseEvent(id, event)),
    outcomes: Object.entries(file.outcomes).map(([id, outcome]) => ({
      id: id as OutcomeId,
      means: outcome.means,
      cites: outcome.cites as ParagraphId[],
      when: normaliseCondition(outcome.when),
    })),
    timeline: file.timeline as EventId[],
    ...(file.coalitions && { coalitions: file.coalitions.map((members) => members as PartyId[]) }),
    ...(file.notes && {
      notes: Object.entries(file.notes).map(([element, note]) => ({
        element,
        ...(note.assumption !== undefined && { assumption: note.assumption }),
        ...(note.inert !== undefined && { inert: note.inert }),
        cites: (note.cites ?? []) as ParagraphId[],
      })),
    }),
  };
  return deepFreeze(model);
}

function normaliseParty(id: string, party: RawScenario['parties'][string]): Party {
  return {
    id: id as PartyId,
    name: party.name,
    ...(party.voice !== undefined && { voice: party.voice }),
    cites: party.cites as ParagraphId[],
    initial: party.initial as StanceId,
    ...(party.prefers && {
      prefers: party.prefers.map((tier) => (isPreferenceTier(tier) ? tier : [tier]).map(normalisePreference)),
    }),
    ...(party.prioritises && { prioritises: party.prioritises.map(normalisePreference) }),
    stances: Object.entries(party.stances).map(([stanceId, stance]) => ({
      id: stanceId as StanceId,
      defines: stance.defines,
      cites: stance.cites as ParagraphId[],
      on: Object.entries(stance.on ?? {}).flatMap(([eventId, transitions]) =>
        (Array.isArray(transitions) ? transitions : [transitions]).map((t): StanceTransition => {
          if (typeof t === 'string') return { event: eventId as EventId, to: t as StanceId };
          return {
            event: eventId as EventId,
            to: t.to as StanceId,
            ...(t.when && { when: normaliseCondition(t.when) }),
          };
        }),
      ),
    })),
  };
}

function normaliseEvent(id: string, event: RawScenario['events'][string]): ScenarioEvent {
  return {
    id: id as EventId,
    kind: event.kind,
    summary: event.summary,
    ...(event.day !== undefined && { day: event.day }),
    ...(event.dayNote !== undefined && { dayNote: event.dayNote }),
    ...(event.likelihood !== undefined && { likelihood: normaliseLikelihood(event.likelihood) }),
    ...(event.window !== undefined && { window: event.window }),
    ...(event.by !== undefined && { by: event.by as PartyId }),
    ...(event.alternative && {
      alternative: {
        likelihood: normaliseLikelihood(event.alternative.likelihood),
        ...(event.alternative.window !== undefined && { window: event.alternative.window }),
      },
    }),
    cites: event.cites as ParagraphId[],
    quote: event.quote,
    ...(event.requires && { requires: normaliseCondition(event.requires) }),
    ...(event.urgent !== undefined &&
      event.urgent !== false && { urgent: event.urgent === true ? {} : normaliseCondition(event.urgent) }),
    set: (event.set ?? {}) as Record<FactId, FactValue>,
    add: (event.add ?? {}) as Record<FactId, number>,
  };
}

function normaliseLikelihood(raw: RawLikelihood): Likelihood {
  if (typeof raw !== 'object' || Array.isArray(raw)) return normaliseLikelihoodValue(raw);
  return {
    ...normaliseLikelihoodValue(raw.value),
    ...(raw.rationale !== undefined && { rationale: raw.rationale }),
    ...(raw.confidence !== undefined && { confidence: raw.confidence }),
  };
}

function normaliseLikelihoodValue(likelihood: number | string | [number, number]): Likelihood {
  if (typeof likelihood === 'number') return { kind: 'number', value: likelihood };
  if (Array.isArray(likelihood)) {
    const [low, high] = likelihood;
    return { kind: 'interval', value: (low + high) / 2, low, high };
  }
  const band = findEstimativeBand(likelihood);
  if (!band) throw new Error(`parley: the schema let through an unknown estimative word "${likelihood}"`);
  // The word as ICD 203 spells it, whatever case the file wrote it in.
  return { kind: 'word', word: normaliseEstimativeText(likelihood), value: band.value, low: band.low, high: band.high };
}

/** Expands a file's condition into the model's form. Pure. */
export function normaliseCondition(raw: RawCondition): Condition {
  const stance =
    raw.stance && Object.fromEntries(Object.entries(raw.stance).map(([p, s]) => [p, Array.isArray(s) ? s : [s]]));
  const fact =
    raw.fact &&
    Object.fromEntries(
      Object.entries(raw.fact).map(([f, test]) => [
        f,
        typeof test === 'object' ? normaliseComparison(test) : { is: test },
      ]),
    );
  return {
    ...(raw.all && { all: raw.all.map(normaliseCondition) }),
    ...(raw.any && { any: raw.any.map(normaliseCondition) }),
    ...(raw.not && { not: normaliseCondition(raw.not) }),
    ...(stance && { stance: stance as Record<PartyId, StanceId[]> }),
    ...(fact && { fact: fact as Record<FactId, Comparison> }),
    ...(raw.day && { day: normaliseComparison(raw.day) }),
  };
}

function normaliseComparison(raw: RawComparison): Comparison {
  return { ...raw };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function normalisePreference(p: RawPreference): Preference {
  if (typeof p === 'string') return { outcome: p as OutcomeId };
  if ('label' in p) return { condition: normaliseCondition(p.when), label: p.label };
  return { condition: normaliseCondition(p) };
}
