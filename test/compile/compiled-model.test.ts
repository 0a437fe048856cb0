import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, generateParallelScenario, loadGenerated } from '../../bench/generated-models.js';
import { compileModel } from '../../src/compile/compiled-model.js';
import { getInitialJointState } from '../../src/engine/joint-state.js';
import { getMoves } from '../../src/engine/moves.js';
import type { Horizon } from '../../src/engine/horizon.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import { exploreStateGraph } from '../../src/explore/state-graph.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, HARBOUR, loadModel } from '../helpers/scenarios.js';

/**
 * Explores with the compiled tables and checks every explored state against the reference
 * semantics (`getMoves`, built on xstate's `transition`): the same moves, in the same order, with
 * the same weights, leading to the same states. Returns the number of edges compared.
 */
function checkAgreement(model: Model, horizonDays: number, maxEvents?: number): number {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const horizon: Horizon = { endDay: start.joint.day + horizonDays, ...(maxEvents !== undefined && { maxEvents }) };
  const compiled = compileModel(model, start.joint.day, horizon);
  const graph = exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: 200_000 });
  expect(graph.exhaustive).toBe(true);
  let edges = 0;
  for (let i = 0; i < graph.expanded; i++) {
    const key = graph.keys[i] as number;
    const { joint, eventsSoFar } = compiled.decode(key);
    expect(compiled.encode(joint, eventsSoFar)).toBe(key);
    const plain = getMoves(model, joint, horizon, eventsSoFar);
    const from = graph.edgeStart[i] as number;
    const to = graph.edgeStart[i + 1] as number;
    const fast = Array.from({ length: to - from }, (_, k) => ({
      move: compiled.moveAt(graph.edgeMoves[from + k] as number),
      weight: compiled.weightOf(graph.edgeMoves[from + k] as number),
      next: graph.keys[graph.edgeTargets[from + k] as number] as number,
    }));
    // Every state where time is up is one state for the compiled tables.
    const reference = plain.map((m) => ({
      move: m.move,
      weight: m.weight,
      next:
        m.next.day > horizon.endDay
          ? compiled.timeUpKey
          : compiled.encode(m.next, eventsSoFar + (m.move === '+1 day' ? 0 : 1)),
    }));
    expect(fast).toEqual(reference);
    for (const m of plain) {
      if (m.next.day <= horizon.endDay)
        expect(getJointStateKey(model, compiled.decode(compiled.encode(m.next, 0)).joint)).toBe(
          getJointStateKey(model, m.next),
        );
      else expect(getMoves(model, m.next, horizon)).toEqual([]);
    }
    edges += fast.length;
  }
  return edges;
}

describe('the compiled tables agree with xstate stepping on every explored edge', () => {
  it('for the article model, over 12 days', () => {
    expect(checkAgreement(loadModel(ARTICLE), 12)).toBeGreaterThan(1000);
  });

  it('for the harbour strike, with an event limit', () => {
    expect(checkAgreement(loadModel(HARBOUR), 10, 4)).toBeGreaterThan(100);
  });

  it('for a generated negotiation of independent parties (the explorer’s shorter path for simple events)', () => {
    const model = loadGenerated(generateParallelScenario(3, 4));
    expect(compileModel(model, 0, { endDay: 0 }).events.every((e) => e.simple)).toBe(true);
    expect(checkAgreement(model, 2)).toBeGreaterThan(500);
  });

  it('for a generated negotiation with facts and cross-party guards', () => {
    expect(checkAgreement(loadGenerated(generateLargeScenario(3, 3)), 1)).toBeGreaterThan(500);
  });

  it('for random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 0, max: 3 }), (model, days) => {
        checkAgreement(model, days);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});

describe('encoding', () => {
  it('round-trips joint states and tells different states apart', () => {
    const model = loadModel(ARTICLE);
    const initial = getInitialJointState(model);
    const compiled = compileModel(model, initial.day, { endDay: initial.day + 3 });
    const key = compiled.encode(initial);
    expect(getJointStateKey(model, compiled.decode(key).joint)).toBe(getJointStateKey(model, initial));
    const later = compiled.encode({ ...initial, day: initial.day + 1 });
    expect(later).not.toBe(key);
    expect(compiled.decode(later).joint.day).toBe(initial.day + 1);
  });

  it('refuses a state space too large to number exactly', () => {
    const model = loadGenerated(generateLargeScenario(30, 5));
    expect(() => compileModel(model, 0, { endDay: 10 })).toThrow(/too large to number exactly/);
  });
});
