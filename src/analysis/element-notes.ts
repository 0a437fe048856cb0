import type { ElementNote, Model } from '../model/model.js';
import { error, type Problem } from '../model/problem.js';
import { findClosest } from '../model/suggest.js';
import { listModelElements } from './model-elements.js';

/** Whether a note's key names the element or a place in the file that holds it (`events.x.requires`). */
export function coversElement(key: string, elementId: string): boolean {
  return elementId === key || elementId.startsWith(`${key}.`) || elementId.startsWith(`${key}[`);
}

/** Returns the note on an element: the one whose key names it most closely, if any. Pure. */
export function findElementNote(model: Model, elementId: string): ElementNote | undefined {
  let best: ElementNote | undefined;
  for (const note of model.notes ?? [])
    if (coversElement(note.element, elementId) && (!best || note.element.length > best.element.length)) best = note;
  return best;
}

/** Errors for notes whose key names no element of the model, with the closest element as a hint. Pure. */
export function checkElementNotes(model: Model): Problem[] {
  if (!model.notes?.length) return [];
  const ids = listModelElements(model).map((e) => e.id);
  return model.notes.flatMap((note) => {
    if (ids.some((id) => coversElement(note.element, id))) return [];
    const closest = findClosest(note.element, ids);
    return [
      error(
        'unknown-element',
        ['notes', note.element],
        `notes: "${note.element}" names no modelling element (expected a place as \`parley ablate\` names it, such as ${ids[0] ?? 'events.x.requires'})`,
        { at: 'key', ...(closest && { hint: `did you mean "${closest}"?` }) },
      ),
    ];
  });
}
