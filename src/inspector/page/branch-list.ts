import { DAY_PASSES, type Move } from '../../engine/move.js';
import type { EventId } from '../../model/ids.js';
import { getPathMoves, isOnTimeline, type Position } from './navigation.js';

/** A branch the user has opened: its whole path (as a position standing at its end). */
export type Branch = Position;

/**
 * Returns the branches after the user stood at `position`: a branch that the position's path
 * extends grows to it; a path that is already part of a branch, or the timeline, changes nothing;
 * any other path is a new branch, after the others. So branching from inside a branch keeps both.
 * Pure.
 */
export function addBranch(timeline: readonly EventId[], branches: readonly Branch[], position: Position): Branch[] {
  if (isOnTimeline(timeline, position)) return [...branches];
  const path = getPathMoves(timeline, position);
  const whole: Branch = { ...position, at: path.length };
  const sameLimit = (b: Branch) => isSameKind(b, position);
  if (branches.some((b) => sameLimit(b) && b.base === position.base && isPrefix(path, getPathMoves(timeline, b))))
    return [...branches];
  const grown = branches.findIndex(
    (b) => sameLimit(b) && b.base === position.base && isPrefix(getPathMoves(timeline, b), path),
  );
  if (grown >= 0) return branches.map((b, i) => (i === grown ? whole : b));
  return [...branches, whole];
}

/**
 * Returns the step at which a branch leaves the paths opened before it (the timeline, then the
 * branches listed before it): the first move that is its own. Pure.
 */
export function getLeavingStep(timeline: readonly EventId[], branches: readonly Branch[], index: number): number {
  const branch = branches[index] as Branch;
  const path = getPathMoves(timeline, branch);
  const earlier = branches.slice(0, index).map((b) => getSharedLength(path, getPathMoves(timeline, b)));
  return Math.max(getDivergence(timeline, branch), ...earlier);
}

/**
 * Returns the step at which a branch leaves the timeline: after its `base` timeline events, or for
 * counterfactual history where the first event taken out (or lost) was. Not where its path first
 * differs from the timeline's: a what-if move may be a historical event's alternative, of the same
 * id as the timeline's next event. Pure.
 */
export function getDivergence(timeline: readonly EventId[], branch: Branch): number {
  const counterfactual = branch.counterfactual;
  return counterfactual ? Math.min(getSharedLength(counterfactual.timeline, timeline), branch.base) : branch.base;
}

/**
 * What a branch is called: its first own move (`What-if: ceasefire-agreed`), or for counterfactual
 * history the events taken out (`Without: us-pivots-to-peace-deal`), then its first what-if move. Pure.
 */
export function getBranchTitle(timeline: readonly EventId[], branches: readonly Branch[], index: number): string {
  const branch = branches[index] as Branch;
  const path = getPathMoves(timeline, branch);
  const first = path[Math.max(getLeavingStep(timeline, branches, index), branch.counterfactual ? branch.base : 0)];
  if (branch.counterfactual) {
    const without = `Without: ${branch.counterfactual.without.join(', ')}`;
    return first === undefined ? without : `${without}, then ${describeMove(first)}`;
  }
  return `What-if: ${first === undefined ? 'no move' : describeMove(first)}`;
}

/** True when two branches are of the same kind: the same event limit and the same events taken out. */
function isSameKind(a: Branch, b: Branch): boolean {
  return (
    a.maxEvents === b.maxEvents &&
    (a.counterfactual?.without.join('~') ?? '') === (b.counterfactual?.without.join('~') ?? '')
  );
}

/** Returns the index of the branch the position stands on (whose path contains the position's), or -1 on the timeline. Pure. */
export function findBranch(timeline: readonly EventId[], branches: readonly Branch[], position: Position): number {
  if (isOnTimeline(timeline, position)) return -1;
  const path = getPathMoves(timeline, position);
  return branches.findIndex(
    (b) => b.base === position.base && isSameKind(b, position) && isPrefix(path, getPathMoves(timeline, b)),
  );
}

function describeMove(move: Move): string {
  return move === DAY_PASSES ? 'a day passes' : move;
}

function isPrefix(prefix: readonly Move[], path: readonly Move[]): boolean {
  return prefix.length <= path.length && prefix.every((m, i) => path[i] === m);
}

/** The number of moves two paths share from their start. Pure. */
export function getSharedLength(a: readonly Move[], b: readonly Move[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
