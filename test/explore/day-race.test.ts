import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findDeadEnds } from '../../src/explore/dead-ends.js';
import { getDayEnds } from '../../src/explore/day-ends.js';
import { getDayTransitions, type DayTransitions } from '../../src/explore/day-transitions.js';
import { exploreFrom } from '../../src/explore/exploration.js';
import { gatherPass } from '../../src/explore/gather-pass.js';
import type { StateGraph } from '../../src/explore/state-graph.js';
import { getOutcomeCurve, getTimeBoundedOdds } from '../../src/explore/time-bounded-odds.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { getReferenceOdds } from '../helpers/reference-odds.js';
import { ARTICLE, DEADLINE, HARBOUR, loadModel } from '../helpers/scenarios.js';

function graphOf(model: Model, days: number): StateGraph {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return exploreFrom(model, start, { horizonDays: days, maxStates: 200_000 }).graph;
}

/** Every outcome's curve and chance of holding at the end, by the solver. */
function solved(graph: StateGraph, rates?: Float64Array, keep = false) {
  const outcomes = graph.compiled.outcomes.map((_, o) => o);
  const odds = getTimeBoundedOdds(graph, outcomes, rates, getDayEnds(graph), undefined, getDayTransitions(graph, keep));
  return { reachedByDay: outcomes.map((o) => getOutcomeCurve(odds, o)), holdsAtEnd: Array.from(odds.holdsAtEnd) };
}

function expectClose(actual: ReturnType<typeof solved>, expected: ReturnType<typeof getReferenceOdds>) {
  actual.reachedByDay.forEach((curve, k) =>
    curve.forEach((p, d) => expect(Math.abs(p - (expected.reachedByDay[k]?.[d] as number))).toBeLessThan(1e-12)),
  );
  actual.holdsAtEnd.forEach((p, k) => expect(Math.abs(p - (expected.holdsAtEnd[k] as number))).toBeLessThan(1e-12));
}

describe('the day-by-day solver', () => {
  it('agrees with the plainest uniformisation, absorbing states kept, on random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 6 }), (model, days) => {
        const graph = graphOf(model, days);
        expectClose(solved(graph), getReferenceOdds(graph));
      }),
      { numRuns: 50, seed: 20261202 },
    );
  });

  it('and on the article, the harbour strike and the deadline fixture', () => {
    for (const [file, days] of [
      [ARTICLE, 30],
      [HARBOUR, 21],
      [DEADLINE, 10],
    ] as const) {
      const graph = graphOf(loadModel(file), days);
      expectClose(solved(graph), getReferenceOdds(graph));
    }
  });

  it('gives the same odds from transitions kept for later solves, on other rates too', () => {
    const graph = graphOf(loadModel(HARBOUR), 21);
    const kept = getDayTransitions(graph, true);
    expect(kept.of(0)).toBe(kept.of(0));
    const halved = graph.compiled.rates.map((r) => r / 2);
    for (const rates of [graph.compiled.rates, halved]) {
      const outcomes = graph.compiled.outcomes.map((_, o) => o);
      const again = getTimeBoundedOdds(graph, outcomes, rates, getDayEnds(graph), undefined, kept);
      expect(Array.from(again.reachedByDay)).toEqual(solved(graph, rates).reachedByDay.flat());
      expectClose(solved(graph, rates, true), getReferenceOdds(graph, rates));
    }
  });
});

describe('one pass of uniformisation over a day', () => {
  it('equals a column-by-column sum for any number of columns (fast-check)', () => {
    const rows = fc
      .record({
        count: fc.integer({ min: 1, max: 12 }),
        columns: fc.integer({ min: 1, max: 9 }),
        entries: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat({ max: 3 })), { maxLength: 40 }),
        values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 108, maxLength: 108 }),
      })
      .map(({ count, columns, entries, values }) => ({ count, columns, entries, values }));
    fc.assert(
      fc.property(rows, ({ count, columns, entries, values }) => {
        const edges = entries.map(([to, from, move]) => ({ to: to % count, from: from % count, move }));
        edges.sort((a, b) => a.to - b.to);
        const inStart = new Int32Array(count + 1);
        for (const e of edges) (inStart[e.to + 1] as number)++;
        for (let j = 0; j < count; j++) inStart[j + 1] = (inStart[j + 1] as number) + (inStart[j] as number);
        const transitions: DayTransitions = {
          count,
          inStart,
          inSource: Int32Array.from(edges, (e) => e.from),
          inMove: Uint16Array.from(edges, (e) => e.move),
        };
        const share = Float64Array.of(0.1, 0.25, 0.05, 0.3);
        const stay = Float64Array.from({ length: count }, (_, j) => 0.2 + j / (4 * count));
        const current = Float64Array.from({ length: count * columns }, (_, i) => values[i % values.length] as number);
        const following = new Float64Array(count * columns).fill(Number.NaN);
        gatherPass(transitions, share, stay, current, following, columns);
        for (let j = 0; j < count; j++)
          for (let c = 0; c < columns; c++) {
            let expected = (stay[j] as number) * (current[j * columns + c] as number);
            for (const e of edges.filter((x) => x.to === j))
              expected += (share[e.move] as number) * (current[e.from * columns + c] as number);
            expect(following[j * columns + c]).toBeCloseTo(expected, 14);
          }
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});

describe('dead ends', () => {
  /** A dead end by definition: expanded, with moves, and every path from it passes days only. */
  function isDeadByDefinition(graph: StateGraph, s: number): boolean {
    const { edgeStart, edgeTargets, edgeMoves, expanded } = graph;
    if (s >= expanded || edgeStart[s] === edgeStart[s + 1]) return false;
    const seen = new Set([s]);
    const queue = [s];
    while (queue.length > 0) {
      const state = queue.pop() as number;
      if (state >= expanded) return false;
      for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
        if (edgeMoves[e] !== graph.compiled.dayMove) return false;
        const t = edgeTargets[e] as number;
        if (seen.has(t)) continue;
        seen.add(t);
        queue.push(t);
      }
    }
    return true;
  }

  it('are the states from which only days pass, found in one pass from the last day (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 6 }), (model, days) => {
        const graph = graphOf(model, days);
        const dead = findDeadEnds(graph);
        for (let s = 0; s < graph.keys.length; s++) {
          const noMoves = s < graph.expanded && graph.edgeStart[s] === graph.edgeStart[s + 1];
          expect(dead[s]).toBe(noMoves ? 2 : isDeadByDefinition(graph, s) ? 1 : 0);
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
