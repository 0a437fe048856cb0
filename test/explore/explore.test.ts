import { describe, expect, it } from 'vitest';
import { loadGenerated } from '../../bench/generated-models.js';
import { exploreScenario, type ExploreResult } from '../../src/explore/explore-scenario.js';
import { getHoldingOutcomes } from '../../src/engine/outcomes.js';
import { getJointStateKey } from '../../src/engine/serialise.js';
import type { Model } from '../../src/model/model.js';
import { replayEvents } from '../../src/run/replay-timeline.js';
import { resolveStart, type StartPoint } from '../../src/run/start-point.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

function explore(
  model: Model,
  options: { horizonDays?: number; maxEvents?: number; maxStates?: number; from?: StartPoint } = {},
): ExploreResult {
  const start = resolveStart(model, options.from ?? { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return exploreScenario(model, start, { maxStates: options.maxStates ?? 1_000_000, ...options });
}

const rate = (p: number, window = 7) => -Math.log1p(-p) / window;
const outcome = (result: ExploreResult, id: string) => {
  const found = result.outcomes.find((o) => o.id === id);
  if (!found) throw new Error(`no outcome ${id}`);
  return found;
};

/** Two mutually exclusive events racing on one day, then time is up. */
function raceModel(pA: number, pB: number): Model {
  const event = (p: number, value: string) => ({
    kind: 'hypothetical',
    likelihood: p,
    summary: value,
    cites: ['P1'],
    quote: 'q',
    requires: { fact: { result: 'none' } },
    set: { result: value },
  });
  return loadGenerated({
    parley: 1,
    title: 'race',
    source: { title: 't', paragraphs: ['P1'] },
    facts: { result: { type: 'enum', values: ['none', 'a', 'b'], initial: 'none', describes: 'x', cites: ['P1'] } },
    parties: { x: { name: 'X', cites: ['P1'], initial: 's', stances: { s: { defines: 's', cites: ['P1'] } } } },
    events: {
      start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
      a: event(pA, 'a'),
      b: event(pB, 'b'),
    },
    outcomes: {
      a: { means: 'a', cites: ['P1'], when: { fact: { result: 'a' } } },
      b: { means: 'b', cites: ['P1'], when: { fact: { result: 'b' } } },
      never: { means: 'never', cites: ['P1'], when: { all: [{ fact: { result: 'a' } }, { fact: { result: 'b' } }] } },
    },
    timeline: ['start'],
  });
}

describe('exact probabilities', () => {
  it('equal the closed form of a race between two events within the horizon (calendar days)', () => {
    const [ra, rb] = [rate(0.5), rate(0.2)];
    for (const days of [1, 2, 5, 30]) {
      const result = explore(raceModel(0.5, 0.2), { horizonDays: days });
      expect(result.search.exhaustive).toBe(true);
      const within = 1 - Math.exp(-(ra + rb) * days);
      expect(Math.abs((outcome(result, 'a').probability ?? NaN) - (ra / (ra + rb)) * within)).toBeLessThan(1e-9);
      expect(Math.abs((outcome(result, 'b').probability ?? NaN) - (rb / (ra + rb)) * within)).toBeLessThan(1e-9);
      outcome(result, 'a').reachedByDay?.forEach((p, d) =>
        expect(Math.abs(p - (ra / (ra + rb)) * (1 - Math.exp(-(ra + rb) * (d + 1))))).toBeLessThan(1e-9),
      );
    }
  });

  it('solve cycles exactly: back-and-forth moves, then an exit (a three-state chain)', () => {
    // Two stances a <-> b; the outcome is a third stance c, entered only from b.
    const model = loadGenerated({
      parley: 1,
      title: 'cycle',
      source: { title: 't', paragraphs: ['P1'] },
      parties: {
        x: {
          name: 'X',
          cites: ['P1'],
          initial: 'a',
          stances: {
            a: { defines: 'a', cites: ['P1'], on: { go: 'b' } },
            b: { defines: 'b', cites: ['P1'], on: { back: 'a', finish: 'c' } },
            c: { defines: 'c', cites: ['P1'] },
          },
        },
      },
      events: {
        start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
        go: { kind: 'hypothetical', likelihood: 0.5, summary: 'go', cites: ['P1'], quote: 'q' },
        back: { kind: 'hypothetical', likelihood: 0.5, summary: 'back', cites: ['P1'], quote: 'q' },
        finish: { kind: 'hypothetical', likelihood: 0.2, summary: 'finish', cites: ['P1'], quote: 'q' },
      },
      outcomes: { done: { means: 'c', cites: ['P1'], when: { stance: { x: 'c' } } } },
      timeline: ['start'],
    });
    const [go, back, finish] = [rate(0.5), rate(0.5), rate(0.2)];
    // The chance of still being in a or b after t days: the eigenvalues of the generator on {a, b}.
    const trace = -(go + back + finish);
    const root = Math.sqrt(trace * trace - 4 * go * finish);
    const [m1, m2] = [(trace + root) / 2, (trace - root) / 2];
    const survives = (t: number) => (m1 * Math.exp(m2 * t) - m2 * Math.exp(m1 * t)) / (m1 - m2);
    for (const days of [1, 4, 30]) {
      const result = explore(model, { horizonDays: days });
      expect(result.search.exhaustive).toBe(true);
      expect(Math.abs((outcome(result, 'done').probability ?? NaN) - (1 - survives(days)))).toBeLessThan(1e-9);
    }
  });

  it('report an outcome no path reaches as unreachable with probability 0', () => {
    const never = outcome(explore(raceModel(0.5, 0.2), { horizonDays: 3 }), 'never');
    expect(never).toMatchObject({ status: 'unreachable', probability: 0, witness: null });
  });
});

describe('the article, from the end of its timeline', () => {
  const model = loadModel(ARTICLE);
  const result = explore(model);

  it('searches exhaustively and counts what it explored', () => {
    expect(result.search.exhaustive).toBe(true);
    expect(result.search.states).toBeGreaterThan(1000);
    expect(result.search.transitions).toBeGreaterThan(result.search.states);
    expect(result.horizon).toMatchObject({ days: 30, endDay: 29 });
  });

  it('reaches every outcome, each by a shortest witness whose last state satisfies it', () => {
    for (const o of result.outcomes) {
      expect(o.status, o.id).toBe('reachable');
      const replay = replayEvents(model, o.witness?.moves ?? [], resolveStartOrThrow(model).joint);
      expect(getHoldingOutcomes(model, replay.final)).toContain(o.id);
      expect(getJointStateKey(model, replay.final)).toBe(o.witness?.key);
      // Shortest: no proper prefix already reaches it.
      const prefix = replayEvents(model, (o.witness?.moves ?? []).slice(0, -1), resolveStartOrThrow(model).joint);
      expect(getHoldingOutcomes(model, prefix.final)).not.toContain(o.id);
    }
  });

  it('reaches a trilateral summit only through the guarantees architecture', () => {
    const witness = outcome(result, 'trilateral-summit').witness;
    expect(witness?.moves).toContain('architecture-established');
    expect(witness?.steps.at(-1)).toMatchObject({
      move: 'trilateral-held',
      cites: ['P7', 'P8', 'P13', 'P16'],
      quote: 'an eventual sit down between him, Putin and Zelensky',
    });
  });

  it('gives probabilities between 0 and 1 that sum over exclusive outcomes to at most 1', () => {
    for (const o of result.outcomes) {
      expect(o.probability).toBeGreaterThan(0);
      expect(o.probability).toBeLessThan(1);
    }
    expect(
      (outcome(result, 'trilateral-summit').probability ?? 0) + (outcome(result, 'bilateral-summit').probability ?? 0),
    ).toBeLessThanOrEqual(1);
  });

  it('reports dead ends: states where only days can pass', () => {
    expect(result.deadEnds.states).toBeGreaterThan(0);
    for (const d of result.deadEnds.examples)
      expect(d.witness.key).toBe(
        getJointStateKey(model, replayEvents(model, d.witness.moves, resolveStartOrThrow(model).joint).final),
      );
  });

  it('says "not found within N states" rather than "unreachable" when cut short, with bounds', () => {
    const cut = explore(model, { maxStates: 50 });
    expect(cut.search.exhaustive).toBe(false);
    const trilateral = outcome(cut, 'trilateral-summit');
    expect(trilateral.status).toBe('not-found');
    expect(trilateral.probability).toBeNull();
    const [low, high] = trilateral.probabilityBounds;
    const exact = outcome(result, 'trilateral-summit').probability ?? NaN;
    expect(low).toBeLessThanOrEqual(exact);
    expect(high).toBeGreaterThanOrEqual(exact);
  });

  it('starts after any timeline event, or as of a day', () => {
    const early = explore(model, {
      from: { kind: 'after-event', event: 'compromise-signalled' as never },
      horizonDays: 12,
    });
    expect(early.start.state.stances).toMatchObject({ ukraine: 'guarantees-first' });
    expect(outcome(early, 'stalemate').status).toBe('unreachable');
    const later = explore(model, { from: { kind: 'day', day: 5 }, horizonDays: 10 });
    expect(later.start.state.day).toBe(5);
    expect(resolveStart(model, { kind: 'after-event', event: 'window-lapses' as never })).toEqual({
      error: expect.stringContaining('not an event of the timeline'),
      about: 'from',
    });
  });

  it('bounds runs by an event limit too', () => {
    const limited = explore(model, { maxEvents: 1 });
    expect(outcome(limited, 'trilateral-summit').status).toBe('unreachable');
    expect(outcome(limited, 'bilateral-summit').status).toBe('unreachable');
    expect(outcome(limited, 'humanitarian-track-only').status).toBe('reachable');
  });
});

function resolveStartOrThrow(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}
