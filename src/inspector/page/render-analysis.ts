/// <reference lib="dom" />
import { describeProducer } from '../../analysis/describe-producer.js';
import type { SensitivityResult } from '../../analysis/sensitivity.js';
import { describeTornadoRow, hasNoEffect } from '../../analysis/tornado-row.js';
import type { StabilityResult } from '../../analysis/stability.js';
import type { WhyResult } from '../../analysis/why.js';
import type { Move } from '../../engine/move.js';
import type { CheckResult } from '../../query/check-query.js';
import { CONCEPT_NAMES, describeCoalition, describeImprovingMoves } from '../../analysis/describe-improving-moves.js';
import { formatProbability, formatProbabilityWithWord } from '../../report/format-probability.js';
import { html, svg } from './dom.js';
import { describeClauseProbability } from '../../report/describe-clause-probability.js';
import { plural } from '../../report/plural.js';

/** Renders why an outcome happens from here: the events every path takes, and the sets that block it. */
export function renderWhy(why: WhyResult): HTMLElement {
  const section = html(
    'section',
    { 'aria-labelledby': 'why-title', class: 'analysis' },
    html('h2', { id: 'why-title' }, `Why ${why.outcome.id}?`),
  );
  if (!why.reachable) {
    section.append(html('p', {}, 'It cannot be reached from here within the horizon.'));
    if (why.unreachable?.neverHold.length)
      section.append(html('p', {}, `Never holds: ${why.unreachable.neverHold.join('; ')}.`));
    const producers = why.unreachable?.producers ?? [];
    if (producers.length) {
      section.append(html('h3', {}, 'The events that could make it hold'));
      section.append(
        html(
          'ul',
          { class: 'producers' },
          ...producers.map((p) =>
            html(
              'li',
              { title: p.event.quote },
              html('strong', {}, p.event.id),
              ` (${p.event.cites.join(' ')}) — ${describeProducer(p)}`,
            ),
          ),
        ),
      );
    }
    return section;
  }
  section.append(html('h3', {}, 'Every path to it takes'));
  section.append(
    why.necessary.length
      ? html(
          'ul',
          { class: 'necessary' },
          ...why.necessary.map((e) =>
            html('li', { title: e.quote }, html('strong', {}, e.id), ` (${e.cites.join(' ')}) — ${e.summary}`),
          ),
        )
      : html('p', { class: 'hint' }, 'No single event: each can be gone around.'),
  );
  section.append(html('h3', {}, `Without these, it cannot happen (sets of up to ${why.maxSetSize})`));
  section.append(
    html(
      'ul',
      { class: 'blocking' },
      ...why.blockingSets.map((set) => html('li', {}, set.map((e) => e.id).join(' + '))),
    ),
  );
  return section;
}

/**
 * Renders whether an outcome's positions are stable from here (Graph Model for Conflict
 * Resolution): each concept's verdict on the first position where it holds, how many of its
 * positions are equilibria under each, and each party's improvements with the sanctions.
 */
export function renderStability(result: StabilityResult, outcome: string): HTMLElement {
  const section = html(
    'section',
    { 'aria-labelledby': 'stability-title', class: 'analysis stability' },
    html('h2', { id: 'stability-title' }, `Would ${outcome} last?`),
  );
  const o = result.outcomes.find((x) => x.id === outcome);
  if (result.preferences.length === 0) {
    section.append(
      html('p', { class: 'hint' }, 'No party declares preferences (`prefers`), so stability is not defined.'),
    );
    return section;
  }
  const first = o?.first;
  if (!o || !first) {
    section.append(html('p', { class: 'hint' }, 'It is not reached from here, so there is no position of it to test.'));
    return section;
  }
  const answer = (v: boolean | undefined) => (v === undefined ? '-' : v ? 'yes' : 'no');
  const equilibria = result.concepts.map((k) => `${CONCEPT_NAMES[k]} ${o.equilibria[k] ?? 0}`).join(', ');
  section.append(
    html(
      'dl',
      { class: 'stability-verdict' },
      ...result.concepts.flatMap((k) => [
        html('dt', {}, CONCEPT_NAMES[k]),
        html('dd', { 'data-kind': k }, answer(first.equilibrium[k])),
      ]),
    ),
    html(
      'p',
      { class: 'hint' },
      `At the first position where it holds (day ${first.state.day}); of its ${plural(o.positions, 'position')}, equilibria: ${equilibria}.${result.exhaustive ? '' : ' The search was cut: not proven.'}`,
    ),
  );
  const sentences = describeImprovingMoves(first, result.concepts);
  section.append(
    sentences.length
      ? html('ul', { class: 'moves-away' }, ...sentences.map((s) => html('li', {}, s)))
      : html('p', { class: 'hint' }, 'No party has a move to a position it prefers.'),
  );
  // The coalitions the scenario declares, each judged as `parley stability` judges it.
  if (first.coalitions.length > 0)
    section.append(
      html('ul', { class: 'coalitions' }, ...first.coalitions.map((c) => html('li', {}, describeCoalition(c)))),
    );
  return section;
}

/**
 * Draws the tornado chart of an outcome: for each uncertain likelihood (largest swing first), a bar
 * from the probability at the low end of its band to the one at the high end, around the nominal.
 */
export function renderTornado(result: SensitivityResult, outcome: string): HTMLElement {
  const o = result.outcomes.find((x) => x.id === outcome);
  const section = html(
    'section',
    { 'aria-labelledby': 'tornado-title', class: 'analysis' },
    html('h2', { id: 'tornado-title' }, `How sure: ${outcome}`),
  );
  if (!o) return section;
  section.append(
    html(
      'p',
      { class: 'hint' },
      `${formatProbabilityWithWord(o.nominal)}; from ${formatProbability(o.low)} to ${formatProbability(o.high)} over the likelihoods' bands.`,
    ),
  );
  const rows = o.tornado.slice(0, 8);
  const width = 320;
  const label = 150;
  const rowHeight = 22;
  const min = Math.min(...rows.map((r) => Math.min(r.atLow, r.atHigh)), o.nominal);
  const max = Math.max(...rows.map((r) => Math.max(r.atLow, r.atHigh)), o.nominal);
  const x = (p: number) => label + ((p - min) / Math.max(1e-12, max - min)) * (width - label - 10);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${rows.length * rowHeight + 24}`,
    width,
    height: rows.length * rowHeight + 24,
    role: 'img',
    'aria-label': `Tornado chart of ${outcome}`,
    class: 'tornado',
  });
  rows.forEach((r, i) => {
    const y = i * rowHeight + 4;
    const from = Math.min(x(r.atLow), x(r.atHigh));
    const name = svg('text', { x: label - 6, y: y + 13, 'text-anchor': 'end' }, describeTornadoRow(r));
    if (hasNoEffect(r, result.errorBound)) {
      chart.append(name, svg('text', { x: label, y: y + 13, class: 'no-effect' }, 'no effect'));
      return;
    }
    chart.append(
      name,
      svg(
        'rect',
        {
          x: from,
          y,
          width: Math.max(1, Math.abs(x(r.atHigh) - x(r.atLow))),
          height: rowHeight - 8,
          class: r.atHigh >= r.atLow ? 'raises' : 'lowers',
        },
        svg(
          'title',
          {},
          `${describeTornadoRow(r)}: ${formatProbability(r.atLow)} at the low end, ${formatProbability(r.atHigh)} at the high end`,
        ),
      ),
    );
  });
  chart.append(
    svg('line', { x1: x(o.nominal), x2: x(o.nominal), y1: 0, y2: rows.length * rowHeight + 4, class: 'nominal' }),
  );
  section.append(chart);
  return section;
}

/** Where a query stands: none asked here, being checked, not understood (the message), or answered. */
export type QueryState =
  | { readonly kind: 'none' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'answered'; readonly result: CheckResult };

/**
 * Renders the query box (its example names one of the scenario's own outcomes) and, once asked, the
 * answer with its evidence, which can be opened as a branch.
 */
export function renderQuery(
  example: string,
  query: string,
  state: QueryState,
  ask: (query: string) => void,
  open: (moves: readonly Move[]) => void,
): HTMLElement {
  const input = html('input', {
    id: 'query',
    type: 'text',
    value: query,
    placeholder: `eventually ${example} within 14 days`,
    spellcheck: 'false',
  });
  const form = html(
    'form',
    { class: 'query' },
    html('label', { for: 'query' }, 'Ask about every future from here'),
    input,
    html('button', { type: 'submit' }, 'Check'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(input.value);
  });
  const section = html(
    'section',
    { 'aria-labelledby': 'query-title', class: 'analysis' },
    html('h2', { id: 'query-title' }, 'Check a query'),
    form,
  );
  if (state.kind === 'checking') section.append(html('p', { class: 'hint', role: 'status' }, 'Checking…'));
  else if (state.kind === 'error')
    section.append(html('p', { role: 'alert', class: 'error query-error' }, state.message));
  else if (state.kind === 'answered') {
    const { result } = state;
    const verdict = result.holds === true ? 'holds' : result.holds === false ? 'does not hold' : 'cannot be decided';
    section.append(
      html('p', { class: `verdict ${verdict.replace(/ /g, '-')}`, role: 'status' }, `${result.query}: ${verdict}`),
    );
    for (const clause of result.clauses) {
      // A probability clause says its exact value.
      if (clause.probability !== undefined)
        section.append(
          html(
            'p',
            { class: 'probability-clause' },
            `${clause.text}: probability ${describeClauseProbability(clause.probability)}`,
          ),
        );
      if (!clause.trace) continue;
      const button = html(
        'button',
        { type: 'button' },
        `Open the ${clause.evidence === 'witness' ? 'witness' : 'counter-example'} of “${clause.text}” as a branch`,
      );
      const trace = clause.trace;
      button.addEventListener('click', () => open(trace.moves));
      section.append(button);
    }
  }
  return section;
}
