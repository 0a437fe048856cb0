// Scenarios built and changed in code are read as files are: the same validation, the same
// diagnostic codes, the same answers as the equivalent YAML.
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  explore,
  loadScenario,
  OptionError,
  ScenarioError,
  scenarioFromObject,
  withLikelihood,
  withoutEvent,
  withOverlay,
} from '../../src/index.js';
import { withoutEvents } from '../../src/analysis/model-variants.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { EventId } from '../../src/model/ids.js';
import { resolveStart } from '../../src/run/start-point.js';
import { ARTICLE, IDLE_DATA } from '../helpers/scenarios.js';

const article = loadScenario(ARTICLE);
const odds = (scenario: { model: Parameters<typeof exploreScenario>[0] }) => {
  const start = resolveStart(scenario.model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return exploreScenario(scenario.model, start, { maxStates: 200_000 }).outcomes.map((o) => [o.id, o.probability]);
};
/** The diagnostic codes a scenario gets, or none. */
const codes = (build: () => unknown) => {
  try {
    build();
    return [];
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    return error.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  }
};

describe('scenarios in code', () => {
  it('from an object: the same model as its YAML, and the same diagnostic codes for the same mistake', () => {
    const built = scenarioFromObject(IDLE_DATA);
    expect(built.model).toEqual(loadScenario(stringify(IDLE_DATA)).model);
    const wrong = { ...IDLE_DATA, events: { ...IDLE_DATA.events, act: { ...IDLE_DATA.events.act, likelihood: 2 } } };
    const fromObject = codes(() => scenarioFromObject(wrong));
    expect(fromObject.length).toBeGreaterThan(0);
    expect(fromObject).toEqual(codes(() => loadScenario(stringify(wrong))));
  });

  it('withLikelihood: as an overlay file saying the same, refused where the file would be', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-code-'));
    copyFileSync(ARTICLE, join(dir, 'article.yaml'));
    const overlay = { events: { 'architecture-established': { likelihood: 'likely' } } };
    writeFileSync(join(dir, 'what-if.yaml'), stringify({ extends: 'article.yaml', ...overlay }));
    const changed = withLikelihood(article, 'architecture-established', 'likely');
    expect(odds(changed)).toEqual(odds(loadScenario(join(dir, 'what-if.yaml'))));
    expect(odds(changed)).not.toEqual(odds(article));
    expect(odds(withOverlay(article, overlay))).toEqual(odds(changed));
    // The same mistake in code and in a file: the same codes.
    writeFileSync(
      join(dir, 'bad.yaml'),
      stringify({ extends: 'article.yaml', events: { 'architecture-established': { likelihood: 2 } } }),
    );
    expect(codes(() => withLikelihood(article, 'architecture-established', 2))).toEqual(
      codes(() => loadScenario(join(dir, 'bad.yaml'))),
    );
    expect(codes(() => withLikelihood(article, 'architecture-established', 2)).length).toBeGreaterThan(0);
    expect(() => withLikelihood(article, article.model.timeline[0] as string, 0.5)).toThrow(OptionError);
    expect(() => withLikelihood(article, 'architecture-establshed', 0.5)).toThrow(
      'did you mean "architecture-established"?',
    );
  });

  it('withoutEvent: the event and its transitions gone, the answers those of the model without it', () => {
    const event = 'kremlin-agrees-to-summit';
    const without = withoutEvent(article, event);
    expect(without.model.events.some((e) => e.id === event)).toBe(false);
    expect(without.model.parties.flatMap((p) => p.stances.flatMap((s) => s.on)).some((t) => t.event === event)).toBe(
      false,
    );
    expect(odds(without)).toEqual(odds({ model: withoutEvents(article.model, new Set([event as EventId])) }));
    expect(explore(without).outcomes.map((o) => o.id)).toEqual(explore(article).outcomes.map((o) => o.id));
  });

  it('an overlay needs a scenario read from a file', () => {
    expect(() => withOverlay(scenarioFromObject(IDLE_DATA), { title: 'x' })).toThrow(
      'withOverlay: the scenario must be loaded from a file',
    );
  });

  it('a scenario put together by hand is refused, not answered unchecked', () => {
    const model = {
      ...article.model,
      events: article.model.events.map((e) => (e.kind === 'hypothetical' ? { ...e, likelihood: 2 } : e)),
    };
    const byHand = { ...article, model };
    expect(() => explore(byHand as typeof article)).toThrow(
      'parley: expected a scenario from loadScenario() or scenarioFromObject(), which check it, got a scenario built by hand',
    );
    expect(() => withOverlay(byHand as typeof article, {})).toThrow(OptionError);
  });
});
