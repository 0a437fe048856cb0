/// <reference lib="dom" />
import { getStances, type JointState } from '../../engine/joint-state.js';
import type { Model } from '../../model/model.js';
import { html } from './dom.js';
import { plural } from '../../report/plural.js';

/**
 * The joint state at a glance: every party's stance and every fact, in one strip that stays on
 * screen, each entry that the last step changed marked (`data-changed`, with what it was). Pure
 * apart from building elements.
 */
export function renderGlance(model: Model, joint: JointState, previous: JointState | undefined): HTMLElement {
  const stances = getStances(model, joint);
  const before = previous ? getStances(model, previous) : undefined;
  const item = (name: string, value: string, was: string | undefined, title: string) => {
    const changed = was !== undefined && was !== value;
    return html(
      'li',
      { 'data-changed': changed ? 'true' : undefined, title },
      html('span', { class: 'name' }, name),
      ' ',
      html('strong', {}, value),
      changed ? html('span', { class: 'was' }, ` (was ${was})`) : '',
    );
  };
  const parties = model.parties.map((p) =>
    item(
      p.id,
      stances[p.id] as string,
      before?.[p.id],
      `${p.name}: ${p.stances.find((s) => s.id === stances[p.id])?.defines ?? ''}`,
    ),
  );
  const facts = model.facts.map((f) =>
    item(f.id, String(joint.facts[f.id]), previous ? String(previous.facts[f.id]) : undefined, f.describes),
  );
  const changes = [...parties, ...facts].filter((li) => li.dataset.changed).length;
  return html(
    'section',
    { id: 'glance', 'aria-label': 'The joint state at a glance' },
    html('ul', { class: 'glance-stances', 'aria-label': 'Stances' }, ...parties),
    facts.length ? html('ul', { class: 'glance-facts', 'aria-label': 'Facts' }, ...facts) : '',
    html(
      'p',
      { class: 'glance-changes' },
      previous
        ? changes
          ? `The last step changed ${plural(changes, 'entry', 'entries')} (marked).`
          : 'The last step changed no stance or fact.'
        : 'The start.',
    ),
  );
}
