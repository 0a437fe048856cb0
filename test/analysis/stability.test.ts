import { describe, expect, it } from 'vitest';
import { loadGenerated } from '../../bench/generated-models.js';
import { analyseStability } from '../../src/analysis/stability.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

/**
 * The Prisoner's Dilemma as a graph model (Fang, Hipel & Kilgour 1993, ch. 3): each player may
 * switch between cooperating and defecting at any time. Known results: mutual defection is Nash
 * stable; mutual cooperation is not Nash stable but is sequentially stable (each defection can be
 * answered by the other's, leaving the defector worse off).
 */
function prisonersDilemma(): Model {
  const player = (name: string) => ({
    name,
    cites: ['P1'],
    initial: 'cooperating',
    stances: {
      cooperating: { defines: 'c', cites: ['P1'], on: { [`${name}-defects`]: 'defecting' } },
      defecting: { defines: 'd', cites: ['P1'], on: { [`${name}-cooperates`]: 'cooperating' } },
    },
  });
  const move = (by: string) => ({
    kind: 'hypothetical',
    by,
    likelihood: 0.5,
    summary: 'move',
    cites: ['P1'],
    quote: 'q',
  });
  const outcome = (a: string, b: string) => ({
    means: `${a}/${b}`,
    cites: ['P1'],
    when: { stance: { one: a, two: b } },
  });
  return loadGenerated({
    parley: 1,
    title: "prisoner's dilemma",
    source: { title: 't', paragraphs: ['P1'] },
    parties: {
      one: { ...player('one'), prefers: ['dc', 'cc', 'dd', 'cd'] },
      two: { ...player('two'), prefers: ['cd', 'cc', 'dd', 'dc'] },
    },
    events: {
      start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
      'one-defects': move('one'),
      'one-cooperates': move('one'),
      'two-defects': move('two'),
      'two-cooperates': move('two'),
    },
    outcomes: {
      cc: outcome('cooperating', 'cooperating'),
      cd: outcome('cooperating', 'defecting'),
      dc: outcome('defecting', 'cooperating'),
      dd: outcome('defecting', 'defecting'),
    },
    timeline: ['start'],
  });
}

describe('stability in the Graph Model for Conflict Resolution', () => {
  it('gives the known results for the Prisoner’s Dilemma', () => {
    const model = prisonersDilemma();
    const start = resolveStart(model, { kind: 'end' });
    if ('error' in start) throw new Error(start.error);
    const result = analyseStability(model, start, { maxStates: 10_000, horizonDays: 1 });
    const of = (id: string) => result.outcomes.find((o) => o.id === id);
    expect(of('dd')).toMatchObject({ nash: true, sequential: true });
    expect(of('cc')).toMatchObject({ nash: false, sequential: true });
    expect(of('cd')).toMatchObject({ nash: false, sequential: false });
    expect(of('dc')).toMatchObject({ nash: false, sequential: false });
    const one = of('cc')?.parties.find((p) => p.party === 'one');
    expect(one?.moves).toEqual([
      {
        event: 'one-defects',
        cites: ['P1'],
        quote: 'q',
        leadsTo: ['dc'],
        improves: true,
        sanctions: [{ by: 'two', event: 'two-defects', cites: ['P1'], quote: 'q', leadsTo: ['dd'] }],
      },
    ]);
  });

  it('analyses the article with the parties’ preferences and moves', () => {
    const model = loadModel(ARTICLE);
    const start = resolveStart(model, { kind: 'end' });
    if ('error' in start) throw new Error(start.error);
    const result = analyseStability(model, start, { maxStates: 1_000_000 });
    expect(result.preferences.map((p) => p.party)).toEqual(['ukraine', 'russia', 'united-states', 'europe']);
    const bilateral = result.outcomes.find((o) => o.id === 'bilateral-summit');
    expect(bilateral?.nash).toBe(false);
    const russia = bilateral?.parties.find((p) => p.party === 'russia');
    // Russia ranks a ceasefire above a meeting of Putin and Zelensky, and may agree one from there.
    expect(russia?.moves.find((m) => m.improves)).toMatchObject({
      event: 'ceasefire-agreed',
      leadsTo: ['ceasefire', 'bilateral-summit'],
    });
    for (const o of result.outcomes) expect(o.states.sequential).toBeGreaterThanOrEqual(o.states.nash);
  });
});
