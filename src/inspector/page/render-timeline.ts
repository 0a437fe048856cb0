/// <reference lib="dom" />
import { isDayMove, type Move } from '../../engine/move.js';
import { getEvent } from '../../model/model-lookup.js';
import type { Model } from '../../model/model.js';
import { html } from './dom.js';
import type { PathView } from './path-view.js';
import type { JointState } from '../../engine/joint-state.js';
import type { EventId } from '../../model/ids.js';
import { isOnTimeline } from './navigation.js';

/**
 * Renders the timeline (every event of the scenario's history, with day, paragraphs and quote, on
 * its own days even while a branch is open) and, on a what-if branch, the branch beside it, each run
 * of days passing one entry. Each entry is a button that jumps there; the current entry carries
 * `aria-current="step"`.
 */
export function renderTimeline(
  model: Model,
  view: PathView,
  timelineStates: readonly JointState[],
  goTo: (at: number, onBranch: boolean) => void,
  branch: { readonly name: string; readonly tools: readonly (Node | string)[] } = { name: 'What-if branch', tools: [] },
): HTMLElement {
  const { position } = view;
  const onBranch = !isOnTimeline(model.timeline as readonly EventId[], position);
  const mainAt = onBranch ? -1 : position.at;
  const main = html(
    'ol',
    { class: 'steps' },
    entry(model, timelineStates, 0, null, mainAt, () => goTo(0, false)),
  );
  model.timeline.forEach((event, i) =>
    main.append(entry(model, timelineStates, i + 1, event, mainAt, () => goTo(i + 1, false))),
  );
  // On a branch, the timeline marks where the branch leaves it.
  if (onBranch) main.children[position.base]?.classList.add('branch-point');
  const sections = [
    html(
      'section',
      { class: 'timeline', 'aria-labelledby': 'timeline-title' },
      html('h2', { id: 'timeline-title' }, 'Timeline'),
      main,
    ),
  ];
  if (onBranch) {
    const steps = html('ol', { class: 'steps branch', start: String(position.base + 1) });
    // A run of days passing is one entry, which goes to the last of them; it is current while the
    // position is anywhere within the run.
    for (let j = 0; j < position.whatIf.length; j++) {
      let last = j;
      while (isDayMove(position.whatIf[j] as Move) && isDayMove((position.whatIf[last + 1] ?? '') as Move)) last++;
      const from = position.base + j + 1;
      const to = position.base + last + 1;
      const current = position.at >= from && position.at <= to ? position.at : -1;
      const days = last - j + 1;
      steps.append(
        entry(model, view.states, to, position.whatIf[j] as Move, current === -1 ? -1 : to, () => goTo(to, true), days),
      );
      j = last;
    }
    sections.push(
      html(
        'section',
        { class: 'branch-section', 'aria-labelledby': 'branch-title' },
        html('h2', { id: 'branch-title' }, branch.name),
        html(
          'p',
          { class: 'hint' },
          position.base === 0
            ? 'From the start of the scenario:'
            : `After timeline event ${position.base} (${model.timeline[position.base - 1]}):`,
        ),
        steps,
        ...(branch.tools.length ? [html('p', { class: 'branch-tools' }, ...branch.tools)] : []),
      ),
    );
  }
  return html('div', { class: onBranch ? 'timelines has-branch' : 'timelines' }, ...sections);
}

/** One entry of a timeline: the move that led to state `index`, or (`move` null) the start itself. */
function entry(
  model: Model,
  states: readonly JointState[],
  index: number,
  move: Move | null,
  current: number,
  onClick: () => void,
  days = 1,
): HTMLElement {
  const day = states[index]?.day;
  const dayText = day === undefined ? '' : `day ${day}`;
  // The button's name is what it shows (day, event, paragraphs, summary, quote), read in that order.
  const parts: HTMLElement[] = [html('span', { class: 'day' }, dayText)];
  if (move === null)
    parts.push(html('span', { class: 'event' }, 'start'), html('span', { class: 'summary' }, 'Before the first event'));
  else if (isDayMove(move))
    parts.push(html('span', { class: 'event' }, days === 1 ? 'a day passes' : `${days} days pass`));
  else {
    const event = getEvent(model, move);
    parts.push(
      html('span', { class: 'event' }, event.id),
      html('span', { class: 'cites' }, event.cites.join(' ')),
      html('span', { class: 'summary' }, event.summary),
      html('q', {}, event.quote),
    );
  }
  const label = parts.flatMap((part, i): (Node | string)[] => (i === 0 ? [part] : [' ', part]));
  const disabled = index >= states.length ? 'true' : undefined;
  const button = html('button', { type: 'button', class: 'entry', disabled }, ...label);
  button.addEventListener('click', onClick);
  return html(
    'li',
    { 'aria-current': index === current ? 'step' : undefined, class: index === current ? 'current' : undefined },
    button,
  );
}
