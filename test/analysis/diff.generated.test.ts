import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGenerated } from '../../bench/generated-models.js';
import { diffExplorations, type DiffResult } from '../../src/analysis/diff.js';
import { withoutEvents } from '../../src/analysis/model-variants.js';
import { exploreScenario, type ExploreResult, type OutcomeStatus } from '../../src/explore/explore-scenario.js';
import type { EventId } from '../../src/model/ids.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart, type StartPoint } from '../../src/run/start-point.js';
import { arbitraryModel } from '../helpers/random-models.js';

/**
 * `diffExplorations` on generated models. Each change is checked against the two explorations it
 * compares: their statuses and probabilities, read directly, never copied from a run of the diff.
 */

const HORIZON_DAYS = 5;

const startOf = (model: Model, point: StartPoint = { kind: 'end' }) => {
  const start = resolveStart(model, point);
  if ('error' in start) throw new Error(start.error);
  return start;
};
const explore = (model: Model, options: { maxStates?: number; point?: StartPoint } = {}) =>
  exploreScenario(model, startOf(model, options.point), {
    maxStates: options.maxStates ?? 200_000,
    horizonDays: HORIZON_DAYS,
  });

const reached = (status: OutcomeStatus) => status === 'reachable' || status === 'holds-at-start';

/** The non-urgent hypothetical events: removing one can only remove paths (an urgent one, when gone, also lets the day pass). */
const removable = (model: Model) => model.events.filter((e) => e.kind === 'hypothetical' && !e.urgent).map((e) => e.id);

/**
 * What must hold of any diff, whatever its sides: every outcome of either side appears once; each
 * side is the exploration's own status and probability; the delta is after - before when both are
 * known; and the change says what the two statuses and probabilities say.
 */
function checkConsistent(diff: DiffResult, before: ExploreResult, after: ExploreResult): void {
  expect(diff.type).toBe('diff');
  expect(diff.before).toMatchObject({
    states: before.search.states,
    exhaustive: before.search.exhaustive,
    stopped: before.search.stopped,
  });
  expect(diff.after).toMatchObject({
    states: after.search.states,
    exhaustive: after.search.exhaustive,
    stopped: after.search.stopped,
  });
  const ids = new Set([...before.outcomes, ...after.outcomes].map((o) => o.id));
  expect(diff.outcomes.map((o) => o.id).sort()).toEqual([...ids].sort());
  for (const change of diff.outcomes) {
    const b = before.outcomes.find((o) => o.id === change.id);
    const a = after.outcomes.find((o) => o.id === change.id);
    expect(change.before).toEqual(
      b ? { status: b.status, probability: b.probability, holdsAtEnd: b.holdsAtEnd } : null,
    );
    expect(change.after).toEqual(a ? { status: a.status, probability: a.probability, holdsAtEnd: a.holdsAtEnd } : null);
    expect(change.holdsAtEndDelta, change.id).toBe(
      a?.holdsAtEnd != null && b?.holdsAtEnd != null ? a.holdsAtEnd - b.holdsAtEnd : null,
    );
    if (!b) {
      expect(change.change).toBe('only after');
      continue;
    }
    if (!a) {
      expect(change.change).toBe('only before');
      continue;
    }
    if (a.probability !== null && b.probability !== null) {
      expect(change.delta, change.id).toBe(a.probability - b.probability);
      // Both searches were exhaustive: the statuses and the odds decide.
      if (b.status === 'unreachable' && reached(a.status)) expect(change.change, change.id).toBe('became reachable');
      else if (reached(b.status) && a.status === 'unreachable')
        expect(change.change, change.id).toBe('became unreachable');
      // Odds are exact within each side's error bound: a difference within both is no change.
      else if (
        Math.abs(a.probability - b.probability) >
        (before.odds?.errorBound ?? 0) + (after.odds?.errorBound ?? 0) + 1e-12
      )
        expect(change.change, change.id).toBe('odds changed');
      else expect(change.change, change.id).toBe('unchanged');
    } else {
      // A side cut short knows no odds, and an outcome it did not find may still be reachable: no
      // claim that needs both odds, and none that an outcome it did not find changed.
      expect(change.delta, change.id).toBeNull();
      expect(['unchanged', 'odds changed'], `${change.id}: ${b.status} -> ${a.status}`).not.toContain(change.change);
      if (b.status === 'not-found' || a.status === 'not-found')
        expect(['became reachable', 'became unreachable']).not.toContain(change.change);
    }
  }
}

describe('diff on generated models', () => {
  it('an exploration against itself, or against a second exploration of the same model, changes nothing (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryModel, (model) => {
        const first = explore(model);
        expect(first.search.exhaustive).toBe(true);
        for (const other of [first, explore(model)]) {
          const diff = diffExplorations(first, 'before', other, 'after');
          checkConsistent(diff, first, other);
          expect(diff.before.label).toBe('before');
          expect(diff.after.label).toBe('after');
          expect(diff.before.start).toEqual({
            description: first.start.description,
            point: first.start.point,
            day: first.start.state.day,
          });
          expect(diff.after.start.description).toBe(other.start.description);
          for (const o of diff.outcomes) {
            expect(o.change, o.id).toBe('unchanged');
            expect(o.delta, o.id).toBe(0);
          }
        }
      }),
      { numRuns: 40, seed: 4401 },
    );
  });

  it('removing a hypothetical event that is not urgent makes no outcome reachable, and each delta is after - before (fast-check)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(arbitraryModel, fc.nat(), (model, pick) => {
        const candidates = removable(model);
        if (candidates.length === 0) return;
        const removed = candidates[pick % candidates.length] as EventId;
        const before = explore(model);
        const after = explore(withoutEvents(model, new Set([removed])));
        expect(before.search.exhaustive && after.search.exhaustive).toBe(true);
        // Every path without the event is a path with it: no state is new.
        expect(after.search.states).toBeLessThanOrEqual(before.search.states);
        const diff = diffExplorations(before, 'with', after, `without ${removed}`);
        checkConsistent(diff, before, after);
        for (const o of diff.outcomes) {
          seen.add(o.change);
          expect(o.change, `${o.id} without ${removed}`).not.toBe('became reachable');
          if (o.before?.status === 'unreachable') expect(o.after?.status, o.id).toBe('unreachable');
          if (o.before?.status === 'holds-at-start') expect(o.after?.status, o.id).toBe('holds-at-start');
        }
      }),
      { numRuns: 80, seed: 4402 },
    );
    // The family exercised what removing an event can do.
    expect(seen).toContain('became unreachable');
    expect(seen).toContain('odds changed');
    expect(seen).toContain('unchanged');
  });

  it('reports each outcome consistently between two days and when a search is cut short (fast-check)', () => {
    fc.assert(
      fc.property(
        arbitraryModel,
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 2, max: 40 }),
        (model, day, maxStates) => {
          const asOf0 = explore(model, { point: { kind: 'day', day: 0 } });
          const asOfDay = explore(model, { point: { kind: 'day', day } });
          checkConsistent(diffExplorations(asOf0, 'as of day 0', asOfDay, `as of day ${day}`), asOf0, asOfDay);
          const cut = explore(model, { maxStates });
          checkConsistent(diffExplorations(asOf0, 'whole', cut, 'cut'), asOf0, cut);
          checkConsistent(diffExplorations(cut, 'cut', asOf0, 'whole'), cut, asOf0);
        },
      ),
      { numRuns: 40, seed: 4403 },
    );
  });

  it('removing an urgent event may make an outcome reachable, and the diff says so', () => {
    // `alarm` is urgent from day 1 and spoils the level; without it the day can pass with the level
    // still low, and `late-deal` (day 2 on, level low) sets it high.
    const model = loadGenerated({
      parley: 1,
      title: 'urgent',
      source: { title: 't', paragraphs: ['P1'] },
      facts: { level: { type: 'enum', values: ['low', 'mid', 'high'], initial: 'low', describes: 'x', cites: ['P1'] } },
      parties: {
        p: { name: 'P', cites: ['P1'], initial: 's0', stances: { s0: { defines: 'x', cites: ['P1'], on: {} } } },
      },
      events: {
        start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
        alarm: {
          kind: 'hypothetical',
          likelihood: 0.5,
          summary: 'a',
          cites: ['P1'],
          quote: 'q',
          set: { level: 'mid' },
          urgent: { day: { atLeast: 1 } },
        },
        'late-deal': {
          kind: 'hypothetical',
          likelihood: 0.5,
          summary: 'd',
          cites: ['P1'],
          quote: 'q',
          requires: { day: { atLeast: 2 }, fact: { level: 'low' } },
          set: { level: 'high' },
        },
      },
      outcomes: { high: { means: 'x', cites: ['P1'], when: { fact: { level: 'high' } } } },
      timeline: ['start'],
    });
    const before = explore(model);
    const after = explore(withoutEvents(model, new Set(['alarm' as EventId])));
    const diff = diffExplorations(before, 'with', after, 'without alarm');
    checkConsistent(diff, before, after);
    expect(diff.outcomes).toHaveLength(1);
    expect(diff.outcomes[0]?.change).toBe('became reachable');
    expect(diff.outcomes[0]?.delta).toBeGreaterThan(0);
  });
});
