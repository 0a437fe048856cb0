import { holds } from '../model/evaluate-condition.js';
import type { EventId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { getJointView, type JointState } from './joint-state.js';

/**
 * True when the event's `requires` holds in the joint state (on the event's own day for a
 * historical event, which moves the clock first). Pure.
 */
export function isEventEnabled(model: Model, joint: JointState, eventId: EventId): boolean {
  const event = getEvent(model, eventId);
  if (!event.requires) return true;
  const day = event.kind === 'historical' && event.day !== undefined ? Math.max(joint.day, event.day) : joint.day;
  return holds(event.requires, getJointView(model, { ...joint, day }));
}
