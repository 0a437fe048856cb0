import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, generateParallelScenario, loadGenerated } from '../../bench/generated-models.js';
import { compileModel, type CompiledModel } from '../../src/compile/compiled-model.js';
import { CompiledSpace } from '../../src/compile/compiled-space.js';
import { getConditionDigits } from '../../src/compile/digit-condition.js';
import { getHorizon } from '../../src/engine/horizon.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { getMoveDependencies, type MoveDependencies } from '../../src/sample/move-dependencies.js';
import { RunSampler } from '../../src/sample/sample-runs.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, IDLE_DATA, loadModel } from '../helpers/scenarios.js';

function setUp(model: Model, horizonDays: number, maxEvents?: number) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const horizon = getHorizon(start.joint.day, { horizonDays, ...(maxEvents !== undefined && { maxEvents }) });
  const compiled = compileModel(model, start.joint.day, horizon);
  return { compiled, startKey: compiled.encode(start.joint) };
}

/** The keys to look at: every one when there are few, else `samples` spread over them. */
function keysOf(compiled: CompiledModel, samples: number): number[] {
  const total = compiled.encoding.total;
  if (total <= samples) return Array.from({ length: total }, (_, k) => k);
  return Array.from({ length: samples }, (_, i) => Math.min(total - 1, Math.floor((i * total) / samples) + (i % 7)));
}

/** Where the outcomes the sampler looks at after a move could miss one that holds; empty when they cannot. */
function missed(compiled: CompiledModel, samples: number): string[] {
  const { outcomesAfter, soleOutcomeDigit, outcomesWith } = getMoveDependencies(compiled);
  const found: string[] = [];
  const space = new CompiledSpace(compiled);
  const reads = compiled.model.outcomes.map((o) => getConditionDigits(compiled.model, compiled.encoding, o.when));
  // A move with a sole digit read by outcomes has, as the outcomes to look at again, those that read it.
  soleOutcomeDigit.forEach((digit, move) => {
    if (digit < 0) return;
    const readers = reads.flatMap((r, o) => (r.has(digit) ? [o] : []));
    if (JSON.stringify([...(outcomesAfter[move] as Int32Array)]) !== JSON.stringify(readers))
      found.push(`move ${move}: outcomes after it ${outcomesAfter[move]}, readers of digit ${digit} ${readers}`);
  });
  for (const key of keysOf(compiled, samples)) {
    space.load(key);
    for (let o = 0; o < compiled.outcomes.length; o++) {
      if (!space.outcomeHolds(o)) continue;
      for (const digit of reads[o] as Set<number>) {
        const listed = outcomesWith[digit]?.[space.digits[digit] as number];
        if (!listed?.includes(o)) found.push(`key ${key}: outcome ${o} holds, not listed with digit ${digit}`);
      }
    }
  }
  return found;
}

/** The same dependencies with no outcome looked at by the value of a digit: every move checks all of `outcomesAfter`. */
const plain = (d: MoveDependencies): MoveDependencies => ({ ...d, soleOutcomeDigit: d.soleOutcomeDigit.map(() => -1) });

/** Samples with the outcomes narrowed by the value of the digit a move writes, and with all of them; returns both tallies. */
function bothWays(model: Model, horizonDays: number, runs: number, maxEvents?: number) {
  const { compiled, startKey } = setUp(model, horizonDays, maxEvents);
  const dependencies = getMoveDependencies(compiled);
  const narrowed = new RunSampler(compiled, startKey, 'narrow', dependencies);
  const every = new RunSampler(compiled, startKey, 'narrow', plain(dependencies));
  narrowed.sample(0, runs);
  every.sample(0, runs);
  return { narrowed: narrowed.tally, every: every.tally, dependencies };
}

describe('the outcomes the sampler looks at after a move, by the new value of the digit it writes', () => {
  it('include every outcome that holds, on every key of 60 random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 5 }), (model, days) => {
        expect(missed(setUp(model, days, 3).compiled, 50_000)).toEqual([]);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it('include every outcome that holds on the article (not, any, all) and on generated negotiations', () => {
    expect(missed(setUp(loadModel(ARTICLE), 14).compiled, 20_000)).toEqual([]);
    expect(missed(setUp(loadGenerated(generateLargeScenario(6, 5)), 9).compiled, 20_000)).toEqual([]);
    expect(missed(setUp(loadGenerated(generateParallelScenario(5, 6)), 30).compiled, 20_000)).toEqual([]);
  });

  it('leave out, for the parallel negotiation, every party move but one into the last stance', () => {
    const { compiled } = setUp(loadGenerated(generateParallelScenario(3, 4)), 5);
    const { soleOutcomeDigit, outcomesWith } = getMoveDependencies(compiled);
    const party = soleOutcomeDigit[0] as number;
    expect(party).toBeGreaterThanOrEqual(0);
    expect(outcomesWith[party]?.map((list) => [...list])).toEqual([[], [], [], [0]]);
  });

  it('give the sampler the same tally as looking at all of them', () => {
    const article = bothWays(loadModel(ARTICLE), 30, 3000);
    expect(article.narrowed).toEqual(article.every);
    expect(article.dependencies.soleOutcomeDigit.some((d) => d >= 0)).toBe(true);
    expect(article.every.outcomes.some((o) => o.hits > 0)).toBe(true);
    const limited = bothWays(loadModel(ARTICLE), 14, 2000, 3);
    expect(limited.narrowed).toEqual(limited.every);
    const parallel = bothWays(loadGenerated(generateParallelScenario(3, 4)), 30, 2000);
    expect(parallel.narrowed).toEqual(parallel.every);
    expect(parallel.every.outcomes[0]?.hits).toBeGreaterThan(0);
    const large = bothWays(loadGenerated(generateLargeScenario(4, 3)), 9, 2000);
    expect(large.narrowed).toEqual(large.every);
    const idle = bothWays(loadGenerated(IDLE_DATA), 3, 2000);
    expect(idle.narrowed).toEqual(idle.every);
  });

  it('give the sampler the same tally as looking at all of them, on 40 random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, fc.integer({ min: 1, max: 8 }), (model, days) => {
        const { narrowed, every } = bothWays(model, days, 300);
        expect(narrowed).toEqual(every);
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});
