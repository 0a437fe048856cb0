import { isDayMove } from '../../engine/move.js';
import { toJointStateJson, getJointStateKey } from '../../engine/serialise.js';
import type { Model } from '../../model/model.js';
import type { OutcomeId } from '../../model/ids.js';
import type { TraceFile } from '../../trace/trace-file.js';
import type { PathView } from './path-view.js';

/**
 * The branch the page stands on, up to the current point, as a trace file that `parley run
 * --trace` and `parley inspect --trace` replay: it starts after the timeline event the branch
 * leaves from and carries the branch's moves, the joint state they end in and its key. A branch
 * with no event limit has no last day, so the trace has no horizon (replayed with none); one with a
 * limit records it; one of counterfactual history records the events it takes out. Null on the
 * timeline itself or for a branch from before the first event, which a trace cannot name. Pure.
 */
export function getBranchTrace(model: Model, view: PathView, outcome?: OutcomeId): TraceFile | null {
  const { position } = view;
  const moves = view.moves.slice(position.base, position.at);
  const event = view.moves[position.base - 1];
  const final = view.states[position.at];
  const without = position.counterfactual?.without;
  if (
    position.at < position.base ||
    (moves.length === 0 && !without) ||
    event === undefined ||
    isDayMove(event) ||
    !final
  )
    return null;
  const start = view.states[position.base];
  return {
    parley: 'trace',
    version: 1,
    scenario: model.title,
    ...(outcome && { outcome }),
    start: { kind: 'after-event', event, ...(without && { without }) },
    ...(position.maxEvents !== undefined && {
      horizon: { days: final.day - (start?.day ?? final.day) + 1, maxEvents: position.maxEvents },
    }),
    moves,
    final: toJointStateJson(model, final),
    key: getJointStateKey(model, final),
  };
}
