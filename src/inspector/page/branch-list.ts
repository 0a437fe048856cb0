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
  const sameLimit = (b: Branch) => b.maxEvents === position.maxEvents;
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
  const path = getPathMoves(timeline, branches[index] as Branch);
  const earlier = [timeline, ...branches.slice(0, index).map((b) => getPathMoves(timeline, b))];
  return Math.max(...earlier.map((other) => getSharedLength(path, other)));
}

/** What a branch is called: its first own move (`What-if: ceasefire-agreed`). Pure. */
export function getBranchTitle(timeline: readonly EventId[], branches: readonly Branch[], index: number): string {
  const path = getPathMoves(timeline, branches[index] as Branch);
  const first = path[getLeavingStep(timeline, branches, index)];
  return `What-if: ${first === undefined ? 'no move' : describeMove(first)}`;
}

/** Returns the index of the branch the position stands on (whose path contains the position's), or -1 on the timeline. Pure. */
export function findBranch(timeline: readonly EventId[], branches: readonly Branch[], position: Position): number {
  if (isOnTimeline(timeline, position)) return -1;
  const path = getPathMoves(timeline, position);
  return branches.findIndex(
    (b) => b.base === position.base && b.maxEvents === position.maxEvents && isPrefix(path, getPathMoves(timeline, b)),
  );
}

function describeMove(move: Move): string {
  return move === DAY_PASSES ? 'a day passes' : move;
}

function isPrefix(prefix: readonly Move[], path: readonly Move[]): boolean {
  return prefix.length <= path.length && prefix.every((m, i) => path[i] === m);
}

function getSharedLength(a: readonly Move[], b: readonly Move[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}
