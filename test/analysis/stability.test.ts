import { describe, expect, it } from 'vitest';
import { analyseStability, type StabilityResult } from '../../src/analysis/stability.js';
import type { PartyId } from '../../src/model/ids.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';
import { gameOfTwoStances } from './gmcr/games.js';

function analyse(model: Model, options: Parameters<typeof analyseStability>[2] = { maxStates: 100_000 }) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return analyseStability(model, start, options);
}

const equilibria = (r: StabilityResult, concept: 'nash' | 'gmr' | 'smr' | 'seq' | 'sim') =>
  r.outcomes.filter((o) => o.first?.equilibrium[concept]).map((o) => o.id);

describe('stability in the Graph Model for Conflict Resolution', () => {
  // Fang, Hipel & Kilgour 1993, ch. 4: in the Prisoner's Dilemma (a: cooperate, b: defect) mutual
  // defection is the only Nash equilibrium; mutual cooperation is also GMR, SMR, SEQ and SIM stable.
  const dilemma = gameOfTwoStances({ one: ['ba', 'aa', 'bb', 'ab'], two: ['ab', 'aa', 'bb', 'ba'] });

  it('gives the textbook results for the Prisoner’s Dilemma, per concept', () => {
    const r = analyse(dilemma);
    expect(equilibria(r, 'nash')).toEqual(['bb']);
    for (const concept of ['gmr', 'smr', 'seq', 'sim'] as const) expect(equilibria(r, concept)).toEqual(['aa', 'bb']);
    const one = r.outcomes.find((o) => o.id === 'aa')?.first?.parties.find((p) => p.party === 'one');
    expect(one?.improvements).toEqual([
      expect.objectContaining({
        by: 'one',
        event: 'one-to-b',
        leadsTo: ['ba'],
        sanctions: {
          gmr: { moves: [expect.objectContaining({ by: 'two', event: 'two-to-b', leadsTo: ['bb'] })], leadsTo: ['bb'] },
          smr: { moves: [expect.objectContaining({ by: 'two', event: 'two-to-b' })], leadsTo: ['bb'] },
          seq: { moves: [expect.objectContaining({ by: 'two', event: 'two-to-b' })], leadsTo: ['bb'] },
          // Made at once from aa: the defections of both, so both end up defecting.
          sim: { moves: [expect.objectContaining({ by: 'two', event: 'two-to-b', leadsTo: ['ab'] })], leadsTo: ['bb'] },
        },
      }),
    ]);
  });

  // Chicken (a: swerve, b: drive straight on): the Nash and SEQ equilibria are the two where one
  // swerves; both swerving is GMR, SMR and SIM stable too (the other's threat to drive on is
  // credible only when it costs the threatener nothing it cares about, which SEQ asks).
  it('gives the textbook results for Chicken, per concept', () => {
    const r = analyse(gameOfTwoStances({ one: ['ba', 'aa', 'ab', 'bb'], two: ['ab', 'aa', 'ba', 'bb'] }));
    expect(equilibria(r, 'nash')).toEqual(['ab', 'ba']);
    expect(equilibria(r, 'seq')).toEqual(['ab', 'ba']);
    for (const concept of ['gmr', 'smr', 'sim'] as const) expect(equilibria(r, concept)).toEqual(['aa', 'ab', 'ba']);
  });

  it('lets the opponents sanction with a sequence of moves: B then C', () => {
    // A's move from aaa to baa can be sanctioned only by B moving, then C: each an improvement for
    // its mover, ending where A is worse off than it started. No single answer does it.
    const model = gameOfTwoStances(
      {
        x: ['baa', 'bba', 'bab', 'aaa', 'aba', 'aab', 'abb', 'bbb'],
        y: ['bba', 'bbb', 'baa', 'aaa', 'aba', 'aab', 'bab', 'abb'],
        z: ['bbb', 'bba', 'baa', 'bab', 'aaa', 'aba', 'aab', 'abb'],
      },
      { oneWay: true },
    );
    const r = analyse(model);
    const x = r.statusQuo.position.parties.find((p) => p.party === 'x');
    expect(x?.stable).toMatchObject({ nash: false, seq: true, gmr: true });
    expect(x?.improvements[0]?.sanctions.seq?.moves.map((m) => `${m.by}:${m.event}`)).toEqual(['y:y-to-b', 'z:z-to-b']);
  });

  it('judges each position once, whatever the day', () => {
    const r = analyse(dilemma, { maxStates: 100_000, horizonDays: 10 });
    expect(r.positions).toBe(4);
    expect(r.jointStates).toBeGreaterThan(4 * 9);
    for (const o of r.outcomes) expect(o.positions).toBe(1);
  });

  it('refuses an event limit, which would make spent states look stable', () => {
    expect(() => analyse(dilemma, { maxStates: 100_000, maxEvents: 1 })).toThrow(/does not take an event limit/);
  });

  it('ranks the entries of a tier equally: a move between them improves nothing', () => {
    const r = analyse(gameOfTwoStances({ one: [['aa', 'ba'], 'bb', 'ab'], two: ['ab', 'aa', 'bb', 'ba'] }));
    const one = r.statusQuo.position.parties.find((p) => p.party === 'one');
    expect(one?.improvements).toEqual([]);
    expect(r.preferences[0]?.order).toEqual([['aa', 'ba'], 'bb', 'ab']);
  });

  it('judges coalitions: mutual defection is not coalition Nash stable for both prisoners together', () => {
    const r = analyse(dilemma, { maxStates: 100_000, coalitions: [['one', 'two'] as PartyId[]] });
    const bb = r.outcomes.find((o) => o.id === 'bb')?.first?.coalitions[0];
    expect(bb).toMatchObject({ members: ['one', 'two'], cnash: false, cseq: false });
    expect(bb?.improvements[0]?.moves.map((m) => m.event)).toEqual(['one-to-a', 'two-to-a']);
    const aa = r.outcomes.find((o) => o.id === 'aa')?.first?.coalitions[0];
    expect(aa).toMatchObject({ cnash: true, cseq: true, improvements: [] });
  });

  it('finds the equilibria the start reaches by unilateral improvements, with the path', () => {
    const r = analyse(dilemma);
    const nash = r.statusQuo.reach.find((x) => x.concept === 'nash');
    expect(nash?.equilibria.map((e) => [e.outcomes, e.path.map((m) => m.event)])).toEqual([
      [['bb'], ['one-to-b', 'two-to-b']],
    ]);
    const seq = r.statusQuo.reach.find((x) => x.concept === 'seq');
    expect(seq?.equilibria[0]).toMatchObject({ outcomes: ['aa'], path: [] });
  });

  it('analyses the article with the parties’ preferences and moves, cited', () => {
    const r = analyse(loadModel(ARTICLE), { maxStates: 1_000_000 });
    expect(r.preferences.map((p) => p.party)).toEqual(['ukraine', 'russia', 'united-states', 'europe']);
    expect(r.positions).toBeLessThan(r.jointStates);
    for (const o of r.outcomes)
      for (const concept of ['gmr', 'smr', 'seq'] as const)
        expect(o.equilibria[concept] as number).toBeGreaterThanOrEqual(o.equilibria.nash as number);
    const trilateral = r.outcomes.find((o) => o.id === 'trilateral-summit')?.first;
    const russia = trilateral?.parties.find((p) => p.party === 'russia');
    expect(russia?.improvements[0]).toMatchObject({ event: 'raised-level-round-held', cites: ['P10', 'P14'] });
  });
});

describe('preferences by option prioritisation, and every state', () => {
  it('ranks by priorities as the graph model scores them: the same game as its ranking gives the same verdicts', () => {
    const ranked = analyse(gameOfTwoStances({ one: ['ba', 'aa', 'bb', 'ab'], two: ['ab', 'aa', 'bb', 'ba'] }));
    // one: "two keeps silent" first (2 points), then "I defect" (1): ba 3, aa 2, bb 1, ab 0.
    const model = gameOfTwoStances({ one: ['ba'], two: ['ab', 'aa', 'bb', 'ba'] });
    const one = model.parties.find((p) => p.id === 'one') as (typeof model.parties)[number];
    const prioritised = {
      ...model,
      parties: model.parties.map((p) =>
        p === one
          ? {
              id: p.id,
              name: p.name,
              cites: p.cites,
              initial: p.initial,
              stances: p.stances,
              prioritises: [
                { condition: { stance: { two: 'a' } }, label: 'two keeps silent' },
                { condition: { stance: { one: 'b' } }, label: 'I defect' },
              ],
            }
          : p,
      ),
    } as Model;
    const r = analyse(prioritised);
    expect(r.preferences[0]).toEqual({ party: 'one', by: 'priorities', order: ['two keeps silent', 'I defect'] });
    expect(r.outcomes.map((o) => o.first?.equilibrium)).toEqual(ranked.outcomes.map((o) => o.first?.equilibrium));
  });

  it('judges every combination with allStates, the reachable ones as the search does', () => {
    const model = gameOfTwoStances({ one: ['ba', 'aa', 'bb', 'ab'], two: ['ab', 'aa', 'bb', 'ba'] }, { oneWay: true });
    const reachable = analyse(model);
    const all = analyse(model, { maxStates: 100_000, allStates: true });
    expect([reachable.scope, all.scope]).toEqual(['reachable', 'all']);
    expect(all.positions).toBe(4);
    expect(all.outcomes.map((o) => [o.id, o.first?.equilibrium])).toEqual(
      reachable.outcomes.map((o) => [o.id, o.first?.equilibrium]),
    );
    expect(() => analyse(loadModel(ARTICLE), { maxStates: 1_000_000, allStates: true })).toThrow(
      /would judge 2,764,800 combinations/,
    );
  });
});
