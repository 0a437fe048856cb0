import { describe, expect, it } from 'vitest';
import { compileModel } from '../../src/compile/compiled-model.js';
import { getHorizon } from '../../src/engine/horizon.js';
import { resolveStart } from '../../src/run/start-point.js';
import { sampleRuns } from '../../src/sample/sample-runs.js';
import { mergeTally, createTally } from '../../src/sample/tally.js';
import { getWilsonInterval, Z99 } from '../../src/sample/wilson.js';
import { getMoves } from '../../src/engine/moves.js';
import { loadGenerated } from '../../bench/generated-models.js';
import { ARTICLE, IDLE_DATA, loadModel } from '../helpers/scenarios.js';

function setUp(path: string) {
  const model = loadModel(path);
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const compiled = compileModel(model, start.joint.day, getHorizon(start.joint.day, {}));
  return { compiled, startKey: compiled.encode(start.joint) };
}

describe('sampled runs', () => {
  it('let an event happen within the days with the chance its likelihood gives, never one that would change nothing', () => {
    // "idle" is possible but changes nothing; "act" changes a fact: within 2 days, 1 - e^(-2r).
    const model = loadGenerated(IDLE_DATA);
    const start = resolveStart(model, { kind: 'end' });
    if ('error' in start) throw new Error(start.error);
    const compiled = compileModel(model, 0, getHorizon(0, { horizonDays: 2 }));
    const tally = sampleRuns(compiled, compiled.encode(start.joint), 'draws', 0, 20_000);
    const moves = getMoves(model, start.joint, compiled.horizon);
    expect(moves.map((m) => m.move)).toEqual(['act', '+1 day']);
    const exact = -Math.expm1(-2 * (moves[0]?.weight ?? 0));
    const [low, high] = getWilsonInterval(tally.outcomes[0]?.hits ?? 0, tally.runs, Z99);
    expect(exact).toBeGreaterThanOrEqual(low);
    expect(exact).toBeLessThanOrEqual(high);
    expect([...(tally.outcomes[0]?.paths.keys() ?? [])]).toEqual([
      String(compiled.events.findIndex((e) => e.id === 'act')),
    ]);
  });

  it('do not depend on how runs are split into batches', () => {
    const { compiled, startKey } = setUp(ARTICLE);
    const whole = sampleRuns(compiled, startKey, 'split', 0, 2000);
    const parts = [sampleRuns(compiled, startKey, 'split', 0, 700), sampleRuns(compiled, startKey, 'split', 700, 2000)];
    const merged = parts.reduce(mergeTally, createTally(compiled.outcomes.length));
    expect(merged.runs).toBe(whole.runs);
    expect(merged.steps).toBe(whole.steps);
    expect(merged.outcomes.map((o) => o.hits)).toEqual(whole.outcomes.map((o) => o.hits));
    expect(merged.outcomes.map((o) => [...o.firstDays].sort())).toEqual(
      whole.outcomes.map((o) => [...o.firstDays].sort()),
    );
  });

  it('replay run by run: run i depends only on the seed and i', () => {
    const { compiled, startKey } = setUp(ARTICLE);
    const alone = sampleRuns(compiled, startKey, 'r', 41, 42);
    expect(alone.steps).toBeGreaterThan(0);
    expect(sampleRuns(compiled, startKey, 'r', 41, 42)).toEqual(alone);
    expect(sampleRuns(compiled, startKey, 'other', 41, 42)).not.toEqual(alone);
  });
});

describe('Wilson interval', () => {
  it('matches a published value and stays within [0, 1]', () => {
    // Wilson (1927) / Newcombe (1998), 81 successes in 263 trials: 0.2553 to 0.3662 at 95%.
    const [low, high] = getWilsonInterval(81, 263);
    expect(low).toBeCloseTo(0.2553, 4);
    expect(high).toBeCloseTo(0.3662, 4);
    expect(getWilsonInterval(0, 10)[0]).toBe(0);
    expect(getWilsonInterval(10, 10)[1]).toBe(1);
  });
});
