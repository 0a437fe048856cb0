import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyseAblation, type AblationOptions, type AblationResult } from '../../src/analysis/ablation.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import { parseScenario } from '../../src/model/load.js';
import type { Model } from '../../src/model/model.js';
import type { DataPath } from '../../src/model/problem.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryScenarioData } from '../helpers/random-models.js';
import { ARTICLE, HARBOUR, ROOT } from '../helpers/scenarios.js';

/**
 * Every ablation result is checked against the scenario file edited by hand: the element's key
 * deleted from the file's data (an event with the transitions on it), loaded by the real loader and
 * explored afresh. The edit works on the file's data, not on the model the ablation edits.
 */

const CLOSE = 1e-9;
type Data = Record<string, unknown>;

/**
 * Deletes what is at `path` in a copy of the file's data: a key, or an entry of a list. A list of
 * one transition is named as its entry (`on.e1.when`, not `on.e1[0].when`).
 */
function deleteAt(data: Data, path: DataPath): Data {
  const copy = structuredClone(data);
  let node: unknown = copy;
  for (const segment of path.slice(0, -1)) {
    if (Array.isArray(node) && typeof segment === 'string' && node.length === 1) node = node[0];
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (Array.isArray(node) && typeof path.at(-1) === 'string' && node.length === 1) node = node[0];
  const last = path.at(-1) as string | number;
  if (Array.isArray(node)) node.splice(last as number, 1);
  else delete (node as Record<string, unknown>)[last];
  // An event struck out takes the transitions on it along: they could never be taken.
  if (path.length === 2 && path[0] === 'events')
    for (const party of Object.values(copy.parties as Record<string, { stances: Record<string, { on?: Data }> }>))
      for (const stance of Object.values(party.stances)) delete stance.on?.[last];
  return copy;
}

function load(data: Data): Model {
  const parsed = parseScenario(JSON.stringify(data));
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
  return parsed.model;
}

function atEnd(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}

function exploreAtEnd(model: Model, horizonDays: number) {
  return exploreScenario(model, atEnd(model), { maxStates: 500_000, horizonDays });
}

const ablateAtEnd = (model: Model, options: AblationOptions) => analyseAblation(model, atEnd(model), options);

/** Checks every element's measured effect against the hand-edited file explored afresh. */
function expectAgreesWithHandEdits(data: Data, result: AblationResult, horizonDays: number): void {
  expect(result.elements.length).toBe(result.total);
  for (const element of result.elements) {
    const path = element.id
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const edited = exploreAtEnd(load(deleteAt(data, path)), horizonDays);
    expect(edited.search.exhaustive).toBe(true);
    for (const o of element.outcomes) {
      const fresh = edited.outcomes.find((e) => e.id === o.id);
      expect({ element: element.id, outcome: o.id, status: o.status }).toEqual({
        element: element.id,
        outcome: o.id,
        status: fresh?.status,
      });
      expect(Math.abs((o.probability as number) - (fresh?.probability as number))).toBeLessThan(CLOSE);
      expect(Math.abs((o.holdsAtEnd as number) - (fresh?.holdsAtEnd as number))).toBeLessThan(CLOSE);
    }
  }
}

const readData = (file: string) => parse(readFileSync(file, 'utf8')) as Data;

describe('ablation', () => {
  it('finds what a tiny scenario does not need: facts nobody reads, a precondition nothing depends on', () => {
    const data = readData(join(ROOT, 'test', 'fixtures', 'tiny.yaml'));
    const result = ablateAtEnd(load(data), { maxStates: 100_000 });
    const inert = result.elements.filter((e) => e.effect === 'inert').map((e) => e.id);
    expect(inert.sort()).toEqual(
      [
        'events.accepted.add.offer',
        'events.accepted.requires.stance.buyer',
        'events.offer-made.add.offer',
        'events.softened.set.mood',
      ].sort(),
    );
    const fallback = result.elements.find((e) => e.id === 'parties.buyer.stances.considering.on.accepted[1]');
    expect(fallback?.effect).toBe('moves');
    // Without the fall-back the buyer keeps considering and can accept once the seller softens.
    expect(fallback?.outcomes[0]?.delta).toBeGreaterThan(0);
    const softening = result.elements.find((e) => e.id === 'events.softened');
    expect(softening).toMatchObject({ solved: 'reused', outcomes: [{ change: 'became unreachable' }] });
    expectAgreesWithHandEdits(data, result, 30);
  });

  it('agrees with the article edited by hand, element by element', () => {
    const data = readData(ARTICLE);
    const result = ablateAtEnd(load(data), { maxStates: 500_000 });
    expect(result.elements.filter((e) => e.solved === 'reused').length).toBeGreaterThan(5);
    expectAgreesWithHandEdits(data, result, 30);
  });

  it('agrees with the harbour strike edited by hand, element by element', () => {
    const data = readData(HARBOUR);
    const result = ablateAtEnd(load(data), { maxStates: 500_000 });
    expectAgreesWithHandEdits(data, result, 30);
  });

  it('agrees with generated negotiations edited by hand, element by element', () => {
    fc.assert(
      fc.property(arbitraryScenarioData, (data) => {
        const result = ablateAtEnd(load(data), { maxStates: 200_000, horizonDays: 6 });
        expectAgreesWithHandEdits(data, result, 6);
      }),
      { numRuns: 25 },
    );
  });

  it('says when the timeline no longer replays without an element, and counts that as work', () => {
    const result = ablateAtEnd(load(readData(ARTICLE)), { maxStates: 500_000 });
    const calm = result.elements.find(
      (e) => e.id === 'parties.ukraine.stances.wants-period-of-calm.on.compromise-signalled',
    );
    expect(calm?.effect).toBe('moves');
    expect(calm?.timeline[0]).toMatch(/^timeline\[\d+\]: event "window-set" cannot happen here/);
  });

  it('counts only the outcomes asked about, and stops when told to, keeping what was measured', () => {
    const model = load(readData(ARTICLE));
    const one = ablateAtEnd(model, { maxStates: 500_000, outcomes: ['ceasefire' as never] });
    expect(one.outcomes.map((o) => o.id)).toEqual(['ceasefire']);
    expect(one.elements.every((e) => e.outcomes.length === 1)).toBe(true);
    const all = ablateAtEnd(model, { maxStates: 500_000 });
    expect(one.elements.filter((e) => e.effect === 'inert').length).toBeGreaterThan(
      all.elements.filter((e) => e.effect === 'inert').length,
    );
    let asked = 0;
    const partial = ablateAtEnd(model, { maxStates: 500_000, shouldStop: () => ++asked > 3 });
    expect(partial.stopped).toBe(true);
    expect(partial.elements.length).toBeLessThan(partial.total);
  });
});
