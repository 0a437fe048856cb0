import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, generateParallelScenario, loadGenerated } from '../../bench/generated-models.js';
import { compileModel, type CompiledModel } from '../../src/compile/compiled-model.js';
import { CompiledSpace } from '../../src/compile/compiled-space.js';
import type { Horizon } from '../../src/engine/horizon.js';
import type { Model } from '../../src/model/model.js';
import { readScenarioFile } from '../../src/scenario/read-scenario.js';
import { StepDraw } from '../../src/sample/step-draw.js';
import { checkConformance, type ConformanceReport, type DrawOfOneMove } from '../helpers/conformance.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, HARBOUR, IDLE_DATA, ROOT, loadModel } from '../helpers/scenarios.js';

// The contract of what can happen next, checked on every explored state: the compiled tables and
// the sampler's draw against the reference over xstate's `transition`.

function expectConformance(report: ConformanceReport, minimumEdges: number): void {
  expect(report.mismatches).toEqual([]);
  expect(report.edges).toBeGreaterThanOrEqual(minimumEdges);
}

const overlay = () => {
  const read = readScenarioFile(`${ROOT}/scenarios/what-if/moscow-at-the-table.yaml`);
  if (!read.model) throw new Error('the overlay must load');
  return read.model;
};

describe('the compiled tables and the sampler follow the contract on every explored state', () => {
  it('for the article, past its day-10 deadline', () => {
    expectConformance(checkConformance(loadModel(ARTICLE), { horizonDays: 12 }), 5000);
  });

  it('for the article with a limit on events (the day may pass while an urgent event waits)', () => {
    expectConformance(checkConformance(loadModel(ARTICLE), { horizonDays: 14, maxEvents: 2 }), 300);
  });

  it('for the harbour strike, with an event limit', () => {
    expectConformance(checkConformance(loadModel(HARBOUR), { horizonDays: 10, maxEvents: 4 }), 100);
  });

  it('for the what-if overlay on the article', () => {
    expectConformance(checkConformance(overlay(), { horizonDays: 12 }), 5000);
  });

  it('for a model with an event that can happen and changes nothing (the draw sets it aside)', () => {
    const report = checkConformance(loadGenerated(IDLE_DATA), { horizonDays: 3 });
    expectConformance(report, 3);
    expect(report.redraws).toBeGreaterThan(0);
  });

  it('for generated negotiations: independent parties, and facts with cross-party guards', () => {
    const parallel = loadGenerated(generateParallelScenario(3, 4));
    expectConformance(checkConformance(parallel, { horizonDays: 2 }), 500);
    // One-party events with no precondition take the one-lookup path, which must count them too.
    expectConformance(checkConformance(parallel, { horizonDays: 2, maxEvents: 2 }), 100);
    expectConformance(checkConformance(loadGenerated(generateLargeScenario(3, 3)), { horizonDays: 2 }), 500);
  });

  it('for 60 random models, with and without an event limit (fast-check)', () => {
    let edges = 0;
    fc.assert(
      fc.property(
        arbitraryModel,
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
        (model, horizonDays, maxEvents) => {
          const report = checkConformance(model, { horizonDays, ...(maxEvents !== undefined && { maxEvents }) });
          expect(report.mismatches).toEqual([]);
          edges += report.edges;
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
    expect(edges).toBeGreaterThan(1000);
  });
});

/** A compiled model with something changed: the implementation is built from it, the reference from the model. */
const compiledWith =
  (change: (compiled: CompiledModel) => CompiledModel) =>
  (model: Model, startDay: number, horizon: Horizon): CompiledModel =>
    change(compileModel(model, startDay, horizon));

describe('a broken implementation fails the conformance suite', () => {
  const article = loadModel(ARTICLE);

  it('compiled tables that forget an urgent condition (the day passes at the deadline)', () => {
    const forgetful = compiledWith((c) => ({ ...c, events: c.events.map((e) => ({ ...e, urgent: null })) }));
    const report = checkConformance(article, { horizonDays: 12 }, { compile: forgetful });
    expect(report.mismatches.some((m) => m.includes('moves'))).toBe(true);
  });

  it('compiled tables built for a horizon one day longer (time is up a day late)', () => {
    const late = (model: Model, startDay: number, horizon: Horizon) =>
      compileModel(model, startDay, { ...horizon, endDay: horizon.endDay + 1 });
    const report = checkConformance(loadModel(HARBOUR), { horizonDays: 3 }, { compile: late });
    expect(report.mismatches.length).toBeGreaterThan(0);
  });

  it('a compiled space that ignores every precondition', () => {
    class Careless extends CompiledSpace {
      override requiresHolds(): boolean {
        return true;
      }
    }
    const explorer = checkConformance(article, { horizonDays: 2 }, { createSpace: (c) => new Careless(c) });
    expect(explorer.mismatches.some((m) => m.includes('asked one by one'))).toBe(true);
    const sampler = checkConformance(article, { horizonDays: 2 }, { createDraw: (c) => withSpace(c, Careless) });
    expect(sampler.mismatches.some((m) => m.includes("sampler's draw"))).toBe(true);
  });

  it('a sampler whose draw leans by one part in ten thousand', () => {
    const leaning = (compiled: CompiledModel): DrawOfOneMove => {
      const inner = new StepDraw(compiled);
      return {
        get next() {
          return inner.next;
        },
        set next(key) {
          inner.next = key;
        },
        get elapsed() {
          return inner.elapsed;
        },
        start: (key) => inner.start(key),
        drawWithinDay: (rng, timeLeft) => inner.drawWithinDay(() => rng() ** 1.0001, timeLeft),
      };
    };
    const report = checkConformance(article, { horizonDays: 2 }, { createDraw: leaning });
    expect(report.mismatches.some((m) => m.includes("sampler's draw"))).toBe(true);
  });

  it('a sampler with one rate a thousandth too high', () => {
    const biased = (compiled: CompiledModel) => {
      const rates = Float64Array.from(compiled.rates);
      rates[0] = (rates[0] as number) * 1.001;
      return new StepDraw({ ...compiled, rates });
    };
    const report = checkConformance(article, { horizonDays: 2 }, { createDraw: biased });
    expect(report.mismatches.some((m) => m.includes("sampler's draw"))).toBe(true);
  });
});

/** A sampler's draw whose state space is of another class (StepDraw builds its own; this one swaps it). */
function withSpace(compiled: CompiledModel, Space: new (c: CompiledModel) => CompiledSpace): DrawOfOneMove {
  const draw = new StepDraw(compiled);
  Object.defineProperty(draw, 'space', { value: new Space(compiled) });
  return draw;
}
