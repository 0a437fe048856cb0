import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { generateLargeScenario, loadGenerated } from '../../bench/generated-models.js';
import { compileModel } from '../../src/compile/compiled-model.js';
import { getHorizon } from '../../src/engine/horizon.js';
import { getDayEndMove } from '../../src/engine/next-moves.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { StepDraw } from '../../src/sample/step-draw.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, DEADLINE, IDLE_DATA, loadModel } from '../helpers/scenarios.js';

/**
 * Walks a draw along a run as the sampler does (taking each move, passing each day) and checks,
 * at every state, that it draws what a draw started afresh there draws from the same numbers: the
 * preconditions, candidates and whether events may happen that it keeps up to date move by move
 * are those worked out from scratch. Returns the states compared.
 */
function walkAndCompare(model: Model, options: { horizonDays: number; maxEvents?: number }, seed: string): number {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  const compiled = compileModel(model, start.joint.day, getHorizon(start.joint.day, options));
  const walked = new StepDraw(compiled);
  const fresh = new StepDraw(compiled);
  const rng = seedrandom.alea(seed);
  let key = compiled.encode(start.joint);
  walked.start(key);
  let timeLeft = 1;
  let compared = 0;
  for (let step = 0; step < 400; step++) {
    const numbers: number[] = [];
    const recording = () => {
      const u = rng();
      numbers.push(u);
      return u;
    };
    let replayed = 0;
    const replaying = () => numbers[replayed++] as number;
    const move = timeLeft > 0 ? walked.drawWithinDay(recording, timeLeft) : -1;
    if (timeLeft > 0) {
      fresh.start(key);
      const again = fresh.drawWithinDay(replaying, timeLeft);
      expect({ move: again, next: again < 0 ? -1 : fresh.next, elapsed: fresh.elapsed, used: replayed }).toEqual({
        move,
        next: move < 0 ? -1 : walked.next,
        elapsed: walked.elapsed,
        used: numbers.length,
      });
      compared++;
    }
    if (move >= 0) {
      timeLeft -= walked.elapsed;
      key = walked.next;
      walked.take(move, key);
      continue;
    }
    const space = walked.space;
    const end = getDayEndMove(space);
    if (end < 0) break;
    if (end !== compiled.dayMove) {
      key = space.afterEvent(end);
      walked.take(end, key);
      timeLeft = 0;
      continue;
    }
    key = space.afterDay();
    if (key === compiled.timeUpKey) break;
    walked.passDay(key);
    timeLeft = 1;
  }
  return compared;
}

describe("the sampler's draw, kept up to date move by move", () => {
  it('draws what a draw started afresh in the same state draws, on the article, with and without an event limit', () => {
    for (const seed of ['a', 'b', 'c']) {
      expect(walkAndCompare(loadModel(ARTICLE), { horizonDays: 20 }, seed)).toBeGreaterThan(20);
      expect(walkAndCompare(loadModel(ARTICLE), { horizonDays: 20, maxEvents: 3 }, seed)).toBeGreaterThan(10);
    }
  });

  it('the same on an urgent deadline, an event that changes nothing and facts read by preconditions', () => {
    expect(walkAndCompare(loadModel(DEADLINE), { horizonDays: 12, maxEvents: 2 }, 'd')).toBeGreaterThan(5);
    expect(walkAndCompare(loadGenerated(IDLE_DATA), { horizonDays: 6, maxEvents: 3 }, 'i')).toBeGreaterThan(5);
    expect(walkAndCompare(loadGenerated(generateLargeScenario(3, 3)), { horizonDays: 9 }, 'l')).toBeGreaterThan(10);
  });

  it('the same on 60 random models, with and without an event limit (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryModel,
        fc.integer({ min: 1, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
        fc.string({ maxLength: 6 }),
        (model, horizonDays, maxEvents, seed) => {
          walkAndCompare(model, { horizonDays, ...(maxEvents !== undefined && { maxEvents }) }, seed);
        },
      ),
      { numRuns: 60, seed: 20261204 },
    );
  });
});
