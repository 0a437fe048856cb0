import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainOutcome } from '../../src/analysis/why.js';
import { withoutEvents } from '../../src/analysis/model-variants.js';
import { exploreScenario } from '../../src/explore/explore-scenario.js';
import type { EventId, OutcomeId } from '../../src/model/ids.js';
import type { Model } from '../../src/model/model.js';
import { replayEvents } from '../../src/run/replay-timeline.js';
import { resolveStart } from '../../src/run/start-point.js';
import { getHoldingOutcomes } from '../../src/engine/outcomes.js';
import { DAY_PASSES } from '../../src/engine/move.js';
import { getMoves } from '../../src/engine/moves.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import { getHorizon } from '../../src/engine/horizon.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

const startOf = (model: Model, point = { kind: 'end' } as Parameters<typeof resolveStart>[1]) => {
  const start = resolveStart(model, point);
  if ('error' in start) throw new Error(start.error);
  return start;
};
const reachable = (model: Model, outcome: string, horizonDays?: number) =>
  exploreScenario(model, startOf(model), {
    maxStates: 1_000_000,
    ...(horizonDays !== undefined && { horizonDays }),
  }).outcomes.find((o) => o.id === outcome)?.status === 'reachable';
const hypothetical = (model: Model) => model.events.filter((e) => e.kind === 'hypothetical').map((e) => e.id);

describe('why', () => {
  const article = loadModel(ARTICLE);

  it('explains the ceasefire: a shortest path with quotes, the events it needs, the sets that block it', () => {
    const why = explainOutcome(article, startOf(article), 'ceasefire' as OutcomeId, { maxStates: 1_000_000 });
    expect(why).toMatchObject({ reachable: true, exhaustive: true });
    expect(why.witness?.steps.map((s) => s.move)).toEqual([
      'architecture-established',
      'ukraine-accepts-raised-level',
      'raised-level-round-held',
      'ceasefire-agreed',
    ]);
    // Moscow must be at the table (P12): without Kyiv accepting the raised level, no ceasefire.
    expect(why.necessary.map((e) => e.id)).toEqual([
      'architecture-established',
      'ceasefire-agreed',
      'ukraine-accepts-raised-level',
    ]);
    expect(why.necessary[0]).toMatchObject({
      cites: ['P7', 'P8', 'P9'],
      quote: 'waiting for “security guarantees architecture” to be established',
    });
    // Its two channels: the date for talks and the raised-level round.
    expect(why.blockingSets.map((set) => set.map((e) => e.id))).toContainEqual([
      'raised-level-round-held',
      'talks-date-set',
    ]);
  });

  it('finds exactly the necessary events a brute force finds, and only minimal blocking sets that block', () => {
    for (const outcome of article.outcomes) {
      const why = explainOutcome(article, startOf(article), outcome.id, { maxStates: 1_000_000, maxSetSize: 2 });
      const brute = hypothetical(article).filter((e) => !reachableWithout(article, outcome.id, [e]));
      expect(why.necessary.map((e) => e.id).sort(), outcome.id).toEqual([...brute].sort());
      for (const set of why.blockingSets) {
        const ids = set.map((e) => e.id);
        expect(reachableWithout(article, outcome.id, ids), `${outcome.id} without ${ids}`).toBe(false);
        for (const id of ids)
          expect(
            reachableWithout(
              article,
              outcome.id,
              ids.filter((x) => x !== id),
            ),
          ).toBe(true);
      }
    }
  });

  it('agrees with the brute force on random models (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        for (const outcome of model.outcomes) {
          const why = explainOutcome(model, startOf(model), outcome.id, { maxStates: 200_000, horizonDays: 2 });
          if (!why.reachable) continue;
          const brute = hypothetical(model).filter((e) => !reachableWithout(model, outcome.id, [e], 2));
          expect(why.necessary.map((e) => e.id).sort()).toEqual([...brute].sort());
        }
      }),
      { numRuns: 30, seed: 77 },
    );
  });

  it('says which parts of an unreachable outcome’s condition never hold, and replays the nearest miss', () => {
    const start = startOf(article, { kind: 'after-event', event: 'compromise-signalled' as EventId });
    const why = explainOutcome(article, start, 'trilateral-summit' as OutcomeId, { maxStates: 1_000_000 });
    expect(why.reachable).toBe(false);
    expect(why.unreachable?.neverHold).toEqual(['summit trilateral-held']);
    const nearest = why.unreachable?.nearest;
    expect(nearest?.failing).toEqual(['summit is none (expected trilateral-held)']);
    expect(
      getHoldingOutcomes(article, replayEvents(article, nearest?.witness.moves ?? [], start.joint).final),
    ).not.toContain('trilateral-summit');
  });

  it('names the events that could make the missing part hold, and the parts of their preconditions that fail everywhere', () => {
    const start = startOf(article, { kind: 'after-event', event: 'compromise-signalled' as EventId });
    const why = explainOutcome(article, start, 'trilateral-summit' as OutcomeId, { maxStates: 1_000_000 });
    // Only trilateral-held sets summit to trilateral-held (bilateral-held sets another value).
    expect(
      why.unreachable?.producers.map((p) => ({
        id: p.event.id,
        for: p.for,
        happensFrom: p.happensFrom,
        never: p.requiresNeverHold,
      })),
    ).toEqual([
      {
        id: 'trilateral-held',
        for: ['summit trilateral-held'],
        happensFrom: 0,
        never: ['russia in step-by-step-preparation', 'summit trilateral-proposed', 'kremlinOnSummit not contradicted'],
      },
    ]);
    // With too few events, its precondition holds part by part but never whole.
    const short = explainOutcome(article, startOf(article), 'trilateral-summit' as OutcomeId, {
      maxStates: 1_000_000,
      maxEvents: 3,
    });
    expect(short.unreachable?.producers).toEqual([
      expect.objectContaining({ happensFrom: 0, requiresHolds: false, requiresNeverHold: [] }),
    ]);
  });

  it('counts the states an event can happen from as a plain search with getMoves does (fast-check)', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const start = startOf(model);
        const horizon = getHorizon(start.joint.day, { horizonDays: 2 });
        // Every reachable joint state, by xstate's own stepping, and the events possible from each.
        const seen = new Map([[getJointStateKey(model, start.joint), start.joint]]);
        const happens = new Map<string, number>();
        for (const joint of seen.values()) {
          for (const move of getMoves(model, joint, horizon)) {
            if (move.move !== DAY_PASSES) happens.set(move.move, (happens.get(move.move) ?? 0) + 1);
            const key = getJointStateKey(model, move.next);
            if (!seen.has(key)) seen.set(key, move.next);
          }
        }
        for (const outcome of model.outcomes) {
          const why = explainOutcome(model, start, outcome.id, { maxStates: 200_000, horizonDays: 2, maxSetSize: 1 });
          for (const p of why.unreachable?.producers ?? []) {
            expect(p.happensFrom).toBe(happens.get(p.event.id) ?? 0);
            checked++;
          }
        }
      }),
      { numRuns: 40, seed: 20261125 },
    );
    expect(checked).toBeGreaterThan(0);
  });
});

function reachableWithout(model: Model, outcome: string, events: readonly string[], horizonDays?: number): boolean {
  return reachable(withoutEvents(model, new Set(events as EventId[])), outcome, horizonDays);
}
