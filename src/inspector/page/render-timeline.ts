/// <reference lib="dom" />
import { isDayMove, type Move } from '../../engine/move.js';
import { getEvent } from '../../model/model-lookup.js';
import type { Model } from '../../model/model.js';
import { html } from './dom.js';
import type { PathView } from './path-view.js';
import type { JointState } from '../../engine/joint-state.js';
import type { EventId } from '../../model/ids.js';
import { getPathMoves, isOnTimeline } from './navigation.js';
import { getDivergence } from './branch-list.js';

/**
 * Renders the timeline (every event of the scenario's history, with day, paragraphs and quote, on
 * its own days even while a branch is open, each with a button that opens the history without it)
 * and, on a branch, the branch beside it from where it leaves the timeline, each run of days passing
 * one entry. Each entry is a button that jumps there; the current entry carries
 * `aria-current="step"`.
 */
export function renderTimeline(
  model: Model,
  view: PathView,
  timelineStates: readonly JointState[],
  goTo: (at: number, onBranch: boolean) => void,
  branch: { readonly name: string; readonly tools: readonly (Node | string)[] } = { name: 'What-if branch', tools: [] },
  without?: (event: EventId) => void,
): HTMLElement {
  const { position } = view;
  const timeline = model.timeline as readonly EventId[];
  const onBranch = !isOnTimeline(timeline, position);
  const mainAt = onBranch ? -1 : position.at;
  const main = html(
    'ol',
    { class: 'steps' },
    entry(model, timelineStates, 0, null, mainAt, () => goTo(0, false)),
  );
  timeline.forEach((event, i) => {
    const item = entry(model, timelineStates, i + 1, event, mainAt, () => goTo(i + 1, false));
    if (without) item.append(withoutButton(event, () => without(event)));
    main.append(item);
  });
  const path = getPathMoves(timeline, position);
  const leave = getDivergence(timeline, position);
  if (onBranch) main.children[leave]?.classList.add('branch-point');
  const sections = [
    html(
      'section',
      { class: 'timeline', 'aria-labelledby': 'timeline-title' },
      html('h2', { id: 'timeline-title' }, 'Timeline'),
      main,
    ),
  ];
  if (onBranch) {
    const steps = html('ol', { class: 'steps branch', start: String(leave + 1) });
    // A run of days passing is one entry, which goes to the last of them; it is current while the
    // position is anywhere within the run.
    for (let j = leave; j < path.length; j++) {
      let last = j;
      while (isDayMove(path[j] as Move) && isDayMove((path[last + 1] ?? '') as Move)) last++;
      const from = j + 1;
      const to = last + 1;
      const current = position.at >= from && position.at <= to ? position.at : -1;
      const days = last - j + 1;
      steps.append(
        entry(model, view.states, to, path[j] as Move, current === -1 ? -1 : to, () => goTo(to, true), days),
      );
      j = last;
    }
    const counterfactual = position.counterfactual;
    const after =
      leave === 0 ? 'From the start of the scenario' : `After timeline event ${leave} (${timeline[leave - 1]})`;
    sections.push(
      html(
        'section',
        { class: 'branch-section', 'aria-labelledby': 'branch-title' },
        html('h2', { id: 'branch-title' }, branch.name),
        html(
          'p',
          { class: 'hint' },
          counterfactual ? `${after}, without ${counterfactual.without.join(', ')}:` : `${after}:`,
        ),
        ...(counterfactual && counterfactual.lost.length > 0
          ? [
              html(
                'p',
                { class: 'lost' },
                `No longer happen (what they require fails): ${counterfactual.lost.join(', ')}`,
              ),
            ]
          : []),
        steps,
        ...(branch.tools.length ? [html('p', { class: 'branch-tools' }, ...branch.tools)] : []),
      ),
    );
  }
  return html('div', { class: onBranch ? 'timelines has-branch' : 'timelines' }, ...sections);
}

/** The button beside a timeline event that opens the history as it would have gone without it. */
function withoutButton(event: EventId, onClick: () => void): HTMLElement {
  const button = html(
    'button',
    {
      type: 'button',
      class: 'without',
      'aria-label': `Without ${event}: what if it had not happened?`,
      title: `What if ${event} had not happened?`,
    },
    'without',
  );
  button.addEventListener('click', onClick);
  return button;
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
