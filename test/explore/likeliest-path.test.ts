import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadGenerated } from '../../bench/generated-models.js';
import { getDayEnds, type DayEnds } from '../../src/explore/day-ends.js';
import { exploreFrom } from '../../src/explore/exploration.js';
import {
  findLikeliestPath,
  getPathProbability,
  getRacingRate,
  logPoissonTail,
} from '../../src/explore/likeliest-path.js';

const logFactorial = (j: number) => Array.from({ length: j }, (_, i) => Math.log(i + 1)).reduce((a, b) => a + b, 0);
import { outcomeHolds, type StateGraph } from '../../src/explore/state-graph.js';
import { getOutcomeCurve, getTimeBoundedOdds } from '../../src/explore/time-bounded-odds.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryScenarioData } from '../helpers/random-models.js';
import { DEADLINE, ROOT } from '../helpers/scenarios.js';

/**
 * The exact probability of a path is checked by summing it over every path: the paths that first
 * reach an outcome are disjoint and together are the event of reaching it, so their probabilities
 * add up to the outcome's probability, which uniformisation solves independently. The likeliest
 * path is checked against every path, by the weights the search documents.
 */

const CLOSE = 1e-9;

function explored(model: Model, horizonDays: number) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const { graph } = exploreFrom(model, start, { maxStates: 100_000, horizonDays });
  expect(graph.exhaustive).toBe(true);
  return { graph, dayEnds: getDayEnds(graph) };
}

/** True when no state can come back to itself within a day: then the paths are finitely many. */
function isAcyclicWithinDays(graph: StateGraph): boolean {
  const colour = new Uint8Array(graph.keys.length);
  const visit = (s: number): boolean => {
    colour[s] = 1;
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      if (graph.edgeMoves[e] === graph.compiled.dayMove) continue;
      const t = graph.edgeTargets[e] as number;
      if (colour[t] === 1 || (colour[t] === 0 && !visit(t))) return false;
    }
    colour[s] = 2;
    return true;
  };
  for (let s = 0; s < graph.expanded; s++) if (colour[s] === 0 && !visit(s)) return false;
  return true;
}

interface Path {
  moves: number[];
  states: number[];
  /** The path's weight as the search documents it: -log of each move's probability, a day's jumps a Poisson number. */
  cost: number;
}

/** Every path from the start that first reaches the target, as the calendar chain can take it. */
function allPaths(graph: StateGraph, dayEnds: DayEnds, target: (s: number) => boolean): Path[] {
  const paths: Path[] = [];
  // j: the events so far that day, weighed as the search documents (a Poisson number of jumps a day).
  const walk = (s: number, path: Path, j: number) => {
    if (s !== 0 && target(s)) return void paths.push(path);
    if (s >= graph.expanded) return;
    const rates = graph.compiled.rates;
    const total = getRacingRate(graph, s, rates);
    const w = Math.min(j, 4);
    for (let e = graph.edgeStart[s] as number; e < (graph.edgeStart[s + 1] as number); e++) {
      const move = graph.edgeMoves[e] as number;
      if (move === graph.compiled.dayMove || !((rates[move] as number) > 0)) continue;
      const t = graph.edgeTargets[e] as number;
      const another = logPoissonTail(total, w + 1) - logPoissonTail(total, w);
      const cost = path.cost - Math.log((rates[move] as number) / total) - another;
      walk(t, { moves: [...path.moves, move], states: [...path.states, t], cost }, j + 1);
    }
    // The day's end: its urgent events, then the day passing (a target met on the way ends the path).
    const next = dayEnds.nextDayStart[s] as number;
    if (next < 0) return;
    // P(N = j) / P(N >= j): no more events that day.
    const none = total > 0 ? -total + w * Math.log(total) - logFactorial(w) - logPoissonTail(total, w) : 0;
    const moves = [...path.moves];
    const states = [...path.states];
    let from = s;
    const first = dayEnds.cascadeStart[s] as number;
    for (let c = first; c <= (dayEnds.cascadeStart[s + 1] as number); c++) {
      const to = c < (dayEnds.cascadeStart[s + 1] as number) ? (dayEnds.cascadeStates[c] as number) : next;
      moves.push(dayEnds.endMove[from] as number);
      states.push(to);
      from = to;
      if (c < (dayEnds.cascadeStart[s + 1] as number) && target(to))
        return void paths.push({ moves, states, cost: path.cost - none });
    }
    walk(next, { moves, states, cost: path.cost - none }, 0);
  };
  walk(0, { moves: [], states: [0], cost: 0 }, 0);
  return paths;
}

/** The paths with their moves in common counted once: a move sequence's probability counts every way the chain takes it. */
function distinct(paths: Path[]): Path[] {
  const byMoves = new Map<string, Path>();
  for (const p of paths) if (!byMoves.has(p.moves.join())) byMoves.set(p.moves.join(), p);
  return [...byMoves.values()];
}

function checkModel(model: Model, horizonDays: number): void {
  const { graph, dayEnds } = explored(model, horizonDays);
  if (!isAcyclicWithinDays(graph)) return;
  const odds = getTimeBoundedOdds(
    graph,
    model.outcomes.map((_, o) => o),
    graph.compiled.rates,
    dayEnds,
  );
  model.outcomes.forEach((outcome, o) => {
    const target = (s: number) => outcomeHolds(graph, s, o);
    const paths = allPaths(graph, dayEnds, target);
    const total = distinct(paths).reduce((sum, p) => sum + getPathProbability(graph, dayEnds, p), 0);
    const expected = getOutcomeCurve(odds, o).at(-1) ?? 0;
    expect(Math.abs(total - expected), `${outcome.id}: the paths' probabilities add up to the outcome's`).toBeLessThan(
      CLOSE,
    );
    const found = findLikeliestPath(graph, dayEnds, target);
    if (paths.length === 0) return void expect(found).toBeNull();
    // The search finds a path of the least documented weight, and reports its exact probability.
    const least = Math.min(...paths.map((p) => p.cost));
    const same = paths.filter((p) => p.moves.join() === found?.moves.join());
    expect(same.length, `${outcome.id}: the path found is one of the paths`).toBeGreaterThan(0);
    expect(Math.min(...same.map((p) => p.cost)) - least).toBeLessThan(CLOSE);
    expect(found?.probability).toBeCloseTo(getPathProbability(graph, dayEnds, same[0] as Path), 12);
  });
}

const readData = (file: string) => parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('path probabilities and the likeliest path', () => {
  it('a tiny negotiation: every path to the deal, and the likeliest, agree with the exact odds', () => {
    checkModel(loadGenerated(readData(`${ROOT}/test/fixtures/tiny.yaml`)), 6);
  });

  it('urgent deadlines: paths that end amid a day’s end or at the start of a day', () => {
    const data = readData(DEADLINE);
    const outcomes = {
      ...(data.outcomes as object),
      lapsed: { means: 'x', cites: ['P1'], when: { fact: { lapsed: true } } },
      'offer-then-lapse': { means: 'x', cites: ['P1'], when: { fact: { offered: true, lapsed: true } } },
    };
    checkModel(loadGenerated({ ...data, outcomes }), 5);
  });

  it('generated negotiations without cycles within a day (fast-check)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryScenarioData, (data) => {
        const model = loadGenerated(data);
        const { graph } = explored(model, 3);
        fc.pre(isAcyclicWithinDays(graph));
        checked++;
        checkModel(model, 3);
      }),
      { numRuns: 40 },
    );
    expect(checked).toBeGreaterThan(10);
  });
});
