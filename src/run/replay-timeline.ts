import { isEventEnabled } from '../engine/enabled.js';
import { getInitialJointState, getJointView, type JointState } from '../engine/joint-state.js';
import { step } from '../engine/step.js';
import { isDayMove, type Move } from '../engine/move.js';
import { OPEN_HORIZON } from '../engine/horizon.js';
import { getDayHolders } from '../engine/moves.js';
import { explainFailure } from '../model/explain-condition.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { error, type DataPath, type Problem } from '../model/problem.js';

/** One step of a replay: the move and the joint states on either side of it. */
export interface TraceStep {
  /** The move's position in the replay, from 0. */
  readonly index: number;
  /** The move: an event's id, or `+1 day` for a day passing. */
  readonly event: Move;
  /** The joint state before the move. */
  readonly before: JointState;
  /** The joint state after it. */
  readonly after: JointState;
}

/** A replayed sequence of events. */
export interface Replay {
  /** The joint state the replay starts from. */
  readonly initial: JointState;
  /** Each move replayed, in order. */
  readonly steps: readonly TraceStep[];
  /** The joint state after the last move (`initial` when there is none). */
  readonly final: JointState;
  /** Events whose `requires` did not hold where they were replayed. */
  readonly problems: readonly Problem[];
}

/**
 * Replays timeline events from a joint state with the one `step`. Pure. An event whose
 * precondition fails is still applied (a historical event did happen) and reported as a problem at
 * `pathOf(index)`, so a model that contradicts its own history is caught. A day passing is checked
 * against urgent events only; the moves of a trace or a branch, bounded by a horizon, are replayed
 * by `replayMoves`.
 */
export function replayEvents(
  model: Model,
  events: readonly Move[],
  from: JointState = getInitialJointState(model),
  pathOf: (index: number) => DataPath = (i) => ['timeline', i],
): Replay {
  const steps: TraceStep[] = [];
  const problems: Problem[] = [];
  let joint = from;
  events.forEach((eventId, index) => {
    if (isDayMove(eventId)) {
      const blockers = getDayHolders(model, joint, OPEN_HORIZON);
      if (blockers.length > 0)
        problems.push(
          error(
            'precondition-failed',
            pathOf(index),
            `the day cannot pass here: urgent event ${blockers.join(', ')} is possible`,
          ),
        );
      const after = step(model, joint, eventId);
      steps.push({ index, event: eventId, before: joint, after });
      joint = after;
      return;
    }
    const event = getEvent(model, eventId);
    if (!isEventEnabled(model, joint, eventId) && event.requires) {
      const day = event.day !== undefined ? Math.max(joint.day, event.day) : joint.day;
      const reasons = explainFailure(event.requires, getJointView(model, { ...joint, day }));
      problems.push(
        error('precondition-failed', pathOf(index), `event "${eventId}" cannot happen here: ${reasons.join('; ')}`),
      );
    }
    const after = step(model, joint, eventId);
    steps.push({ index, event: eventId, before: joint, after });
    joint = after;
  });
  return { initial: from, steps, final: joint, problems };
}

/** Replays the scenario's timeline from its initial joint state. Pure. */
export function replayTimeline(model: Model): Replay {
  return replayEvents(model, model.timeline);
}
