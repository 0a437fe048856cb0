import { DAY_PASSES, type Move } from '../../engine/move.js';
import type { EventId } from '../../model/ids.js';
import type { CounterfactualTimeline } from '../../run/counterfactual-timeline.js';

/**
 * Where the inspector stands: a path of moves from the start of the scenario (the first `base`
 * events of the timeline, then what-if moves), and how many of its moves have been taken. The main
 * timeline is the path with `base` equal to its length and no what-if moves.
 */
export interface Position {
  readonly base: number;
  readonly whatIf: readonly Move[];
  readonly at: number;
  /**
   * The most hypothetical events the branch may take (from a trace found with an event limit,
   * whose days may pass while an urgent event waits for lack of events); absent: any number.
   */
  readonly maxEvents?: number;
  /**
   * A branch of counterfactual history: the timeline without some of its events, whose first
   * `base` events the path starts with instead of the scenario's (absent: the scenario's timeline).
   */
  readonly counterfactual?: CounterfactualTimeline;
}

/** True when the position is on the main timeline itself, not on a branch. Pure. */
export function isOnTimeline(timeline: readonly EventId[], position: Position): boolean {
  return !position.counterfactual && position.whatIf.length === 0 && position.base === timeline.length;
}

/** Returns the timeline events the position's path starts with: the counterfactual's, or the scenario's. Pure. */
export function getBaseTimeline(timeline: readonly EventId[], position: Position): readonly EventId[] {
  return position.counterfactual?.timeline ?? timeline;
}

/** Returns the moves of the position's path: the (counterfactual) timeline's first `base` events, then the what-ifs. Pure. */
export function getPathMoves(timeline: readonly EventId[], position: Position): Move[] {
  return [...getBaseTimeline(timeline, position).slice(0, position.base), ...position.whatIf];
}

/** Returns the position at the end of the timeline without `counterfactual.without`. Pure. */
export function withoutEvents(counterfactual: CounterfactualTimeline): Position {
  const base = counterfactual.timeline.length;
  return { base, whatIf: [], at: base, counterfactual };
}

/** Returns the position one step forward or back along its path, or the same position at an end. Pure. */
export function stepBy(timeline: readonly EventId[], position: Position, delta: 1 | -1): Position {
  const length = getPathMoves(timeline, position).length;
  return { ...position, at: Math.max(0, Math.min(length, position.at + delta)) };
}

/**
 * Returns the position after taking a what-if move where the position stands: a new branch that
 * shares the path up to here. Pure.
 */
export function branchWith(timeline: readonly EventId[], position: Position, move: Move): Position {
  const path = getPathMoves(timeline, position).slice(0, position.at);
  const base = Math.min(position.base, position.at);
  return { ...getBranchLimit(position), base, whatIf: [...path.slice(base), move], at: path.length + 1 };
}

/** The branch's event limit and counterfactual, as a part of a position (empty when it has neither). Pure. */
export function getBranchLimit(position: Position): { maxEvents?: number; counterfactual?: CounterfactualTimeline } {
  return {
    ...(position.maxEvents !== undefined && { maxEvents: position.maxEvents }),
    ...(position.counterfactual && { counterfactual: position.counterfactual }),
  };
}

/** Returns the position on the main timeline nearest to where a branch left it. Pure. */
export function backToTimeline(timeline: readonly EventId[], position: Position): Position {
  return { base: timeline.length, whatIf: [], at: Math.min(position.at, position.base) };
}

// Event ids start with a letter, so a token starting with a digit cannot be one.
const DAY_TOKEN = '1d';

/**
 * Encodes a position for the address bar: `#at=12`, or `#at=18&base=16&whatif=a~b~1d`, with
 * `&events=N` for a branch limited to N hypothetical events and `&without=a~b` for a branch of
 * counterfactual history. Pure.
 */
export function encodePosition(timeline: readonly EventId[], position: Position): string {
  if (isOnTimeline(timeline, position)) return `#at=${position.at}`;
  const moves = position.whatIf.map((m) => (m === DAY_PASSES ? DAY_TOKEN : encodeURIComponent(m))).join('~');
  const limit = position.maxEvents === undefined ? '' : `&events=${position.maxEvents}`;
  const without = position.counterfactual
    ? `&without=${position.counterfactual.without.map(encodeURIComponent).join('~')}`
    : '';
  return `#at=${position.at}&base=${position.base}&whatif=${moves}${limit}${without}`;
}

/**
 * Decodes a position from the address bar; anything missing or out of range falls back to the
 * end of the timeline (the moves themselves are checked when they are replayed). A `without`
 * becomes the counterfactual `counterfactualOf` works out (events not in the timeline are dropped).
 * Pure.
 */
export function decodePosition(
  timeline: readonly EventId[],
  hash: string,
  counterfactualOf?: (without: readonly EventId[]) => CounterfactualTimeline,
): Position {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const taken = (params.get('without') ?? '')
    .split('~')
    .map(decodeToken)
    .filter((id) => timeline.includes(id as EventId)) as EventId[];
  const counterfactual = taken.length > 0 && counterfactualOf ? counterfactualOf(taken) : undefined;
  const events = counterfactual?.timeline ?? timeline;
  const base = clamp(Number(params.get('base') ?? events.length), 0, events.length);
  const raw = params.get('whatif');
  const whatIf: Move[] = raw
    ? raw.split('~').map((m) => (m === DAY_TOKEN ? DAY_PASSES : (decodeToken(m) as EventId)))
    : [];
  const length = base + whatIf.length;
  const at = clamp(Number(params.get('at') ?? length), 0, length);
  const limit = Number(params.get('events') ?? Number.NaN);
  return {
    base,
    whatIf,
    at,
    ...(whatIf.length > 0 && Number.isSafeInteger(limit) && limit >= 0 && { maxEvents: limit }),
    ...(counterfactual && { counterfactual }),
  };
}

/** A token as typed; a malformed escape (`%E0`) stays as it is, to be reported as an unknown event. */
function decodeToken(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

function clamp(n: number, low: number, high: number): number {
  return Number.isInteger(n) ? Math.max(low, Math.min(high, n)) : high;
}

/** Returns the number of hypothetical events the branch has taken by where the position stands. Pure. */
export function getBranchEventsSoFar(position: Position): number {
  return position.whatIf.slice(0, Math.max(0, position.at - position.base)).filter((m) => m !== DAY_PASSES).length;
}
