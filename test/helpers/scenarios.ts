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

/**
 * A one-party scenario whose event "idle" can happen but changes nothing (until "act" has set the
 * fact it resets): the sampler must set it aside, never count it as a move.
 */
export const IDLE_DATA = {
  parley: 1,
  title: 'draws',
  source: { title: 't', paragraphs: ['P1'] },
  facts: { done: { type: 'boolean', initial: false, describes: 'x', cites: ['P1'] } },
  parties: { x: { name: 'X', cites: ['P1'], initial: 's', stances: { s: { defines: 's', cites: ['P1'] } } } },
  events: {
    start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
    idle: { kind: 'hypothetical', likelihood: 0.9, summary: 'idle', cites: ['P1'], quote: 'q', set: { done: false } },
    act: { kind: 'hypothetical', likelihood: 0.5, summary: 'act', cites: ['P1'], quote: 'q', set: { done: true } },
  },
  outcomes: { acted: { means: 'acted', cites: ['P1'], when: { fact: { done: true } } } },
  timeline: ['start'],
};
