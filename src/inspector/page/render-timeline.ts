/// <reference lib="dom" />
import { isDayMove, type Move } from '../../engine/move.js';
import { getEvent } from '../../model/model-lookup.js';
import type { Model } from '../../model/model.js';
import { html } from './dom.js';
import type { PathView } from './path-view.js';

/**
 * Renders the timeline (every event of the scenario's history, with day, paragraphs and quote) and,
 * on a what-if branch, the branch beside it. Each entry is a button that jumps there; the current
 * entry carries `aria-current="step"`.
 */
export function renderTimeline(
  model: Model,
  view: PathView,
  goTo: (at: number, onBranch: boolean) => void,
): HTMLElement {
  const { position } = view;
  const onBranch = position.whatIf.length > 0 || position.base < model.timeline.length;
  const mainAt = onBranch ? -1 : position.at;
  const main = html(
    'ol',
    { class: 'steps' },
    entry(model, view, 0, null, mainAt, () => goTo(0, false)),
  );
  model.timeline.forEach((event, i) => main.append(entry(model, view, i + 1, event, mainAt, () => goTo(i + 1, false))));
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
    const branch = html('ol', { class: 'steps branch', start: String(position.base + 1) });
    position.whatIf.forEach((move, j) =>
      branch.append(
        entry(model, view, position.base + j + 1, move, position.at, () => goTo(position.base + j + 1, true)),
      ),
    );
    sections.push(
      html(
        'section',
        { class: 'branch-section', 'aria-labelledby': 'branch-title' },
        html('h2', { id: 'branch-title' }, 'What-if branch'),
        html(
          'p',
          { class: 'hint' },
          position.base === 0
            ? 'From the start of the scenario:'
            : `After timeline event ${position.base} (${model.timeline[position.base - 1]}):`,
        ),
        branch,
      ),
    );
  }
  return html('div', { class: onBranch ? 'timelines has-branch' : 'timelines' }, ...sections);
}

/** One entry of a timeline: the move that led to state `index`, or (`move` null) the start itself. */
function entry(
  model: Model,
  view: PathView,
  index: number,
  move: Move | null,
  current: number,
  onClick: () => void,
): HTMLElement {
  const day = view.states[index]?.day;
  const dayText = day === undefined ? '' : `day ${day}`;
  const label: (Node | string)[] = [html('span', { class: 'day' }, dayText)];
  if (move === null)
    label.push(html('span', { class: 'event' }, 'start'), html('span', { class: 'summary' }, 'Before the first event'));
  else if (isDayMove(move)) label.push(html('span', { class: 'event' }, 'a day passes'));
  else {
    const event = getEvent(model, move);
    label.push(
      html('span', { class: 'event' }, event.id),
      html('span', { class: 'cites' }, event.cites.join(' ')),
      html('span', { class: 'summary' }, event.summary),
      html('q', {}, event.quote),
    );
  }
  const disabled = index >= view.states.length ? 'true' : undefined;
  const button = html(
    'button',
    {
      type: 'button',
      class: 'entry',
      'aria-label': `Go to ${move === null ? 'the start' : move}${dayText ? `, ${dayText}` : ''}`,
      disabled,
    },
    ...label,
  );
  button.addEventListener('click', onClick);
  return html(
    'li',
    { 'aria-current': index === current ? 'step' : undefined, class: index === current ? 'current' : undefined },
    button,
  );
}
