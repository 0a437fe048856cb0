/// <reference lib="dom" />
import type { AblationResult, ElementEffect } from '../../analysis/ablation.js';
import { formatProbability } from '../../report/format-probability.js';
import { html, table } from './dom.js';
import { plural } from '../../report/plural.js';

/** What the ablation panel shows: nothing asked yet, a measurement under way, its answer, or why it cannot be asked here. */
export type AblationState =
  | { readonly kind: 'not-asked' }
  | { readonly kind: 'measuring' }
  | { readonly kind: 'measured'; readonly result: AblationResult }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** The most moving elements the panel lists before the inert ones. */
const SHOWN = 12;

/**
 * Renders what each modelling element does from this point (as `parley ablate`): the elements
 * that move an outcome most, each with the outcome it moves and its paragraphs, then the inert
 * ones with the notes that say why they stay.
 */
export function renderAblation(state: AblationState, measure: () => void, outcome: string | null): HTMLElement {
  const section = html(
    'section',
    { 'aria-labelledby': 'ablation-title', class: 'analysis ablation' },
    html('h2', { id: 'ablation-title' }, 'What each element does'),
  );
  if (state.kind === 'unavailable') {
    section.append(html('p', { class: 'hint' }, state.reason));
    return section;
  }
  if (state.kind !== 'measured') {
    const button = html(
      'button',
      { type: 'button', id: 'ablate', ...(state.kind === 'measuring' && { disabled: '' }) },
      state.kind === 'measuring' ? 'Measuring…' : 'Remove each element in turn',
    );
    button.addEventListener('click', measure);
    section.append(
      html('p', { class: 'hint' }, 'Explores again, exactly, without each transition, clause, event and effect.'),
      button,
    );
    return section;
  }
  const r = state.result;
  const counts = (kind: ElementEffect['effect']) => r.elements.filter((e) => e.effect === kind);
  const size = (e: ElementEffect) => {
    if (outcome === null) return e.swing;
    const o = e.outcomes.find((x) => x.id === outcome);
    return o && o.change !== 'unchanged' ? Math.max(Math.abs(o.delta ?? 0), Math.abs(o.holdsAtEndDelta ?? 0)) : 0;
  };
  const moving = counts('moves')
    .filter((e) => size(e) > 0 || outcome === null)
    .sort((a, b) => size(b) - size(a));
  const inert = counts('inert');
  section.append(
    html(
      'p',
      { class: 'hint' },
      `${plural(r.elements.length, 'element')}: ${counts('moves').length} move an outcome, ${inert.length} inert${outcome ? `; ranked by how much each moves ${outcome}` : ''}.`,
    ),
    table(
      ['Element', { text: 'Swing', title: 'The largest change of a probability without it' }, 'Moves most'],
      html(
        'tbody',
        {},
        ...moving
          .slice(0, SHOWN)
          .map((e) =>
            html(
              'tr',
              { 'data-element': e.id },
              html(
                'th',
                { scope: 'row', title: e.description },
                e.id,
                html('span', { class: 'cites' }, ` (${e.cites.join(' ')})`),
                ...(e.note?.assumption
                  ? [html('div', { class: 'assumption' }, `Assumption: ${e.note.assumption}`)]
                  : []),
              ),
              html('td', { class: 'swing' }, formatProbability(size(e))),
              html('td', { class: 'most' }, describeMostMoved(e, r, outcome)),
            ),
          ),
      ),
    ),
  );
  if (inert.length > 0)
    section.append(
      html(
        'details',
        { class: 'inert' },
        html('summary', {}, `Inert: ${plural(inert.length, 'element')} change no outcome from here`),
        html(
          'ul',
          {},
          ...inert.map((e) =>
            html(
              'li',
              { 'data-element': e.id, title: e.description },
              e.id,
              html(
                'span',
                { class: e.note?.inert ? 'reason' : 'reason missing' },
                ` — ${e.note?.inert ?? 'no note says why it stays'}`,
              ),
            ),
          ),
        ),
      ),
    );
  return section;
}

/** `ceasefire 0.055 → 0.44`: the outcome an element moves most (or the one explained), before and after. */
function describeMostMoved(e: ElementEffect, r: AblationResult, outcome: string | null): string {
  const candidates = e.outcomes.filter((o) => o.change !== 'unchanged' && (outcome === null || o.id === outcome));
  const most = candidates.sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0))[0];
  if (!most) return e.timeline.length > 0 ? 'the timeline' : '';
  const before = r.outcomes.find((o) => o.id === most.id);
  return `${most.id} ${formatProbability(before?.probability ?? 0)} → ${formatProbability(most.probability ?? 0)}`;
}
