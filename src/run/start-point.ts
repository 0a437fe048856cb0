import { getInitialJointState, type JointState } from '../engine/joint-state.js';
import { toJointStateJson, type JointStateJson } from '../engine/serialise.js';
import type { EventId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { didYouMean } from '../model/suggest.js';
import type { Problem } from '../model/problem.js';
import { replayEvents } from './replay-timeline.js';
import { plural } from '../report/plural.js';

/**
 * Where in the timeline a question starts: at its end, right after one of its events, or as of a
 * day (every event up to that day has happened and the clock shows that day).
 */
export type StartPoint =
  | { readonly kind: 'end' }
  | { readonly kind: 'after-event'; readonly event: EventId }
  | { readonly kind: 'day'; readonly day: number };

/** A resolved start point: the joint state there and the timeline events that led to it. */
export interface Start {
  readonly point: StartPoint;
  readonly joint: JointState;
  readonly history: readonly EventId[];
  readonly description: string;
}

/** Returns the joint state at the start point, or a message saying why it does not exist. Pure. */
export function resolveStart(model: Model, point: StartPoint): Start | { readonly error: string } {
  const timeline = model.timeline;
  let history: readonly EventId[];
  let description: string;
  if (point.kind === 'end') {
    history = timeline;
    description = `the end of the timeline (after ${timeline.at(-1)})`;
  } else if (point.kind === 'after-event') {
    const index = timeline.indexOf(point.event);
    if (index < 0) {
      const hint = didYouMean(point.event, timeline);
      return {
        error: `"${point.event}" is not an event of the timeline${hint ? ` (${hint})` : ''}; expected one of: ${timeline.join(', ')}`,
      };
    }
    history = timeline.slice(0, index + 1);
    description = `after timeline event ${point.event}`;
  } else {
    history = timeline.filter((id) => (getEvent(model, id).day ?? 0) <= point.day);
    description = `day ${point.day} (after ${plural(history.length, 'timeline event')})`;
  }
  return replayStart(model, { point, history, description }).start;
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
  readonly state: JointStateJson;
}

/** Returns the start as results report it. Pure. */
export function describeStart(model: Model, start: Start): StartReport {
  return {
    description: start.description,
    point: start.point,
    history: start.history,
    state: toJointStateJson(model, start.joint),
  };
}
