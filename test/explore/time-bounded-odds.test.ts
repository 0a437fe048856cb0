import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { explore } from '../../src/api/explore.js';
import { loadScenario } from '../../src/api/scenario.js';
import { ESTIMATIVE_BANDS } from '../../src/model/estimative.js';
import { getPoissonWeights } from '../../src/explore/poisson-weights.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';

/** A scenario of one party, facts, hypothetical events and outcomes, written as data (JSON is YAML). */
function scenario(parts: { facts?: object; events: object; outcomes: object; likelihoodWindow?: number }) {
  return {
    parley: 1,
    title: 'odds',
    source: { title: 't', paragraphs: ['P1'] },
    ...(parts.likelihoodWindow !== undefined && { likelihoodWindow: parts.likelihoodWindow }),
    facts: {
      a: { type: 'boolean', initial: false, describes: 'a', cites: ['P1'] },
      b: { type: 'boolean', initial: false, describes: 'b', cites: ['P1'] },
      ...parts.facts,
    },
    parties: { x: { name: 'X', cites: ['P1'], initial: 's', stances: { s: { defines: 's', cites: ['P1'] } } } },
    events: { start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' }, ...parts.events },
    outcomes: parts.outcomes,
    timeline: ['start'],
  };
}

const event = (likelihood: unknown, extra: object = {}) => ({
  kind: 'hypothetical',
  likelihood,
  summary: 'e',
  cites: ['P1'],
  quote: 'q',
  ...extra,
});

const reachA = { 'a-set': { means: 'a', cites: ['P1'], when: { fact: { a: true } } } };

function oddsOf(data: object, within: number, outcome = 0) {
  const result = explore(loadScenario(JSON.stringify(data)), { within });
  const o = result.outcomes[outcome];
  if (!o || o.probability === null) throw new Error('expected exact odds');
  expect(result.odds?.errorBound).toBeLessThanOrEqual(1e-9);
  return { probability: o.probability, curve: o.reachedByDay ?? [], holdsAtEnd: o.holdsAtEnd ?? Number.NaN };
}

describe('a likelihood means what the file says', () => {
  it('an isolated event of each estimative word happens within its window with the word’s number, to 1e-9', () => {
    for (const band of ESTIMATIVE_BANDS) {
      for (const word of [band.word, ...band.synonyms]) {
        const { probability } = oddsOf(
          scenario({ events: { e: event(word, { set: { a: true } }) }, outcomes: reachA }),
          7,
        );
        expect(Math.abs(probability - band.value), word).toBeLessThan(1e-9);
      }
    }
  });

  it('and a number, within the scenario’s window or the event’s own', () => {
    for (const p of [0.01, 0.1, 0.37, 0.5, 0.9, 0.999]) {
      for (const [scenarioWindow, eventWindow, days] of [
        [7, undefined, 7],
        [3, undefined, 3],
        [7, 14, 14],
        [7, 1, 1],
      ] as const) {
        const data = scenario({
          likelihoodWindow: scenarioWindow,
          events: { e: event(p, { set: { a: true }, ...(eventWindow !== undefined && { window: eventWindow }) }) },
          outcomes: reachA,
        });
        expect(Math.abs(oddsOf(data, days).probability - p), `${p} within ${days}`).toBeLessThan(1e-9);
      }
    }
  });

  it('compounds over a horizon longer than its window, day by day: 1 - (1 - p)^(days / window)', () => {
    const p = 0.4;
    const { probability, curve } = oddsOf(
      scenario({ events: { e: event(p, { set: { a: true } }) }, outcomes: reachA }),
      30,
    );
    expect(Math.abs(probability - (1 - (1 - p) ** (30 / 7)))).toBeLessThan(1e-9);
    expect(curve).toHaveLength(30);
    curve.forEach((value, d) => expect(Math.abs(value - (1 - (1 - p) ** ((d + 1) / 7)))).toBeLessThan(1e-9));
  });

  it('one event after another: the second needs the first, their times add up (a hypoexponential law)', () => {
    const [p, q] = [0.6, 0.3];
    const data = scenario({
      events: {
        first: event(p, { set: { a: true } }),
        second: event(q, { requires: { fact: { a: true } }, set: { b: true } }),
      },
      outcomes: { both: { means: 'both', cites: ['P1'], when: { fact: { b: true } } } },
    });
    const [l1, l2] = [-Math.log1p(-p) / 7, -Math.log1p(-q) / 7];
    const t = 10;
    const exact = 1 - (l2 * Math.exp(-l1 * t) - l1 * Math.exp(-l2 * t)) / (l2 - l1);
    expect(Math.abs(oddsOf(data, t).probability - exact)).toBeLessThan(1e-9);
  });

  it('holds at the end: an event undone by another, a two-state chain', () => {
    const [p, q] = [0.5, 0.2];
    const data = scenario({
      events: {
        on: event(p, { requires: { fact: { a: false } }, set: { a: true } }),
        off: event(q, { requires: { fact: { a: true } }, set: { a: false } }),
      },
      outcomes: reachA,
    });
    const [up, down] = [-Math.log1p(-p) / 7, -Math.log1p(-q) / 7];
    const t = 9;
    const { probability, holdsAtEnd } = oddsOf(data, t);
    expect(Math.abs(probability - (1 - Math.exp(-up * t)))).toBeLessThan(1e-9);
    expect(Math.abs(holdsAtEnd - (up / (up + down)) * (1 - Math.exp(-(up + down) * t)))).toBeLessThan(1e-9);
  });

  it('stays within its error bound of 1e-9 over the longest horizons, each day’s share of it smaller', () => {
    // Fast events (a window of a twentieth of a day) make each day's Poisson sums long, so that a
    // fixed allowance a day would add up past 1e-9 within a few hundred days.
    const [p, q] = [0.9, 0.6];
    const data = scenario({
      events: {
        on: event(p, { requires: { fact: { a: false } }, set: { a: true }, window: 0.05 }),
        off: event(q, { requires: { fact: { a: true } }, set: { a: false }, window: 0.05 }),
      },
      outcomes: reachA,
    });
    const [up, down] = [-Math.log1p(-p) / 0.05, -Math.log1p(-q) / 0.05];
    for (const t of [300, 20_000]) {
      const { holdsAtEnd } = oddsOf(data, t);
      expect(Math.abs(holdsAtEnd - up / (up + down)), `within ${t} days`).toBeLessThan(1e-9);
    }
  });

  it('an urgent deadline takes no time: what has not happened by the end of its day happens then', () => {
    const p = 0.2;
    const data = scenario({
      events: { lapse: event(p, { urgent: { day: { atLeast: 3 } }, set: { a: true } }) },
      outcomes: reachA,
    });
    const { curve, probability } = oddsOf(data, 10);
    const rate = -Math.log1p(-p) / 7;
    for (const d of [0, 1, 2])
      expect(Math.abs((curve[d] as number) - (1 - Math.exp(-rate * (d + 1))))).toBeLessThan(1e-9);
    expect(curve[3]).toBeGreaterThan(1 - 1e-9);
    expect(probability).toBeGreaterThan(1 - 1e-9);
  });

  it('an outcome met in passing at a day’s end counts, though the next urgent event undoes it', () => {
    const data = scenario({
      events: {
        raise: event(0.01, { urgent: true, requires: { fact: { a: false, b: false } }, set: { a: true } }),
        lower: event(0.01, { urgent: true, requires: { fact: { a: true } }, set: { a: false, b: true } }),
      },
      outcomes: reachA,
    });
    const { probability, holdsAtEnd } = oddsOf(data, 2);
    expect(probability).toBeGreaterThan(1 - 1e-9);
    expect(holdsAtEnd).toBeLessThan(1e-9);
  });
});

describe('Poisson weights for uniformisation', () => {
  it('are the Poisson probabilities, and what they leave out is within the bound they give', () => {
    for (const lambda of [0.001, 0.5, 1, 3.7, 25, 180, 1200]) {
      const { left, weights, truncated } = getPoissonWeights(lambda, 1e-11);
      expect(truncated).toBeLessThanOrEqual(1e-11);
      const sum = weights.reduce((a, b) => a + b, 0);
      expect(Math.abs(1 - sum)).toBeLessThanOrEqual(truncated + 1e-12);
      if (lambda < 100) {
        let direct = Math.exp(-lambda);
        for (let k = 1; k <= left; k++) direct *= lambda / k;
        weights.forEach((w, i) => {
          expect(Math.abs(w - direct) / direct).toBeLessThan(1e-11);
          direct *= lambda / (left + i + 1);
        });
      }
    }
  });
});

describe('calendar odds on random models', () => {
  it('curves never fall, end at the probability, and what holds at the end was reached (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 8 }), (model, days) => {
        const start = resolveStart(model, { kind: 'end' });
        if ('error' in start) throw new Error(start.error);
        const result = exploreScenario(model, start, { horizonDays: days, maxStates: 100_000 });
        for (const o of result.outcomes) {
          const curve = o.reachedByDay ?? [];
          expect(curve).toHaveLength(days);
          curve.forEach((v, d) => expect(v).toBeGreaterThanOrEqual((curve[d - 1] ?? 0) - 1e-12));
          expect(curve.at(-1)).toBe(o.probability);
          expect(o.holdsAtEnd as number).toBeLessThanOrEqual((o.probability as number) + 1e-9);
          expect(o.holdsAtEnd as number).toBeGreaterThanOrEqual(0);
          if (o.status === 'unreachable') expect(o.probability).toBe(0);
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });
});
