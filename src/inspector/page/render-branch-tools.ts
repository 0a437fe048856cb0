/// <reference lib="dom" />
import type { Model } from '../../model/model.js';
import { formatTraceFile } from '../../trace/format-trace.js';
import { getBranchTrace } from './branch-trace.js';
import { html } from './dom.js';
import { isOnTimeline, type Position } from './navigation.js';
import { findBranch, getBranchTitle, type Branch } from './branch-list.js';
import type { EventId } from '../../model/ids.js';
import type { PathView } from './path-view.js';
import type { InspectorSession } from './session.js';

/**
 * What a branch is called: the trace the page opened, for a branch on it (`Trace to ceasefire`),
 * else `title`, its name in the list of branches (`What-if: architecture-established`). Pure.
 */
export function getBranchName(branch: Position, session: InspectorSession, title: string): string {
  const trace = session.trace;
  const onTrace =
    trace &&
    branch.base === trace.base &&
    trace.whatIf.length <= branch.whatIf.length &&
    trace.whatIf.every((m, i) => branch.whatIf[i] === m);
  return onTrace ? trace.name : title;
}

/** The names of the branches opened, in their order (see `getBranchName`). Pure. */
export function getBranchNames(
  timeline: readonly EventId[],
  branches: readonly Branch[],
  session: InspectorSession,
): string[] {
  return branches.map((b, i) => getBranchName(b, session, getBranchTitle(timeline, branches, i)));
}

/**
 * Where a position stands, in words: `timeline step 12, day 0`, or the branch's name and the
 * step (`What-if: ceasefire-agreed, step 18, day 3`). Pure.
 */
export function describePoint(
  timeline: readonly EventId[],
  branches: readonly Branch[],
  session: InspectorSession,
  position: Position,
  day: number,
): string {
  const where = isOnTimeline(timeline, position)
    ? 'timeline'
    : (getBranchNames(timeline, branches, session)[findBranch(timeline, branches, position)] ?? 'what-if branch');
  return `${where}, step ${position.at}, day ${day}`;
}

/** The object URL of the branch last offered for saving, let go when the next is made. */
let savedTraceUrl: string | null = null;

/**
 * Saving the branch, up to the current point, as a trace file that `parley run --trace` replays,
 * and copying the address of this point.
 */
export function renderBranchTools(model: Model, view: PathView): (Node | string)[] {
  const trace = getBranchTrace(model, view);
  const copy = html('button', { type: 'button', class: 'copy-link' }, 'Copy the link to this point');
  copy.addEventListener('click', () => {
    void navigator.clipboard.writeText(location.href).then(
      () => (copy.textContent = 'Link copied'),
      () => (copy.textContent = 'The link could not be copied: take it from the address bar'),
    );
  });
  if (!trace) return [copy];
  // One saved branch at a time: the previous one's object URL is let go.
  if (savedTraceUrl) URL.revokeObjectURL(savedTraceUrl);
  const url = URL.createObjectURL(new Blob([formatTraceFile(trace)], { type: 'application/json' }));
  savedTraceUrl = url;
  const name = `${String(view.moves[view.position.base - 1])}-branch.trace.json`;
  return [html('a', { href: url, download: name, class: 'save-trace' }, 'Save this branch as a trace'), ' · ', copy];
}
