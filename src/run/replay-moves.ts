import type { Horizon } from '../engine/horizon.js';
import { getJointView, type JointState } from '../engine/joint-state.js';
import { isDayMove, type Move } from '../engine/move.js';
import { getDayHolders, getMoves } from '../engine/moves.js';
import { isTimeUp, mayEventsHappen } from '../engine/next-moves.js';
import { explainFailure } from '../model/explain-condition.js';
import type { EventId } from '../model/ids.js';
import { getModelIndex } from '../model/model-lookup.js';
import type { Model } from '../model/model.js';
import { error, type DataPath, type Problem } from '../model/problem.js';
import { replayEvents, type Replay, type TraceStep } from './replay-timeline.js';

/**
 * Replays moves (hypothetical events, and days passing) from a joint state, each checked to be one
 * of the moves possible there under `horizon` (`getMoves`: the contract over the one `step`), with
 * the hypothetical events counted from `from` for the horizon's event limit. Pure. It stops at the
 * first move that cannot happen, reporting why at `pathOf(index)`; the replay then ends before it.
 */
export function replayMoves(
  model: Model,
  from: JointState,
  moves: readonly Move[],
  horizon: Horizon,
  pathOf: (index: number) => DataPath = (i) => ['moves', i],
): Replay {
  const steps: TraceStep[] = [];
  const problems: Problem[] = [];
  let joint = from;
  let eventsSoFar = 0;
  for (const [index, move] of moves.entries()) {
    const possible = getMoves(model, joint, horizon, eventsSoFar).find((m) => m.move === move);
    if (!possible) {
      problems.push(
        error('precondition-failed', pathOf(index), explainImpossibleMove(model, joint, horizon, eventsSoFar, move)),
      );
      break;
    }
    steps.push({ index, event: move, before: joint, after: possible.next });
    joint = possible.next;
    if (!isDayMove(move)) eventsSoFar++;
  }
  return { initial: from, steps, final: joint, problems };
}

/** Says why a move is not one of the moves possible in a joint state, for a person. Pure. */
function explainImpossibleMove(
  model: Model,
  joint: JointState,
  horizon: Horizon,
  eventsSoFar: number,
  move: Move,
): string {
  const what = isDayMove(move) ? 'the day cannot pass here' : `event "${move}" cannot happen here`;
  if (isTimeUp(joint.day, horizon)) return `${what}: time is up (the horizon's last day was day ${horizon.endDay})`;
  if (isDayMove(move)) {
    const holders = getDayHolders(model, joint, horizon, eventsSoFar);
    return `${what}: urgent event ${holders.join(', ')} is possible`;
  }
  const event = getModelIndex(model).events.get(move as EventId);
  if (!event || event.kind === 'historical')
    return `${what}: it is a historical event, which happens in the timeline only`;
  if (!mayEventsHappen(eventsSoFar, horizon)) {
    return `${what}: the horizon allows ${horizon.maxEvents} hypothetical events, and ${eventsSoFar} have happened`;
  }
  if (event.requires) {
    const reasons = explainFailure(event.requires, getJointView(model, joint));
    if (reasons.length > 0) return `${what}: ${reasons.join('; ')}`;
  }
  return `${what}: it would change nothing`;
}

/**
 * Replays the timeline events that lead to a start (`history`, each checked like the timeline),
 * then moves from the start's joint state (see `replayMoves`), as one replay. Pure.
 */
export function replayAfter(
  model: Model,
  start: { readonly history: readonly EventId[]; readonly joint: JointState },
  moves: readonly Move[],
  horizon: Horizon,
): Replay {
  return joinReplays(replayEvents(model, start.history), replayMoves(model, start.joint, moves, horizon));
}

/**
 * Replays a branch: the first `base` moves of `path` as timeline events, then the rest as moves
 * within `horizon` (see `replayMoves`), every problem located at `['moves', index in path]`. Pure.
 */
export function replayBranch(model: Model, path: readonly Move[], base: number, horizon: Horizon): Replay {
  const history = replayEvents(model, path.slice(0, base), undefined, (i) => ['moves', i]);
  return joinReplays(
    history,
    replayMoves(model, history.final, path.slice(base), horizon, (i) => ['moves', base + i]),
  );
}

/** One replay of a replay and the one that continues it (its steps renumbered to follow on). */
function joinReplays(first: Replay, then: Replay): Replay {
  const offset = first.steps.length;
  return {
    initial: first.initial,
    steps: [...first.steps, ...then.steps.map((s) => ({ ...s, index: s.index + offset }))],
    final: then.final,
    problems: [...first.problems, ...then.problems],
  };
}
