import { isEventEnabled } from '../engine/enabled.js';
import { getInitialJointState } from '../engine/joint-state.js';
import { step } from '../engine/step.js';
import type { EventId } from '../model/ids.js';
import type { Model } from '../model/model.js';

/** The timeline as it would have gone without some of its events. */
export interface CounterfactualTimeline {
  /** The events taken out, in timeline order. */
  readonly without: readonly EventId[];
  /** The timeline events still replayed, in order. */
  readonly timeline: readonly EventId[];
  /** The later timeline events that no longer can happen: their `requires` fails where they come. */
  readonly lost: readonly EventId[];
}

/**
 * Replays the timeline without the events in `without`: each later event happens where its
 * `requires` still holds (on its own day, as in history) and is lost where it does not, so that
 * what it needed having not happened, it does not happen either. Pure; one step per timeline event.
 */
export function getCounterfactualTimeline(model: Model, without: ReadonlySet<EventId>): CounterfactualTimeline {
  const timeline: EventId[] = [];
  const lost: EventId[] = [];
  let joint = getInitialJointState(model);
  for (const id of model.timeline) {
    if (without.has(id)) continue;
    if (!isEventEnabled(model, joint, id)) {
      lost.push(id);
      continue;
    }
    joint = step(model, joint, id);
    timeline.push(id);
  }
  return { without: model.timeline.filter((id) => without.has(id)), timeline, lost };
}
