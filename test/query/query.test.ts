import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getHoldingOutcomes } from '../../src/engine/outcomes.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { Model } from '../../src/model/model.js';
import { checkQuery } from '../../src/query/check-query.js';
import { parseQuery, QuerySyntaxError } from '../../src/query/parse-query.js';
import { QueryReferenceError, resolveQuery } from '../../src/query/resolve-query.js';
import { replayEvents } from '../../src/run/replay-timeline.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

const article = loadModel(ARTICLE);
const startOf = (model: Model) => {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
};
const check = (model: Model, query: string, horizonDays?: number) =>
  checkQuery(model, startOf(model), query, { maxStates: 1_000_000, ...(horizonDays !== undefined && { horizonDays }) });

describe('the query language', () => {
  it('parses clauses, connectives, comparisons and limits', () => {
    expect(parseQuery('eventually a and not b within 3 days and never c or ukraine in x|y')).toEqual([
      {
        kind: 'eventually',
        formula: {
          kind: 'and',
          left: { kind: 'outcome', id: 'a', at: 11 },
          right: { kind: 'not', inner: { kind: 'outcome', id: 'b', at: 21 } },
        },
        withinDays: 3,
        text: 'eventually a and not b within 3 days',
      },
      {
        kind: 'never',
        formula: {
          kind: 'or',
          left: { kind: 'outcome', id: 'c', at: 47 },
          right: { kind: 'stance', party: 'ukraine', stances: ['x', 'y'], at: 52 },
        },
        text: 'never c or ukraine in x|y',
      },
    ]);
    expect(parseQuery('prisonerSwaps >= 2 before day > 7')[0]).toMatchObject({
      kind: 'before',
      first: { kind: 'compare', subject: 'prisonerSwaps', op: '>=', value: 2 },
      then: { kind: 'compare', subject: 'day', op: '>', value: 7 },
    });
    // One day is "1 day", as every output writes it; "1 days" is read too.
    for (const within of ['within 1 day', 'within 1 days'])
      expect(parseQuery(`eventually day > 0 ${within}`)[0]).toMatchObject({ kind: 'eventually', withinDays: 1 });
  });

  it('says where a query stops making sense', () => {
    expect(() => parseQuery('eventually')).toThrowError(QuerySyntaxError);
    expect(() => parseQuery('eventually summit = and')).toThrowError(/^query:21: /);
    expect(() => resolveQuery(article, parseQuery('eventually sumit = none'))).toThrowError(
      /^query:12: unknown fact "sumit" \(did you mean "summit"\?\)$/,
    );
    expect(() => resolveQuery(article, parseQuery('eventually ukraine in guarantee-first'))).toThrowError(
      QueryReferenceError,
    );
    expect(() => resolveQuery(article, parseQuery('eventually summit > 2'))).toThrowError(/compares integers/);
    // The message shows the query with a caret under the column it names.
    expect(() => parseQuery('eventually ceasefire within -1 days')).toThrowError(
      'query:29: expected a whole number of days\n  eventually ceasefire within -1 days\n                              ^',
    );
    expect(() => resolveQuery(article, parseQuery('eventually prisonerSwaps = 9'))).toThrowError(
      /^query:12: fact "prisonerSwaps" ranges from 0 to 3 \(found 9\)$/,
    );
    expect(() => resolveQuery(article, parseQuery('eventually prisonerSwaps >= 9'))).not.toThrow();
    const start = resolveStart(article, { kind: 'end' });
    if ('error' in start) throw new Error(start.error);
    expect(() => checkQuery(article, start, 'eventually sumit = none', { maxStates: 1000 })).toThrowError(
      'query:12: unknown fact "sumit" (did you mean "summit"?)\n  eventually sumit = none\n             ^',
    );
  });

  it('suggests the nearest name of the kind it expected: a stance, a fact value', () => {
    expect(() => resolveQuery(article, parseQuery('eventually ukraine in ceasfire-first'))).toThrowError(
      /unknown stance "ceasfire-first" of party "ukraine" \(did you mean "ceasefire-first"\?\)$/,
    );
    expect(() => resolveQuery(article, parseQuery('eventually summit = trilatral-held'))).toThrowError(
      /fact "summit" cannot be "trilatral-held" \(expected one of: .*\) \(did you mean "trilateral-held"\?\)$/,
    );
  });
});

describe('answers, with their evidence', () => {
  it('answers questions about the article exactly', () => {
    expect(check(article, 'eventually trilateral-summit within 14 days').holds).toBe(true);
    expect(check(article, 'eventually stalemate within 7 days').holds).toBe(false);
    expect(check(article, 'always europe in ceasefire-first').holds).toBe(true);
    expect(check(article, 'guaranteesArchitecture = established before trilateral-summit').holds).toBe(true);
    expect(check(article, 'bilateral-summit before ceasefire').holds).toBe(false);
    expect(check(article, 'never ceasefire').holds).toBe(false);
  });

  it('gives witnesses and counter-examples that replay to states where they say', () => {
    const model = article;
    const start = startOf(model);
    const eventually = check(model, 'eventually raised-level-istanbul-talks').clauses[0];
    expect(eventually?.evidence).toBe('witness');
    expect(getHoldingOutcomes(model, replayEvents(model, eventually?.trace?.moves ?? [], start.joint).final)).toContain(
      'raised-level-istanbul-talks',
    );
    const before = check(model, 'bilateral-summit before ceasefire').clauses[0];
    expect(before?.evidence).toBe('counterexample');
    const replay = replayEvents(model, before?.trace?.moves ?? [], start.joint);
    expect(getHoldingOutcomes(model, replay.final)).toContain('ceasefire');
    for (const s of [replay.initial, ...replay.steps.map((x) => x.after)])
      expect(getHoldingOutcomes(model, s)).not.toContain('bilateral-summit');
  });

  it('agrees with the explorer on random models: eventually an outcome exactly when it is reachable, never when not', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const explored = exploreScenario(model, startOf(model), { maxStates: 200_000, horizonDays: 2 });
        for (const o of explored.outcomes) {
          const reachable = o.status === 'reachable' || o.status === 'holds-at-start';
          expect(check(model, `eventually ${o.id}`, 2).holds).toBe(reachable);
          expect(check(model, `never ${o.id}`, 2).holds).toBe(!reachable);
          const always = check(model, `always not ${o.id}`, 2);
          expect(always.holds).toBe(!reachable);
          // A counter-example to "always not o" ends where o holds.
          if (always.clauses[0]?.trace)
            expect(
              getHoldingOutcomes(model, replayEvents(model, always.clauses[0].trace.moves, startOf(model).joint).final),
            ).toContain(o.id);
        }
      }),
      { numRuns: 40, seed: 5 },
    );
  });
});
