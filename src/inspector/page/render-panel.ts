/// <reference lib="dom" />
import { getMoves } from '../../engine/moves.js';
import { getHoldingOutcomes } from '../../engine/outcomes.js';
import type { Horizon } from '../../engine/horizon.js';
import type { JointState } from '../../engine/joint-state.js';
import { isDayMove, type Move } from '../../engine/move.js';
import type { DiffResult } from '../../analysis/diff.js';
import type { ExploreResult } from '../../explore/explore-scenario.js';
import { getEvent } from '../../model/model-lookup.js';
import type { Model } from '../../model/model.js';
import { describeLikelihood } from '../../report/describe-likelihood.js';
import { foldDays } from '../../report/fold-days.js';
import {
  formatPathProbability,
  formatProbability,
  formatProbabilityChange,
  formatProbabilityWithWord,
} from '../../report/format-probability.js';
import type { Witness } from '../../explore/witness.js';
import { html, table } from './dom.js';
import { renderOddsChart } from './render-odds-chart.js';
import { plural } from '../../report/plural.js';

/** Renders the facts and the outcomes that hold at this point. */
export function renderHere(model: Model, joint: JointState): HTMLElement {
  const facts = html('dl', { class: 'facts' });
  for (const fact of model.facts)
    facts.append(html('dt', { title: fact.describes }, fact.id), html('dd', {}, String(joint.facts[fact.id])));
  const holding = getHoldingOutcomes(model, joint);
  const outcomes = holding.length
    ? html('ul', { class: 'holding' }, ...holding.map((o) => html('li', {}, o)))
    : html('p', { class: 'hint' }, 'No outcome holds here.');
  return html(
    'section',
    { 'aria-labelledby': 'here-title' },
    html('h2', { id: 'here-title' }, `At this point: day ${joint.day}`),
    facts,
    html('h3', {}, 'Outcomes holding'),
    outcomes,
  );
}

/**
 * Renders the moves possible here within the branch's horizon (hypothetical events with their
 * likelihood, and the passing of a day), each starting a branch.
 */
export function renderWhatIf(
  model: Model,
  joint: JointState,
  horizon: Horizon,
  eventsSoFar: number,
  choose: (move: Move) => void,
): HTMLElement {
  const moves = getMoves(model, joint, horizon, eventsSoFar);
  const list = html('ul', { class: 'what-if' });
  for (const { move, next } of moves) {
    let text: string;
    let detail: string;
    // Where a likelihood comes from, on hover.
    let why: string | undefined;
    if (isDayMove(move)) {
      text = 'a day passes';
      detail = `to day ${next.day}`;
    } else {
      const event = getEvent(model, move);
      const likelihood = describeLikelihood(event.likelihood);
      text = event.id;
      detail = `${likelihood} — ${event.summary}`;
      const { rationale, confidence } = event.likelihood ?? {};
      if (rationale) why = `${confidence ? `${confidence} confidence: ` : ''}${rationale}`;
    }
    // Its name is what it shows, after words a screen reader needs and the eye does not.
    const button = html(
      'button',
      { type: 'button', 'data-move': move, title: why },
      html('span', { class: 'visually-hidden' }, 'What if: '),
      html('span', { class: 'event' }, text),
      ' ',
      html('span', { class: 'summary' }, detail),
    );
    button.addEventListener('click', () => choose(move));
    list.append(html('li', {}, button));
  }
  const body = moves.length ? list : html('p', { class: 'hint' }, 'Nothing can happen here.');
  // A branch opened from a trace found with an event limit keeps it: say so, or the list looks short.
  const limit =
    horizon.maxEvents === undefined
      ? []
      : [
          html(
            'p',
            { class: 'hint branch-limit' },
            `This branch keeps its trace's limit of ${plural(horizon.maxEvents, 'hypothetical event')} (${eventsSoFar} taken).`,
          ),
        ];
  return html(
    'section',
    { 'aria-labelledby': 'what-if-title' },
    html('h2', { id: 'what-if-title' }, 'What if next?'),
    ...limit,
    body,
  );
}

/**
 * Renders what the explorer says from here: per outcome, reachable or not, its probability, a
 * shortest and a likeliest path (each with its exact probability), and (given `change`, the diff
 * from the previous step to here) how the last step moved it; then the odds over the days as a
 * chart, the horizon marked.
 */
export function renderFromHere(
  result: ExploreResult | null,
  explain: (outcome: string) => void = () => {},
  change: DiffResult | null = null,
): HTMLElement {
  const section = html('section', { 'aria-labelledby': 'from-here-title', class: 'from-here' });
  if (!result) {
    section.append(html('h2', { id: 'from-here-title' }, 'From here: exploring…'));
    return section;
  }
  const extent = result.search.exhaustive
    ? `${plural(result.search.states, 'state')}, exhaustive`
    : `cut at ${plural(result.search.states, 'state')}`;
  section.append(
    html('h2', { id: 'from-here-title' }, `From here: the next ${plural(result.horizon.days, 'day')}`),
    html('p', { class: 'hint' }, extent),
  );
  const rows = result.outcomes.map((o) => {
    const status = o.status === 'holds-at-start' ? 'holds now' : o.status === 'not-found' ? 'not found' : o.status;
    const probability =
      o.probability === null
        ? `${formatProbability(o.probabilityBounds[0])}..${formatProbability(o.probabilityBounds[1])}`
        : formatProbabilityWithWord(o.probability);
    const likeliest = o.likeliest ?? null;
    const sameAsShortest =
      likeliest !== null &&
      o.witness !== null &&
      likeliest.moves.length === o.witness.moves.length &&
      likeliest.moves.every((m, i) => o.witness?.moves[i] === m);
    const atEnd = o.holdsAtEnd === null ? '' : formatProbability(o.holdsAtEnd);
    return html(
      'tr',
      { 'data-outcome': o.id },
      html('th', { scope: 'row', title: o.means }, explainButton(o.id, explain)),
      html('td', { class: `status ${o.status}` }, status),
      html('td', { class: 'probability' }, probability),
      html('td', { class: 'at-end' }, atEnd),
      html('td', { class: 'path' }, describePath(o.witness)),
      html('td', { class: 'likeliest' }, sameAsShortest ? 'the shortest' : describePath(likeliest)),
      html('td', { class: 'change' }, describeChange(change?.outcomes.find((c) => c.id === o.id))),
    );
  });
  section.append(
    table(
      [
        'Outcome',
        'Status',
        { text: 'Probability', title: 'The chance of reaching it within the days' },
        { text: 'At the end', title: 'The chance that it holds when the days end' },
        { text: 'Shortest path', title: 'With the exact probability of taking exactly these moves' },
        {
          text: 'Likeliest path',
          title: 'The most probable way there, with the exact probability of taking exactly these moves',
        },
        { text: 'Last step', title: 'How the step that led here moved it' },
      ],
      html('tbody', {}, ...rows),
    ),
  );
  const chart = renderOddsChart(result);
  if (chart) section.append(chart);
  return section;
}

/** A path as the command line prints it (days passing folded), with its exact probability. */
function describePath(path: Witness | null): string {
  if (!path || path.steps.length === 0) return '';
  const chance = path.probability === undefined ? '' : ` (probability ${formatPathProbability(path.probability)})`;
  return `${foldDays(path.moves).join(' > ')}${chance}`;
}

/** What a change did to an outcome, in a few words: now (un)reachable, the same, or its odds moved by how much. Pure. */
export function describeChange(change: DiffResult['outcomes'][number] | undefined): string {
  if (!change) return '';
  if (change.change === 'became reachable') return 'now reachable';
  if (change.change === 'became unreachable') return 'now unreachable';
  if (change.change === 'unchanged') return 'same';
  if (change.change === 'cannot tell') return 'cannot tell';
  return change.delta === null ? '' : formatProbabilityChange(change.delta);
}

function explainButton(outcome: string, explain: (outcome: string) => void): HTMLElement {
  const button = html('button', { type: 'button', class: 'link', 'aria-label': `Explain ${outcome}` }, outcome);
  button.addEventListener('click', () => explain(outcome));
  return button;
}
