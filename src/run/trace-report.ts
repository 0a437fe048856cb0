import { getStances, type JointState } from '../engine/joint-state.js';
import { getHoldingOutcomes } from '../engine/outcomes.js';
import { getJointStateKey, toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import type { FactValue } from '../model/condition.js';
import type { EventId, FactId, OutcomeId, ParagraphId, PartyId, StanceId } from '../model/ids.js';
import { isDayMove, type Move } from '../engine/move.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import type { Replay } from './replay-timeline.js';
import type { Start } from './start-point.js';

/** The scenario a report is about: the first record of `parley run --json`. */
export interface ScenarioRecord {
  /** Always 'scenario': what the record is. */
  readonly type: 'scenario';
  /** The scenario's title. */
  readonly title: string;
  /** The source text's title, and its publisher when the scenario gives one. */
  readonly source: { readonly title: string; readonly publisher?: string };
  /** The parties, in the scenario's order: id, name, voice (when given) and initial stance. */
  readonly parties: readonly {
    readonly id: PartyId;
    readonly name: string;
    readonly voice?: string;
    readonly initial: StanceId;
  }[];
  /** The joint state before the first event. */
  readonly initial: JointStateJson;
}

/** A party's stance on either side of a step. */
export interface StanceChange {
  /** Its stance before the step. */
  readonly before: StanceId;
  /** Its stance after the step. */
  readonly after: StanceId;
  /** True when the step changed its stance. */
  readonly changed: boolean;
}

/** One replayed event: one record of `parley run --json`. */
export interface StepRecord {
  /** Always 'step': what the record is. */
  readonly type: 'step';
  /** 1-based position in the replay. */
  readonly step: number;
  /** The day on which the event happens (for a day passing, the new day). */
  readonly day: number;
  /** The event, or `+1 day` for the passing of a day. */
  readonly event: Move;
  /** The event's kind, or 'time' for a day passing. */
  readonly kind: 'historical' | 'hypothetical' | 'time';
  /** The event's summary; `A day passes.` for a day passing. */
  readonly summary: string;
  /** The paragraphs of the source text the event cites; `[]` for a day passing. */
  readonly cites: readonly ParagraphId[];
  /** The quote from the source that grounds the event; empty for a day passing. */
  readonly quote: string;
  /** Every party's stance before and after the event, by party id. */
  readonly stances: Readonly<Record<PartyId, StanceChange>>;
  /** Only the facts the event changed. */
  readonly facts: Readonly<Record<FactId, { readonly before: FactValue; readonly after: FactValue }>>;
  /** The outcomes that hold after the event. */
  readonly outcomes: readonly OutcomeId[];
}

/** The end of a replay: the last record of `parley run --json`. */
export interface SummaryRecord {
  /** Always 'summary': what the record is. */
  readonly type: 'summary';
  /** How many steps were replayed. */
  readonly events: number;
  /** The day of the first step (of the initial state when there is none). */
  readonly firstDay: number;
  /** The day of the final state. */
  readonly lastDay: number;
  /** Stance changes over all steps: one per party per step that changed its stance. */
  readonly stanceChanges: number;
  /** Fact changes over all steps: one per fact per step that changed its value. */
  readonly factChanges: number;
  /** The joint state after the last step. */
  readonly final: JointStateJson;
  /** The outcomes that hold in the final state. */
  readonly outcomes: readonly OutcomeId[];
  /** The canonical key of the final joint state. */
  readonly key: string;
  /** The timeline events taken out (`--without`), in timeline order (absent: none). */
  readonly without?: readonly EventId[];
  /** The timeline events that no longer could happen without them (absent: none taken out). */
  readonly lost?: readonly EventId[];
}

/** One record of `parley run --json`: the scenario first, a step per event, the summary last. */
export type RunRecord = ScenarioRecord | StepRecord | SummaryRecord;

/**
 * Describes a replay as records: the scenario, one per event, a summary (with the events a start
 * `without` some took out, and those it lost). Pure.
 */
export function getRunRecords(model: Model, replay: Replay, start?: Pick<Start, 'point' | 'lost'>): RunRecord[] {
  const steps = replay.steps.map((s): StepRecord => {
    const event = isDayMove(s.event)
      ? { kind: 'time' as const, summary: 'A day passes.', cites: [], quote: '' }
      : getEvent(model, s.event);
    return {
      type: 'step',
      step: s.index + 1,
      day: s.after.day,
      event: s.event,
      kind: event.kind,
      summary: event.summary,
      cites: event.cites,
      quote: event.quote,
      stances: compareStances(model, s.before, s.after),
      facts: compareFacts(model, s.before, s.after),
      outcomes: getHoldingOutcomes(model, s.after),
    };
  });
  const scenario: ScenarioRecord = {
    type: 'scenario',
    title: model.title,
    source: {
      title: model.source.title,
      ...(model.source.publisher !== undefined && { publisher: model.source.publisher }),
    },
    parties: model.parties.map((p) => ({
      id: p.id,
      name: p.name,
      ...(p.voice !== undefined && { voice: p.voice }),
      initial: p.initial,
    })),
    initial: toJointStateJson(model, replay.initial),
  };
  const summary: SummaryRecord = {
    type: 'summary',
    events: steps.length,
    firstDay: steps[0]?.day ?? replay.initial.day,
    lastDay: replay.final.day,
    stanceChanges: steps.reduce((n, s) => n + Object.values(s.stances).filter((c) => c.changed).length, 0),
    factChanges: steps.reduce((n, s) => n + Object.keys(s.facts).length, 0),
    final: toJointStateJson(model, replay.final),
    outcomes: getHoldingOutcomes(model, replay.final),
    key: getJointStateKey(model, replay.final),
    ...(start?.point.without?.length && {
      without: model.timeline.filter((id) => start.point.without?.includes(id)),
      lost: start.lost ?? [],
    }),
  };
  return [scenario, ...steps, summary];
}

function compareStances(model: Model, before: JointState, after: JointState): Record<PartyId, StanceChange> {
  const b = getStances(model, before);
  const a = getStances(model, after);
  const changes: Record<PartyId, StanceChange> = {};
  for (const party of model.parties) {
    const was = b[party.id] as StanceId;
    const is = a[party.id] as StanceId;
    changes[party.id] = { before: was, after: is, changed: was !== is };
  }
  return changes;
}

function compareFacts(
  model: Model,
  before: JointState,
  after: JointState,
): Record<FactId, { before: FactValue; after: FactValue }> {
  const changes: Record<FactId, { before: FactValue; after: FactValue }> = {};
  for (const fact of model.facts) {
    const was = before.facts[fact.id] as FactValue;
    const is = after.facts[fact.id] as FactValue;
    if (was !== is) changes[fact.id] = { before: was, after: is };
  }
  return changes;
}
