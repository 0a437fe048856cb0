/// <reference lib="dom" />
import type { EventId } from '../../model/ids.js';
import { getLeavingStep, type Branch } from './branch-list.js';
import { html } from './dom.js';

/**
 * Renders the branches opened so far, each by its name (`names`, in the same order) and the step it
 * leaves from, the one the page stands on (`current`, -1 on the timeline) marked: choosing one goes
 * to its end.
 */
export function renderBranchList(
  timeline: readonly EventId[],
  branches: readonly Branch[],
  names: readonly string[],
  current: number,
  goTo: (branch: Branch) => void,
): HTMLElement | null {
  if (branches.length === 0) return null;
  const items = branches.map((branch, i) => {
    const button = html(
      'button',
      { type: 'button', class: 'link' },
      names[i] as string,
      html('span', { class: 'hint' }, ` from step ${getLeavingStep(timeline, branches, i)}`),
    );
    button.addEventListener('click', () => goTo(branch));
    return html('li', { ...(i === current && { 'aria-current': 'true', class: 'current' }) }, button);
  });
  return html(
    'section',
    { class: 'branch-list', 'aria-labelledby': 'branch-list-title' },
    html('h2', { id: 'branch-list-title' }, `Branches opened (${branches.length})`),
    html('ul', {}, ...items),
  );
}
