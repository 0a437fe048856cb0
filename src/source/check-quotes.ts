import type { ParagraphId } from '../model/ids.js';
import type { Model } from '../model/model.js';
import { error, type Problem } from '../model/problem.js';

/**
 * Checks the model against its source text: every event's quote must be a verbatim fragment of one
 * of the paragraphs it cites, and every paragraph the model declares must exist in the text. A
 * quote is checked only against the cited paragraphs the text has; one whose paragraphs are all
 * missing is not reported again. Pure.
 */
export function checkQuotes(model: Model, paragraphs: ReadonlyMap<ParagraphId, string>): Problem[] {
  const problems: Problem[] = [];
  model.source.paragraphs.forEach((id, i) => {
    if (!paragraphs.has(id))
      problems.push(
        error('quote-not-in-source', ['source', 'paragraphs', i], `paragraph "${id}" is not in the source text`),
      );
  });
  for (const event of model.events) {
    const cited = event.cites.filter((id) => paragraphs.has(id));
    // A quote citing only paragraphs the text lacks follows from the error above; it is not another.
    if (cited.length === 0) continue;
    if (!cited.some((id) => paragraphs.get(id)?.includes(event.quote))) {
      problems.push(
        error(
          'quote-not-in-source',
          ['events', event.id, 'quote'],
          `the quote of event "${event.id}" is not a verbatim fragment of ${cited.join(', ')}`,
          {
            hint: 'copy the fragment from the source exactly, including its quotation marks and apostrophes',
          },
        ),
      );
    }
  }
  return problems;
}
