import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario } from '../../src/model/load.js';
import type { Model } from '../../src/model/model.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTICLE = join(ROOT, 'scenarios', 'article.yaml');
export const HARBOUR = join(ROOT, 'scenarios', 'harbour-strike.yaml');
/** An urgent deadline that a limit on events can outlast (see the file). */
export const DEADLINE = join(ROOT, 'test', 'fixtures', 'deadline.yaml');
/** The article is not shipped; tests that need it run only where it is present. */
export const ARTICLE_TEXT = join(ROOT, '..', 'shared', 'source', 'article.txt');

/** Loads a scenario that must be valid; fails the test with its diagnostics otherwise. */
export function loadModel(path: string): Model {
  return modelFromText(readFileSync(path, 'utf8'));
}

export function modelFromText(text: string): Model {
  const parsed = parseScenario(text);
  if (!parsed.model)
    throw new Error(`invalid scenario: ${parsed.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')}`);
  return parsed.model;
}
