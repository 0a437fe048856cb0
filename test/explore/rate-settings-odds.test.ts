import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, loadGenerated } from '../../bench/generated-models.js';
import { getDayEnds } from '../../src/explore/day-ends.js';
import { getDayTransitions } from '../../src/explore/day-transitions.js';
import { exploreFrom } from '../../src/explore/exploration.js';
import { getReachOddsForRates, type ReachOdds } from '../../src/explore/rate-settings-odds.js';
import type { StateGraph } from '../../src/explore/state-graph.js';
import { getTimeBoundedOdds } from '../../src/explore/time-bounded-odds.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';

function graphOf(model: Model, days: number): StateGraph {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return exploreFrom(model, start, { horizonDays: days, maxStates: 200_000 }).graph;
}

/** Rate settings as sensitivity makes them: nominal, one move at a time moved both ways, all scaled, all moved. */
function settingsOf(graph: StateGraph): Float64Array[] {
  const nominal = graph.compiled.rates;
  const settings = [nominal];
  nominal.forEach((r, move) => {
    if (move === graph.compiled.dayMove) return;
    for (const factor of [0, 0.5, 3]) {
      const moved = Float64Array.from(nominal);
      moved[move] = r * factor + (factor === 3 ? 0.05 : 0);
      settings.push(moved);
    }
  });
  settings.push(nominal.map((r) => r / 4.5));
  settings.push(nominal.map((r, move) => r * (move % 2 === 0 ? 1.7 : 0.3)));
  return settings;
}

/** The largest difference between each setting's odds and its own direct solve's (Infinity for a missing setting). */
function differenceFromDirect(
  graph: StateGraph,
  settings: readonly Float64Array[],
  odds: readonly ReachOdds[],
): number {
  const outcomes = graph.compiled.outcomes.map((_, o) => o);
  const dayEnds = getDayEnds(graph);
  let worst = 0;
  settings.forEach((rates, s) => {
    const got = odds[s];
    const direct = getTimeBoundedOdds(graph, outcomes, rates, dayEnds);
    if (!got || got.reachedByDay.length !== direct.reachedByDay.length) {
      worst = Infinity;
      return;
    }
    direct.reachedByDay.forEach((p, at) => (worst = Math.max(worst, Math.abs(p - (got.reachedByDay[at] as number)))));
    worst = Math.max(worst, Math.abs(direct.errorBound - got.errorBound));
  });
  return worst;
}

function solveAll(graph: StateGraph, settings: readonly Float64Array[]): ReachOdds[] {
  const outcomes = graph.compiled.outcomes.map((_, o) => o);
  return getReachOddsForRates(graph, outcomes, settings, getDayEnds(graph), getDayTransitions(graph, true));
}

describe('odds for many rate settings at once', () => {
  it('are each setting’s own solve, bit for bit, on random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 6 }), (model, days) => {
        const graph = graphOf(model, days);
        const settings = settingsOf(graph);
        expect(differenceFromDirect(graph, settings, solveAll(graph, settings))).toBe(0);
      }),
      { numRuns: 40, seed: 20261204 },
    );
  });

  it('and on a generated negotiation with facts and guards, to 1e-12', () => {
    const graph = graphOf(loadGenerated(generateLargeScenario(3, 3)), 5);
    const settings = settingsOf(graph);
    expect(settings.length).toBeGreaterThan(20);
    expect(differenceFromDirect(graph, settings, solveAll(graph, settings))).toBeLessThan(1e-12);
  });

  it('a variant that gives each setting its neighbour’s columns fails the comparison', () => {
    const graph = graphOf(loadGenerated(generateLargeScenario(3, 3)), 5);
    const settings = settingsOf(graph);
    const odds = solveAll(graph, settings);
    const shifted = [...odds.slice(1), odds[0] as ReachOdds];
    expect(differenceFromDirect(graph, settings, shifted)).toBeGreaterThan(1e-6);
  });

  it('stop between blocks with the settings solved by then, told one by one', () => {
    const graph = graphOf(loadGenerated(generateLargeScenario(3, 3)), 4);
    const settings = settingsOf(graph).slice(0, 7);
    const outcomes = graph.compiled.outcomes.map((_, o) => o);
    const told: number[] = [];
    let asked = 0;
    const odds = getReachOddsForRates(graph, outcomes, settings, getDayEnds(graph), getDayTransitions(graph, true), {
      solved: (n) => told.push(n),
      shouldStop: () => ++asked > 2,
    });
    // Two blocks of four columns: four settings of two outcomes.
    expect(outcomes.length).toBe(2);
    expect(told).toEqual([2, 4]);
    expect(odds.length).toBe(4);
    expect(differenceFromDirect(graph, settings.slice(0, 4), odds)).toBe(0);
  });
});
