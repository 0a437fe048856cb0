/// <reference lib="dom" />
import type { DiffResult } from '../../analysis/diff.js';
import { getStances, type JointState } from '../../engine/joint-state.js';
import type { Model } from '../../model/model.js';
import { formatProbability } from '../../report/format-probability.js';
import { html, table } from './dom.js';
import { describeChange } from './render-panel.js';

/** A point of the page, as a comparison shows it: where it is, in words, and its joint state. */
export interface ComparedPoint {
  readonly label: string;
  readonly joint: JointState;
}

/** What the comparison's buttons do. */
export interface ComparisonActions {
  readonly pin: () => void;
  readonly unpin: () => void;
  readonly goToPinned: () => void;
}

/**
 * Renders the comparison of a pinned point with the current one, side by side: every party's
 * stance, every fact and (once both are explored, as `parley diff` compares them) every outcome's
 * odds, each row that differs marked. Without a pinned point, a button pins the current one.
 */
export function renderComparison(
  model: Model,
  pinned: ComparedPoint | null,
  here: ComparedPoint,
  odds: DiffResult | null,
  actions: ComparisonActions,
): HTMLElement {
  const section = html(
    'section',
    { 'aria-labelledby': 'compare-title', class: 'analysis comparison' },
    html('h2', { id: 'compare-title' }, 'Compare two points'),
  );
  const button = (text: string, action: () => void) => {
    const b = html('button', { type: 'button' }, text);
    b.addEventListener('click', action);
    return b;
  };
  if (!pinned) {
    section.append(
      html('p', { class: 'hint' }, 'Pin this point, then step or branch to another to see the two side by side.'),
      button('Pin this point', actions.pin),
    );
    return section;
  }
  const tools = html(
    'p',
    { class: 'hint' },
    button('Unpin', actions.unpin),
    ' ',
    button('Go to the pinned point', actions.goToPinned),
    ' ',
    button('Pin this point instead', actions.pin),
  );
  const before = getStances(model, pinned.joint);
  const after = getStances(model, here.joint);
  const row = (name: string, a: string, b: string, title?: string) =>
    html(
      'tr',
      { ...(a !== b && { 'data-differs': 'true' }) },
      html('th', { scope: 'row', title }, name),
      html('td', {}, a),
      html('td', {}, b),
      html('td', { class: 'change' }, a === b ? 'same' : 'differs'),
    );
  const group = (name: string) => html('tr', {}, html('th', { scope: 'colgroup', colspan: '4' }, name));
  const stances = html(
    'tbody',
    { class: 'compare-stances' },
    group('Stances'),
    row('day', String(pinned.joint.day), String(here.joint.day)),
    ...model.parties.map((p) => row(p.id, before[p.id] as string, after[p.id] as string, p.name)),
  );
  const facts = html(
    'tbody',
    { class: 'compare-facts' },
    group('Facts'),
    ...model.facts.map((f) => row(f.id, String(pinned.joint.facts[f.id]), String(here.joint.facts[f.id]), f.describes)),
  );
  const oddsBody = odds
    ? html(
        'tbody',
        { class: 'compare-odds' },
        group('Outcomes: the chance of reaching each within the horizon'),
        ...odds.outcomes.map((o) =>
          html(
            'tr',
            { ...(o.change !== 'unchanged' && { 'data-differs': 'true' }), 'data-outcome': o.id },
            html('th', { scope: 'row', title: o.means }, o.id),
            html('td', {}, describeOdds(o.before)),
            html('td', {}, describeOdds(o.after)),
            html('td', { class: 'change' }, describeChange(o)),
          ),
        ),
      )
    : html('tbody', {}, html('tr', {}, html('td', { colspan: '4', class: 'hint' }, 'Exploring both points…')));
  section.append(
    tools,
    table(['', `Pinned: ${pinned.label}`, `Here: ${here.label}`, 'Change'], stances, facts, oddsBody),
  );
  return section;
}

function describeOdds(answer: DiffResult['outcomes'][number]['before']): string {
  if (!answer) return '';
  if (answer.status === 'unreachable') return 'unreachable';
  if (answer.status === 'not-found') return 'not found';
  return answer.probability === null ? answer.status : formatProbability(answer.probability);
}
