import type { Horizon } from '../engine/horizon.js';
import { getJointView, type JointState } from '../engine/joint-state.js';
import { isDayMove, type Move } from '../engine/move.js';
import { getDayHolders, getMoves } from '../engine/moves.js';
import { isTimeUp, mayEventsHappen } from '../engine/next-moves.js';
import { explainFailure } from '../model/explain-condition.js';
import type { DiagnosticCode } from '../model/diagnostic.js';
import type { EventId } from '../model/ids.js';
import { getModelIndex } from '../model/model-lookup.js';
import type { Model, ScenarioEvent } from '../model/model.js';
import { didYouMean } from '../model/suggest.js';
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
      const why = explainImpossibleMove(model, joint, horizon, eventsSoFar, move);
      problems.push(error(why.code, pathOf(index), why.message, why.hint ? { hint: why.hint } : {}));
      break;
    }
    steps.push({ index, event: move, before: joint, after: possible.next });
    joint = possible.next;
    if (!isDayMove(move)) eventsSoFar++;
  }
  return { initial: from, steps, final: joint, problems };
}

/**
 * Says why a move is not one of the moves possible in a joint state, for a person, with a code:
 * `unknown-reference` for an event the scenario lacks, `precondition-failed` for an event whose
 * `requires` fails, `impossible-move` for anything else the rules forbid (time is up, the day is
 * held, the event limit is reached, a historical event, an event that would change nothing). Pure.
 */
function explainImpossibleMove(
  model: Model,
  joint: JointState,
  horizon: Horizon,
  eventsSoFar: number,
  move: Move,
): { readonly code: DiagnosticCode; readonly message: string; readonly hint?: string } {
  const what = isDayMove(move) ? 'the day cannot pass here' : `event "${move}" cannot happen here`;
  const events = getModelIndex(model).events;
  if (!isDayMove(move) && !events.has(move)) {
    const hint = didYouMean(move, events.keys());
    return { code: 'unknown-reference', message: `the scenario has no event "${move}"`, ...(hint && { hint }) };
  }
  const impossible = (reason: string) => ({ code: 'impossible-move' as const, message: `${what}: ${reason}` });
  if (isTimeUp(joint.day, horizon)) return impossible(`time is up (the horizon's last day was day ${horizon.endDay})`);
  if (isDayMove(move)) {
    return impossible(`urgent event ${getDayHolders(model, joint, horizon, eventsSoFar).join(', ')} is possible`);
  }
  const event = events.get(move) as ScenarioEvent;
  if (event.kind === 'historical') return impossible('it is a historical event, which happens in the timeline only');
  if (!mayEventsHappen(eventsSoFar, horizon)) {
    return impossible(`the horizon allows ${horizon.maxEvents} hypothetical events, and ${eventsSoFar} have happened`);
  }
  const reasons = event.requires ? explainFailure(event.requires, getJointView(model, joint)) : [];
  if (reasons.length > 0) return { code: 'precondition-failed', message: `${what}: ${reasons.join('; ')}` };
  return impossible('it would change nothing');
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
