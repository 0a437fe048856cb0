import type { EventId } from '../model/ids.js';
import type { Model, ScenarioEvent } from '../model/model.js';

const memo = new WeakMap<Model, Map<string, Model>>();

/**
 * The model a question asks of, given the timeline events that have happened at its start: every
 * historical event with an `alternative` that has not happened becomes a hypothetical event of
 * the alternative's likelihood (it might still happen, or have happened otherwise); the others
 * are the model as it is. Pure; returns the model itself when no alternative applies, and the same
 * object for the same history, so that caches keyed by the model keep working.
 */
export function getQuestionModel(model: Model, history: readonly EventId[]): Model {
  const happened = new Set(history);
  const pending = model.events.filter((e) => e.kind === 'historical' && e.alternative && !happened.has(e.id));
  if (pending.length === 0) return model;
  const key = pending.map((e) => e.id).join('\u0000');
  let variants = memo.get(model);
  if (!variants) memo.set(model, (variants = new Map()));
  const known = variants.get(key);
  if (known) return known;
  const converted = new Set(pending.map((e) => e.id));
  const variant = Object.freeze({
    ...model,
    events: model.events.map((e) => (converted.has(e.id) ? asHypothetical(e) : e)),
  });
  variants.set(key, variant);
  return variant;
}

function asHypothetical(event: ScenarioEvent): ScenarioEvent {
  const { day: _day, dayNote: _dayNote, alternative, ...rest } = event;
  return Object.freeze({
    ...rest,
    kind: 'hypothetical',
    likelihood: alternative!.likelihood,
    ...(alternative!.window !== undefined && { window: alternative!.window }),
    alternative: alternative!,
  });
}
