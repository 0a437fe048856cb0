import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGenerated } from '../../bench/generated-models.js';
import { withLikelihoods } from '../../src/analysis/model-variants.js';
import {
  analyseSensitivity,
  MAX_CORNER_ASSUMPTIONS,
  type OutcomeSensitivity,
  type SensitivityResult,
} from '../../src/analysis/sensitivity.js';
import { ESTIMATIVE_BANDS } from '../../src/model/estimative.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { EventId } from '../../src/model/ids.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryScenarioData } from '../helpers/random-models.js';
import { expectRankedBySwing } from '../helpers/swing-order.js';

/**
 * Sensitivity on generated models. Every expected value is recomputed by a fresh exploration of a
 * model whose likelihoods are set to numbers (`withLikelihoods`), never by the sensitivity code.
 */

const HORIZON_DAYS = 6;
const LIMITS = {
  maxStates: 200_000,
  horizonDays: HORIZON_DAYS,
  windowRange: [3, 14] as const,
  horizonRange: [4, 9] as const,
};
/** Two exact solutions of the same linear system, by different routes, agree to rounding. */
const CLOSE = 1e-9;

const startOf = (model: Model) => {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
};

/** Every outcome's exact probability, by a new exploration. */
function probabilities(model: Model): number[] {
  const result = exploreScenario(model, startOf(model), LIMITS);
  expect(result.search.exhaustive).toBe(true);
  return result.outcomes.map((o) => o.probability ?? Number.NaN);
}

/** A likelihood as a scenario file writes it: a number, an interval, or an estimative word, with the band the test expects. */
type RawLikelihood = { written: number | [number, number] | string; band: [number, number] | null };

const arbitraryProbability = fc.integer({ min: 1, max: 99 }).map((n) => n / 100);
const arbitraryLikelihood: fc.Arbitrary<RawLikelihood> = fc.oneof(
  { weight: 1, arbitrary: arbitraryProbability.map((p) => ({ written: p, band: null })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(arbitraryProbability, arbitraryProbability)
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => ({
        written: [Math.min(a, b), Math.max(a, b)] as [number, number],
        band: [Math.min(a, b), Math.max(a, b)] as [number, number],
      })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...ESTIMATIVE_BANDS)
      .map((b) => ({ written: b.word, band: [b.low, b.high] as [number, number] })),
  },
);

/** The random negotiations of the other property tests, with each hypothetical event's likelihood replaced by a random number, interval or word. */
const arbitraryUncertainModel = fc
  .tuple(arbitraryScenarioData, fc.array(arbitraryLikelihood, { minLength: 5, maxLength: 5 }))
  .map(([data, likelihoods]) => {
    const events = { ...(data.events as Record<string, Record<string, unknown>>) };
    const bands = new Map<string, [number, number]>();
    let i = 0;
    for (const [id, event] of Object.entries(events)) {
      if (event.kind !== 'hypothetical') continue;
      const l = likelihoods[i++ % likelihoods.length] as RawLikelihood;
      events[id] = { ...event, likelihood: l.written };
      if (l.band) bands.set(id, l.band);
    }
    return { model: loadGenerated({ ...data, events }), bands };
  });

/**
 * A family where the documented exactness condition holds by construction: each hypothetical
 * event moves one party forward (by 1 or 2 stances, capped at its last stance) and nothing moves
 * a party back; no guards, no facts, no urgency. Each outcome asks, per party of a subset, for a
 * stance at least t or below t. In the continuous-time chain the explorer solves, a higher rate of
 * an event only adds firings that move its party forward (coupling by superposition), so every
 * outcome's probability moves one way as each likelihood grows: "at least" outcomes up, "below"
 * outcomes down. The README says the range is then exact.
 */
const arbitraryForwardEvent = fc.record({
  party: fc.nat(),
  jump: fc.integer({ min: 1, max: 2 }),
  likelihood: arbitraryLikelihood,
});
const arbitraryMonotoneModel = fc
  .record({
    stances: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 }),
    // Few events (every corner solved) or many (more than 10 assumptions: directed corners).
    events: fc.oneof(
      fc.array(arbitraryForwardEvent, { minLength: 1, maxLength: 6 }),
      fc.array(arbitraryForwardEvent, { minLength: 12, maxLength: 16 }),
    ),
    outcomes: fc.array(
      fc.array(fc.record({ party: fc.nat(), atLeast: fc.boolean(), threshold: fc.nat() }), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ stances, events, outcomes }) => {
    const parties = stances.length;
    const partyData: Record<string, unknown> = {};
    const eventData: Record<string, unknown> = {
      start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
    };
    const bands = new Map<string, [number, number]>();
    const stanceData = stances.map(() => [] as Record<string, string>[]);
    stances.forEach((k, p) => {
      for (let s = 0; s < k; s++) (stanceData[p] as Record<string, string>[]).push({});
    });
    events.forEach((e, i) => {
      const id = `e${i}`;
      const p = e.party % parties;
      const k = stances[p] as number;
      for (let s = 0; s < k - 1; s++)
        ((stanceData[p] as Record<string, string>[])[s] as Record<string, string>)[id] =
          `s${Math.min(s + e.jump, k - 1)}`;
      eventData[id] = {
        kind: 'hypothetical',
        likelihood: e.likelihood.written,
        summary: id,
        cites: ['P1'],
        quote: 'q',
      };
      if (e.likelihood.band) bands.set(id, e.likelihood.band);
    });
    stances.forEach((k, p) => {
      const states: Record<string, unknown> = {};
      for (let s = 0; s < k; s++)
        states[`s${s}`] = { defines: 'x', cites: ['P1'], on: (stanceData[p] as Record<string, string>[])[s] };
      partyData[`p${p}`] = { name: `P${p}`, cites: ['P1'], initial: 's0', stances: states };
    });
    const outcomeData: Record<string, unknown> = {};
    const directions = new Map<string, Map<number, 1 | -1>>();
    outcomes.forEach((clauses, o) => {
      const stance: Record<string, string[]> = {};
      const direction = new Map<number, 1 | -1>();
      // The first clause asks for progress, so that no outcome holds at the start.
      for (const [i, c] of clauses.entries()) {
        const p = c.party % parties;
        const atLeast = i === 0 || c.atLeast;
        if (direction.has(p)) continue;
        const k = stances[p] as number;
        const t = 1 + (c.threshold % (k - 1));
        stance[`p${p}`] = Array.from({ length: k }, (_, s) => `s${s}`).filter((_, s) => (atLeast ? s >= t : s < t));
        direction.set(p, atLeast ? 1 : -1);
      }
      outcomeData[`o${o}`] = { means: 'x', cites: ['P1'], when: { stance } };
      directions.set(`o${o}`, direction);
    });
    const model = loadGenerated({
      parley: 1,
      title: 'monotone',
      source: { title: 't', paragraphs: ['P1'] },
      parties: partyData,
      events: eventData,
      outcomes: outcomeData,
      timeline: ['start'],
    });
    const partyOf = new Map(events.map((e, i) => [`e${i}`, e.party % parties]));
    return { model, bands, directions, partyOf };
  });

/** The rows of a tornado that move one likelihood. */
const likelihoodRows = (o: OutcomeSensitivity) => o.tornado.flatMap((t) => (t.kind === 'likelihood' ? [t] : []));

/** The checks that hold for any model: the nominal point, the tornado, the documented range. */
function checkAgainstExplorations(
  model: Model,
  bands: ReadonlyMap<string, [number, number]>,
  result: SensitivityResult,
): void {
  expect(result.exhaustive).toBe(true);
  expect(result.stopped).toBe(false);
  // The assumptions are the hypothetical events whose likelihood is a band (an interval or a word), with that band.
  expect(new Map(result.assumptions.map((a) => [a.event as string, [a.low, a.high]]))).toEqual(bands);
  expect(result.method).toBe(result.assumptions.length <= MAX_CORNER_ASSUMPTIONS ? 'corners' : 'directed-corners');

  const nominal = probabilities(model);
  expect(result.outcomes.map((o) => o.id)).toEqual(model.outcomes.map((o) => o.id));
  result.outcomes.forEach((o, k) => {
    expect(Math.abs(o.nominal - (nominal[k] as number)), `${o.id} nominal`).toBeLessThan(CLOSE);
    expect(o.low, `${o.id} low <= nominal`).toBeLessThanOrEqual(o.nominal);
    expect(o.high, `${o.id} high >= nominal`).toBeGreaterThanOrEqual(o.nominal);
    expect(
      likelihoodRows(o)
        .map((t) => t.event)
        .sort(),
    ).toEqual(result.assumptions.map((a) => a.event).sort());
    expectRankedBySwing(o.tornado, result.errorBound);
  });

  // Each row of the tornado: that one likelihood at an end of its band, every other at its nominal value.
  const solved: number[][] = [nominal];
  for (const a of result.assumptions) {
    const atLow = probabilities(withLikelihoods(model, new Map([[a.event, a.low]])));
    const atHigh = probabilities(withLikelihoods(model, new Map([[a.event, a.high]])));
    solved.push(atLow, atHigh);
    result.outcomes.forEach((o, k) => {
      const row = likelihoodRows(o).find((t) => t.event === a.event);
      expect(
        Math.abs((row?.atLow ?? Number.NaN) - (atLow[k] as number)),
        `${o.id}: ${a.event} at ${a.low}`,
      ).toBeLessThan(CLOSE);
      expect(
        Math.abs((row?.atHigh ?? Number.NaN) - (atHigh[k] as number)),
        `${o.id}: ${a.event} at ${a.high}`,
      ).toBeLessThan(CLOSE);
      expect(
        Math.abs((row?.swing ?? Number.NaN) - Math.abs((atHigh[k] as number) - (atLow[k] as number))),
      ).toBeLessThan(CLOSE);
    });
  }

  // The structural rows: every window scaled to the ends of its range, and the horizon at the ends
  // of its: each a fresh exploration of the model so changed.
  const { window, horizon } = result.structural;
  const scaled = (days: number): Model => ({
    ...model,
    likelihoodWindow: days,
    events: model.events.map((e) => (e.window ? { ...e, window: (e.window * days) / window.nominal } : e)),
  });
  const within = (days: number) =>
    exploreScenario(model, startOf(model), { ...LIMITS, horizonDays: days }).outcomes.map((o) => o.probability ?? NaN);
  const structural = {
    window: [probabilities(scaled(window.low)), probabilities(scaled(window.high))],
    horizon: [within(horizon.low), within(horizon.high)],
  };
  result.outcomes.forEach((o, k) => {
    for (const kind of ['window', 'horizon'] as const) {
      const row = o.tornado.find((t) => t.kind === kind);
      const [low, high] = structural[kind] as [number[], number[]];
      expect(Math.abs((row?.atLow ?? NaN) - (low[k] as number)), `${o.id}: ${kind} low`).toBeLessThan(CLOSE);
      expect(Math.abs((row?.atHigh ?? NaN) - (high[k] as number)), `${o.id}: ${kind} high`).toBeLessThan(CLOSE);
    }
  });

  // With few assumptions the range is, as documented, the lowest and highest over the nominal
  // point, the tornado's ends and every corner of the box: recompute each and compare.
  if (result.method === 'corners') {
    const n = result.assumptions.length;
    for (let corner = 0; corner < 2 ** n; corner++) {
      solved.push(
        probabilities(
          withLikelihoods(
            model,
            new Map(result.assumptions.map((a, j) => [a.event, (corner >> j) & 1 ? a.high : a.low])),
          ),
        ),
      );
    }
    result.outcomes.forEach((o, k) => {
      const values = solved.map((v) => v[k] as number);
      expect(Math.abs(o.low - Math.min(...values)), `${o.id} low`).toBeLessThan(CLOSE);
      expect(Math.abs(o.high - Math.max(...values)), `${o.id} high`).toBeLessThan(CLOSE);
    });
  } else {
    // Every point solved for the tornado is inside the range.
    result.outcomes.forEach((o, k) => {
      for (const v of solved) {
        expect(v[k] as number).toBeGreaterThanOrEqual(o.low - CLOSE);
        expect(v[k] as number).toBeLessThanOrEqual(o.high + CLOSE);
      }
    });
  }
}

describe('sensitivity on generated models', () => {
  it('random negotiations: the nominal point, each tornado row and the range of corners agree with fresh explorations (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryUncertainModel, ({ model, bands }) => {
        checkAgainstExplorations(model, bands, analyseSensitivity(model, startOf(model), LIMITS));
      }),
      { numRuns: 60, seed: 2031 },
    );
  });

  it('where each probability moves one way as each likelihood grows, every point inside the bands falls in the range, by either method (fast-check)', () => {
    const methods = new Set<string>();
    fc.assert(
      fc.property(
        arbitraryMonotoneModel,
        fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 16, maxLength: 16 }), {
          minLength: 6,
          maxLength: 6,
        }),
        ({ model, bands, directions, partyOf }, points) => {
          const result = analyseSensitivity(model, startOf(model), LIMITS);
          methods.add(result.method);
          checkAgainstExplorations(model, bands, result);
          // The construction's premise, checked: each tornado row moves its outcome the way the coupling says (or not at all).
          for (const o of result.outcomes) {
            for (const t of likelihoodRows(o)) {
              const direction = directions.get(o.id)?.get(partyOf.get(t.event) as number) ?? 0;
              if (direction === 0) expect(t.swing, `${o.id} does not read ${t.event}'s party`).toBeLessThan(CLOSE);
              else expect(direction * (t.atHigh - t.atLow), `${o.id}: ${t.event}`).toBeGreaterThanOrEqual(-CLOSE);
            }
          }
          // Exact range: by monotonicity the extremes over the box are the corners where every
          // likelihood sits at the end that (by construction) lowers or raises the outcome.
          result.outcomes.forEach((o, k) => {
            const corner = (sign: 1 | -1) =>
              new Map(
                result.assumptions.map((a) => [
                  a.event,
                  sign * (directions.get(o.id)?.get(partyOf.get(a.event) as number) ?? 1) > 0 ? a.high : a.low,
                ]),
              );
            expect(
              Math.abs(o.high - (probabilities(withLikelihoods(model, corner(1)))[k] as number)),
              `${o.id} high`,
            ).toBeLessThan(CLOSE);
            expect(
              Math.abs(o.low - (probabilities(withLikelihoods(model, corner(-1)))[k] as number)),
              `${o.id} low`,
            ).toBeLessThan(CLOSE);
          });
          for (const fractions of points) {
            const point = new Map(
              result.assumptions.map((a, j) => [
                a.event as EventId,
                a.low + (fractions[j] as number) * (a.high - a.low),
              ]),
            );
            probabilities(withLikelihoods(model, point)).forEach((p, k) => {
              const o = result.outcomes[k];
              expect(p, `${o?.id} at ${JSON.stringify([...point])}`).toBeGreaterThanOrEqual((o?.low ?? 1) - CLOSE);
              expect(p, `${o?.id} at ${JSON.stringify([...point])}`).toBeLessThanOrEqual((o?.high ?? 0) + CLOSE);
            });
          }
        },
      ),
      { numRuns: 60, seed: 1203 },
    );
    // Both ways of finding the range were exercised.
    expect([...methods].sort()).toEqual(['corners', 'directed-corners']);
  });
});
