import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { withLikelihoods } from '../../src/analysis/model-variants.js';
import { analyseSensitivity } from '../../src/analysis/sensitivity.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { EventId } from '../../src/model/ids.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { ARTICLE, HARBOUR, loadModel } from '../helpers/scenarios.js';
import { expectRankedBySwing } from '../helpers/swing-order.js';

const startOf = (model: Model) => {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
};
const probabilities = (model: Model) =>
  exploreScenario(model, startOf(model), { maxStates: 1_000_000 }).outcomes.map((o) => o.probability ?? NaN);

describe('sensitivity', () => {
  it.each([ARTICLE, HARBOUR])(
    'solves again on one explored graph what a new exploration with those likelihoods gives (%s)',
    (path) => {
      const model = loadModel(path);
      const result = analyseSensitivity(model, startOf(model), { maxStates: 1_000_000 });
      const nominal = probabilities(model);
      result.outcomes.forEach((o, k) => expect(o.nominal).toBeCloseTo(nominal[k] as number, 12));
      for (const a of result.assumptions.slice(0, 4)) {
        const atLow = probabilities(withLikelihoods(model, new Map([[a.event as EventId, a.low]])));
        const atHigh = probabilities(withLikelihoods(model, new Map([[a.event as EventId, a.high]])));
        result.outcomes.forEach((o, k) => {
          const row = o.tornado.find((t) => t.kind === 'likelihood' && t.event === a.event);
          expect(row?.atLow).toBeCloseTo(atLow[k] as number, 12);
          expect(row?.atHigh).toBeCloseTo(atHigh[k] as number, 12);
        });
      }
    },
  );

  it('ranks assumptions by swing and gives a range that holds every probability within the bands tried', () => {
    const model = loadModel(ARTICLE);
    const result = analyseSensitivity(model, startOf(model), { maxStates: 1_000_000 });
    expect(result.method).toBe('directed-corners');
    expect(result.assumptions).toHaveLength(14);
    const rng = seedrandom.alea('sensitivity');
    for (let i = 0; i < 20; i++) {
      const point = new Map(result.assumptions.map((a) => [a.event as EventId, a.low + rng() * (a.high - a.low)]));
      probabilities(withLikelihoods(model, point)).forEach((p, k) => {
        const o = result.outcomes[k];
        expect(p).toBeGreaterThanOrEqual((o?.low ?? 1) - 1e-12);
        expect(p).toBeLessThanOrEqual((o?.high ?? 0) + 1e-12);
      });
    }
    for (const o of result.outcomes) {
      expect(o.low).toBeLessThanOrEqual(o.nominal);
      expect(o.high).toBeGreaterThanOrEqual(o.nominal);
      expectRankedBySwing(o.tornado, result.errorBound);
    }
  });

  it('moves the likelihood window and the horizon over their documented ranges, in the same tornado', () => {
    const model = loadModel(ARTICLE);
    const result = analyseSensitivity(model, startOf(model), { maxStates: 1_000_000 });
    expect(result.structural).toEqual({
      window: { nominal: 7, low: 3, high: 14 },
      horizon: { nominal: 30, low: 14, high: 60 },
    });
    const atWindow = (days: number) => probabilities({ ...model, likelihoodWindow: days });
    const within = (days: number) =>
      exploreScenario(model, startOf(model), { maxStates: 1_000_000, horizonDays: days }).outcomes.map(
        (o) => o.probability ?? NaN,
      );
    const ends = { window: [atWindow(3), atWindow(14)], horizon: [within(14), within(60)] };
    result.outcomes.forEach((o, k) => {
      for (const kind of ['window', 'horizon'] as const) {
        const row = o.tornado.find((t) => t.kind === kind);
        expect(row?.atLow).toBeCloseTo(ends[kind][0]?.[k] as number, 12);
        expect(row?.atHigh).toBeCloseTo(ends[kind][1]?.[k] as number, 12);
      }
    });
    // A shorter window means faster events: every outcome reached by then is reached sooner.
    const trilateral = result.outcomes.find((o) => o.id === 'trilateral-summit');
    expect(trilateral?.tornado.find((t) => t.kind === 'window')?.atLow).toBeGreaterThan(trilateral?.nominal as number);
  });

  it('solves every corner when there are few assumptions', () => {
    const model = loadModel(HARBOUR);
    const result = analyseSensitivity(model, startOf(model), { maxStates: 1_000_000 });
    expect(result.method).toBe('corners');
  });
});
