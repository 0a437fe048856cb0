import type { EventId } from '../model/ids.js';
import type { StartPoint } from '../run/start-point.js';

/**
 * Where a question starts, as library callers write it: a timeline event's id (right after it),
 * `{ day }` (as of that day), or nothing (the end of the timeline).
 */
export type From = string | { readonly day: number } | undefined;

/** How far ahead to look: a number of days, or days and a limit on hypothetical events. */
export type Within = number | { readonly days?: number; readonly events?: number } | undefined;

/** Returns the start point a `From` names. Pure. */
export function toStartPoint(from: From): StartPoint {
  if (from === undefined) return { kind: 'end' };
  if (typeof from === 'string') return { kind: 'after-event', event: from as EventId };
  return { kind: 'day', day: from.day };
}

/** Returns the horizon options a `Within` names. Pure. */
export function toHorizonOptions(within: Within): { horizonDays?: number; maxEvents?: number } {
  if (within === undefined) return {};
  if (typeof within === 'number') return { horizonDays: within };
  return {
    ...(within.days !== undefined && { horizonDays: within.days }),
    ...(within.events !== undefined && { maxEvents: within.events }),
  };
}
