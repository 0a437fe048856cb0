import type { JointState } from '../engine/joint-state.js';
import { isDayMove, type Move } from '../engine/move.js';
import { step } from '../engine/step.js';
import type { ParagraphId } from '../model/ids.js';
import { getEvent } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';

/** One move of a path, with its source: what an analyst reads to follow the path. */
export interface PathStep {
  /** The event's id, or `+1 day` for a day passing. */
  readonly move: Move;
  /** The day on which the move happens (for a day passing, the new day). */
  readonly day: number;
  /** The event's summary; `A day passes.` for a day passing. */
  readonly summary: string;
  /** The paragraphs of the source text the event cites; `[]` for a day passing. */
  readonly cites: readonly ParagraphId[];
  /** The quote from the source that grounds the event; empty for a day passing. */
  readonly quote: string;
}

/** Returns the steps of a path from a joint state, with the state it ends in. Pure. */
export function describePath(
  model: Model,
  from: JointState,
  moves: readonly Move[],
): { steps: PathStep[]; final: JointState } {
  const steps: PathStep[] = [];
  let joint = from;
  for (const move of moves) {
    joint = step(model, joint, move);
    if (isDayMove(move)) {
      steps.push({ move, day: joint.day, summary: 'A day passes.', cites: [], quote: '' });
    } else {
      const event = getEvent(model, move);
      steps.push({ move, day: joint.day, summary: event.summary, cites: event.cites, quote: event.quote });
    }
  }
  return { steps, final: joint };
}
