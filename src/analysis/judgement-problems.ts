import type { Model } from '../model/model.js';
import { warning, type Problem } from '../model/problem.js';
import type { AblationResult } from './ablation.js';
import { coversElement } from './element-notes.js';
import { plural } from '../report/plural.js';

/**
 * Warnings for likelihoods that say nothing of why (a hypothetical event's, or a historical
 * event's alternative): a number no one can trace is a number no one can trust. Pure.
 */
export function getMissingRationales(model: Model): Problem[] {
  return model.events.flatMap((event) => {
    const [likelihood, path, what] =
      event.kind === 'hypothetical'
        ? [event.likelihood, ['likelihood'], `the likelihood of hypothetical event "${event.id}"`]
        : [
            event.alternative?.likelihood,
            ['alternative', 'likelihood'],
            `the alternative of historical event "${event.id}"`,
          ];
    if (!likelihood || likelihood.rationale !== undefined) return [];
    return [
      warning(
        'missing-rationale',
        ['events', event.id, ...path],
        `${what} gives no rationale (expected likelihood: { value: ..., rationale: why, citing paragraphs, confidence: low, moderate or high })`,
        { at: 'key' },
      ),
    ];
  });
}

/**
 * Warnings from an ablation: elements that change no outcome and have no note saying why they
 * stay, and notes calling an element inert that is not. Pure.
 */
export function getInertElementProblems(model: Model, ablation: AblationResult): Problem[] {
  const where = `from ${ablation.start.description} within ${plural(ablation.horizon.days, 'day')}`;
  const problems: Problem[] = [];
  for (const e of ablation.elements) {
    if (e.effect === 'inert' && e.note?.inert === undefined)
      problems.push(
        warning(
          'inert-element',
          e.path,
          `removing ${e.id} changes no outcome ${where} (${e.description}); remove it, or say why it stays in notes: { ${e.id}: { inert: ... } }`,
          { at: 'key' },
        ),
      );
  }
  for (const note of model.notes ?? []) {
    if (note.inert === undefined) continue;
    const moving = ablation.elements.filter((e) => e.effect === 'moves' && coversElement(note.element, e.id));
    if (moving.length > 0)
      problems.push(
        warning(
          'stale-note',
          ['notes', note.element, 'inert'],
          `notes: "${note.element}" says it is inert, but removing ${moving.map((e) => e.id).join(', ')} moves an outcome ${where}`,
          { at: 'key' },
        ),
      );
  }
  return problems;
}
