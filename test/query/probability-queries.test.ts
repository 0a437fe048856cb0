// Probability clauses (`P >= p [eventually B]`, `P [A until B]`) and the temporal clauses `A until
// B` and `A leads to B`: answered exactly, against the explorer and against a hand-solved race.
import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { Model } from '../../src/model/model.js';
import { checkQuery } from '../../src/query/check-query.js';
import { parseQuery } from '../../src/query/parse-query.js';
import { resolveStart, type Start } from '../../src/run/start-point.js';
import { ARTICLE, HARBOUR, loadModel, modelFromText } from '../helpers/scenarios.js';

const LIMITS = { maxStates: 200_000 };

function endOf(model: Model): Start {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}

/** One party in `s`; from there `a` leads to `b`, `c` to `cc`, and from `cc`, `d` leads to `b` too. */
const RACE = (pa: number, pc: number, pd: number) => `
parley: 1
title: race
likelihoodWindow: 1
source: { title: t, paragraphs: [P1] }
parties:
  x:
    name: X
    cites: [P1]
    initial: s
    stances:
      s: { defines: s, cites: [P1], on: { a: b, c: cc } }
      b: { defines: b, cites: [P1] }
      cc: { defines: cc, cites: [P1], on: { d: b } }
events:
  start: { kind: historical, day: 0, summary: start, cites: [P1], quote: q }
  a: { kind: hypothetical, likelihood: ${pa}, summary: a, cites: [P1], quote: q }
  c: { kind: hypothetical, likelihood: ${pc}, summary: c, cites: [P1], quote: q }
  d: { kind: hypothetical, likelihood: ${pd}, summary: d, cites: [P1], quote: q }
outcomes:
  reached-b: { means: b, cites: [P1], when: { stance: { x: b } } }
timeline: [start]
`;

describe('probability clauses', () => {
  it('give the explorer’s own odds for every outcome and every day of the horizon', () => {
    for (const model of [loadModel(ARTICLE), loadModel(HARBOUR)]) {
      const start = endOf(model);
      const explored = exploreScenario(model, start, { ...LIMITS, horizonDays: 30 });
      for (const o of explored.outcomes) {
        for (const days of [1, 7, 30]) {
          const answer = checkQuery(model, start, `P [eventually ${o.id} within ${days} days]`, {
            ...LIMITS,
            horizonDays: 30,
          });
          expect(answer.clauses[0]?.probability).toBeCloseTo(o.reachedByDay?.[days - 1] as number, 12);
          expect(answer.holds).toBe(true);
        }
        // `(not B) until B` is `eventually B`: no state is neither.
        const until = checkQuery(model, start, `P [not ${o.id} until ${o.id}]`, { ...LIMITS, horizonDays: 30 });
        expect(until.clauses[0]?.probability).toBeCloseTo(o.probability as number, 12);
      }
    }
  });

  it('compare with their bound, and refuse a bound that is not a probability', () => {
    const model = loadModel(ARTICLE);
    const start = endOf(model);
    const p = exploreScenario(model, start, LIMITS).outcomes.find((o) => o.id === 'ceasefire')?.probability as number;
    const holds = (query: string) => checkQuery(model, start, query, LIMITS).holds;
    expect(holds(`P >= ${(p - 0.001).toFixed(4)} [eventually ceasefire]`)).toBe(true);
    expect(holds(`P >= ${(p + 0.001).toFixed(4)} [eventually ceasefire]`)).toBe(false);
    expect(holds(`P < ${(p + 0.001).toFixed(4)} [eventually ceasefire]`)).toBe(true);
    expect(holds(`P > 1 [eventually ceasefire]`)).toBe(false);
    expect(() => holds('P >= 1.5 [eventually ceasefire]')).toThrowError(
      'a probability bound is from 0 to 1 (found 1.5)',
    );
    // `P` is a keyword only on its own: ids that start with it still read as ids.
    expect(parseQuery('eventually P2-done')).toHaveLength(1);
  });

  it('solve A until B as the race it is: a before c within the day, by hand', () => {
    const [pa, pc, pd] = [0.5, 0.3, 0.9];
    const model = modelFromText(RACE(pa, pc, pd));
    const start = endOf(model);
    const [ra, rc] = [-Math.log(1 - pa), -Math.log(1 - pc)];
    // Within the start day: a wins the race of a and c with chance ra / (ra + rc), if either happens.
    const aFirst = (ra / (ra + rc)) * (1 - Math.exp(-(ra + rc)));
    const answer = checkQuery(model, start, 'P [not x in cc until x in b within 1 days]', {
      ...LIMITS,
      horizonDays: 1,
    });
    expect(answer.clauses[0]?.probability).toBeCloseTo(aFirst, 9);
    // Going round by cc and d also reaches b: eventually b is likelier than b before cc.
    const eventually = checkQuery(model, start, 'P [eventually x in b within 1 days]', { ...LIMITS, horizonDays: 1 });
    expect(eventually.clauses[0]?.probability as number).toBeGreaterThan(aFirst + 0.01);
  });
});

describe('A until B, A leads to B', () => {
  const model = modelFromText(RACE(0.5, 0.3, 0.9));
  const start = endOf(model);
  const check = (query: string) => checkQuery(model, start, query, { ...LIMITS, horizonDays: 3 });

  it('until fails on a path that leaves A before B, or never reaches B, with that path', () => {
    const left = check('x in s until x in b');
    expect(left.holds).toBe(false);
    // The shortest counter-example: c, to cc, where neither holds (or days pass without b).
    expect(left.clauses[0]?.trace?.moves.length).toBeGreaterThan(0);
    expect(check('x in s | b until x in b').holds).toBe(false);
  });

  it('leads to holds when B always follows, and fails with a path that goes to the end without it', () => {
    // From cc, d may never happen before time is up: cc does not always lead to b.
    const response = check('x in cc leads to x in b');
    expect(response.holds).toBe(false);
    const moves = response.clauses[0]?.trace?.moves ?? [];
    expect(moves).toContain('c');
    expect(moves).not.toContain('d');
    // Once b holds nothing moves x again: b leads to b, trivially.
    expect(check('x in b leads to x in b').holds).toBe(true);
  });
});

describe('the matcher toSatisfy', () => {
  it('takes probability clauses, and fails with the value when the bound is missed', async () => {
    const { loadScenario } = await import('parley');
    await import('parley/vitest');
    const article = loadScenario(ARTICLE);
    expect(article).toSatisfy('P >= 0.1 [eventually ceasefire]');
    expect(article).not.toSatisfy('P >= 0.5 [eventually ceasefire]');
    expect(() => expect(article).toSatisfy('P >= 0.5 [eventually ceasefire]')).toThrowError(
      /^expected "P >= 0\.5 \[eventually ceasefire\]" to hold .* but it does not/,
    );
  });
});
