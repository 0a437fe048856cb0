import { getInitialJointState, type JointState } from '../engine/joint-state.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import type { EventId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { didYouMean } from '../model/suggest.js';
import type { Problem } from '../model/problem.js';
import { getCounterfactualTimeline } from './counterfactual-timeline.js';
import { replayEvents } from './replay-timeline.js';
import { plural } from '../report/plural.js';

/**
 * Where in the timeline a question starts: at its end, right after one of its events, or as of a
 * day (every event up to that day has happened and the clock shows that day); with `without`, in
 * the timeline as it would have gone without those events (see `getCounterfactualTimeline`).
 */
export type StartPoint = (
  | { readonly kind: 'end' }
  | { readonly kind: 'after-event'; readonly event: EventId }
  | { readonly kind: 'day'; readonly day: number }
) & { readonly without?: readonly EventId[] };

/** A resolved start point: the joint state there and the timeline events that led to it. */
export interface Start {
  readonly point: StartPoint;
  readonly joint: JointState;
  readonly history: readonly EventId[];
  readonly description: string;
  /** Without some events: the timeline events before the start that no longer could happen (absent: none). */
  readonly lost?: readonly EventId[];
}

/** Why a start point does not exist, and which part of it (`from` or `without`) is wrong. */
export interface StartPointError {
  readonly error: string;
  readonly about: 'from' | 'without';
}

/** Returns the joint state at the start point, or a message saying why it does not exist. Pure. */
export function resolveStart(model: Model, point: StartPoint): Start | StartPointError {
  const without = point.without ?? [];
  for (const id of without)
    if (!model.timeline.includes(id)) return { error: notInTimeline(id, model.timeline), about: 'without' };
  const counterfactual = without.length > 0 ? getCounterfactualTimeline(model, new Set(without)) : undefined;
  const timeline = counterfactual?.timeline ?? model.timeline;
  const lost = counterfactual?.lost ?? [];
  const suffix = counterfactual ? ` without ${counterfactual.without.join(', ')}` : '';
  let history: readonly EventId[];
  let before: (id: EventId) => boolean;
  let place: string;
  const details: string[] = [];
  if (point.kind === 'end') {
    history = timeline;
    before = () => true;
    place = 'the end of the timeline';
    details.push(describeLast(timeline));
  } else if (point.kind === 'after-event') {
    if (without.includes(point.event))
      return { error: `"${point.event}" is taken out (without), so no question can start after it`, about: 'from' };
    if (lost.includes(point.event))
      return { error: `"${point.event}" no longer happens${suffix}, so no question can start after it`, about: 'from' };
    const index = timeline.indexOf(point.event);
    if (index < 0) return { error: notInTimeline(point.event, timeline), about: 'from' };
    history = timeline.slice(0, index + 1);
    const at = model.timeline.indexOf(point.event);
    before = (id) => model.timeline.indexOf(id) < at;
    place = `after timeline event ${point.event}`;
  } else {
    history = timeline.filter((id) => (getEvent(model, id).day ?? 0) <= point.day);
    before = (id) => (getEvent(model, id).day ?? 0) <= point.day;
    place = `day ${point.day}`;
    details.push(`after ${plural(history.length, 'timeline event')}`);
  }
  const lostBefore = lost.filter(before);
  if (lostBefore.length > 0)
    details.push(`${lostBefore.join(', ')} no longer ${lostBefore.length === 1 ? 'happens' : 'happen'}`);
  const description = `${place}${suffix}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  const start = replayStart(model, { point, history, description }).start;
  return lostBefore.length > 0 ? { ...start, lost: lostBefore } : start;
}

function notInTimeline(event: EventId, timeline: readonly EventId[]): string {
  const hint = didYouMean(event, timeline);
  return `"${event}" is not an event of the timeline${hint ? ` (${hint})` : ''}; expected one of: ${timeline.join(', ')}`;
}

function describeLast(timeline: readonly EventId[]): string {
  const last = timeline.at(-1);
  return last === undefined ? 'before any event' : `after ${last}`;
}

/**
 * The start reached by replaying a start's history in a model (for a day, the clock set to it),
 * with the history's events whose `requires` does not hold there: how a variant of a model starts
 * where the original did. Pure.
 */
export function replayStart(
  model: Model,
  start: Pick<Start, 'point' | 'history' | 'description'>,
): { readonly start: Start; readonly problems: readonly Problem[] } {
  const replayed = replayEvents(model, start.history, getInitialJointState(model));
  const point = start.point;
  const joint = point.kind === 'day' ? Object.freeze({ ...replayed.final, day: point.day }) : replayed.final;
  return { start: { ...start, joint }, problems: replayed.problems };
}

/** A start as results report it: what it is, the timeline events replayed to reach it, the joint state there. */
export interface StartReport {
  readonly description: string;
  readonly point: StartPoint;
  readonly history: readonly EventId[];
  /** Without some events: the timeline events before the start that no longer could happen (absent: none). */
  readonly lost?: readonly EventId[];
  readonly state: JointStateJson;
}

/** Returns the start as results report it. Pure. */
export function describeStart(model: Model, start: Start): StartReport {
  return {
    description: start.description,
    point: start.point,
    history: start.history,
    ...(start.lost && { lost: start.lost }),
    state: toJointStateJson(model, start.joint),
  };
}
