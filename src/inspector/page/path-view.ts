import { getStances, type JointState } from '../../engine/joint-state.js';
import { DAY_PASSES, type Move } from '../../engine/move.js';
import type { EventId } from '../../model/ids.js';
import type { Model } from '../../model/model.js';
import { getOpenHorizon, type Horizon } from '../../engine/horizon.js';
import { replayBranch } from '../../run/replay-moves.js';
import { getQuestionModel } from '../../run/question-model.js';
import { getEdgeId } from './chart-layout.js';
import { getBranchLimit, getPathMoves, type Position } from './navigation.js';

/** A position worked out: the joint state after every move of its path, and the transitions taken up to where it stands. */
export interface PathView {
  readonly position: Position;
  readonly moves: readonly Move[];
  readonly states: readonly JointState[];
  /** Transitions taken by the first `position.at` moves, as chart edge ids. */
  readonly taken: ReadonlySet<string>;
  /** The transitions the last of those moves took (the step that led here), as chart edge ids. */
  readonly lastTaken: ReadonlySet<string>;
  /** Why the path was cut short (a move from the address bar that cannot happen there), if it was. */
  readonly problem: string | null;
}

/**
 * Replays the position's path with the one `step` and collects what the page shows. Pure. A move
 * that cannot happen where it stands ends the path there, with the reason.
 */
export function getPathView(model: Model, position: Position): PathView {
  const asked = getPathMoves(model.timeline, position);
  // An address may name an event the scenario does not have: the path ends before it, saying so.
  const unknown = asked.findIndex((m) => m !== DAY_PASSES && !model.events.some((e) => e.id === m));
  const wanted = unknown < 0 ? asked : asked.slice(0, unknown);
  // Its what-if moves are of the model a question there asks of: an alternative is one of them.
  const question = getQuestionModel(model, wanted.slice(0, position.base) as EventId[]);
  const replay = replayBranch(question, wanted, position.base, getBranchHorizon(position));
  const firstProblem =
    replay.problems[0] ??
    (unknown < 0
      ? undefined
      : { path: ['moves', unknown], message: `the scenario has no event "${String(asked[unknown])}"` });
  const cut = firstProblem ? (firstProblem.path[1] as number) : wanted.length;
  const moves = wanted.slice(0, cut);
  const states = [replay.initial, ...replay.steps.slice(0, cut).map((s) => s.after)];
  const at = Math.min(position.at, moves.length);
  const taken = new Set<string>();
  const lastTaken = new Set<string>();
  for (let i = 0; i < at; i++) {
    const before = getStances(model, states[i] as JointState);
    const after = getStances(model, states[i + 1] as JointState);
    for (const party of model.parties) {
      const from = before[party.id] as string;
      const to = after[party.id] as string;
      if (from === to) continue;
      taken.add(getEdgeId(party.id, from, to, moves[i] as string));
      if (i === at - 1) lastTaken.add(getEdgeId(party.id, from, to, moves[i] as string));
    }
  }
  const base = Math.min(position.base, moves.length);
  return {
    position: { ...getBranchLimit(position), base, whatIf: moves.slice(base), at },
    moves,
    states,
    taken,
    lastTaken,
    problem: firstProblem ? firstProblem.message : null,
  };
}

/**
 * The timeline events that have happened at step `at` of the position's path (where it stands, by
 * default): what decides the model a question there asks of (`getQuestionModel`). Pure.
 */
export function getHistoryAt(
  timeline: readonly EventId[],
  position: Position,
  at: number = position.at,
): readonly EventId[] {
  return getPathMoves(timeline, position).slice(0, Math.min(position.base, at)) as EventId[];
}

/** The horizon a branch's moves are checked against: no last day, and the branch's event limit if it has one. Pure. */
export function getBranchHorizon(position: Position): Horizon {
  return getOpenHorizon(position.maxEvents);
}
