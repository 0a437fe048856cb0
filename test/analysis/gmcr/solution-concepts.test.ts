import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeCoalition } from '../../../src/analysis/gmcr/coalition-stability.js';
import type { ConflictGraph, DeciderMove, GraphMove } from '../../../src/analysis/gmcr/conflict-graph.js';
import { CONCEPTS, judgeState, ReachCache, type Concept } from '../../../src/analysis/gmcr/solution-concepts.js';

/**
 * A random conflict in option form: each decision maker owns one component with a few values; a
 * state is a feasible combination; a move changes the mover's own component (only some moves are
 * allowed); ranks are random with ties. Moves made at once take each mover's component.
 */
const arbitraryConflict = fc
  .record({
    values: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 4 }),
    seed: fc.integer(),
  })
  .map(({ values, seed }): ConflictGraph => {
    let x = seed >>> 0 || 1;
    const random = () => (x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const all: number[][] = values.reduce<number[][]>(
      (acc, n) => acc.flatMap((s) => [...Array(n).keys()].map((v) => [...s, v])),
      [[]],
    );
    const feasible = all.filter((_, i) => i === 0 || random() < 0.8);
    const index = new Map(feasible.map((s, i) => [s.join(','), i]));
    const moves = values.map((n, dm) =>
      feasible.map((s) => {
        const out: GraphMove[] = [];
        for (let v = 0; v < n; v++) {
          if (v === s[dm] || random() < 0.3) continue;
          const target = index.get(s.map((c, k) => (k === dm ? v : c)).join(','));
          if (target !== undefined) out.push({ target, event: dm * 10 + v });
        }
        return out;
      }),
    );
    const rank = values.map(() => feasible.map(() => Math.floor(random() * 4)));
    const combine = (s: number, made: readonly DeciderMove[]) => {
      const result = [...(feasible[s] as number[])];
      for (const m of made) result[m.decider] = (feasible[m.target] as number[])[m.decider] as number;
      return index.get(result.join(','));
    };
    return { size: feasible.length, deciders: values.length, moves, rank, combine };
  });

/** R_H(s) as a fixpoint of sets: the states reached with each member moving last. */
function reachBySets(g: ConflictGraph, members: number[], s: number, improving: boolean): Set<number> {
  const step = (dm: number, from: number) =>
    (g.moves[dm]?.[from] ?? [])
      .filter((m) => !improving || (g.rank[dm]?.[m.target] as number) < (g.rank[dm]?.[from] as number))
      .map((m) => m.target);
  const last = new Map(members.map((j) => [j, new Set(step(j, s))]));
  for (let changed = true; changed;) {
    changed = false;
    for (const j of members)
      for (const k of members) {
        if (k === j) continue;
        for (const t of [...(last.get(k) as Set<number>)])
          for (const u of step(j, t))
            if (!(last.get(j) as Set<number>).has(u)) {
              (last.get(j) as Set<number>).add(u);
              changed = true;
            }
      }
  }
  return new Set([...last.values()].flatMap((set) => [...set]));
}

/** Each concept's definition, read off Fang, Hipel & Kilgour (1993) with sets. */
function stableBySets(g: ConflictGraph, i: number, s: number, concept: Concept): boolean {
  const r = g.rank[i] as readonly number[];
  const notBetter = (t: number) => (r[t] as number) >= (r[s] as number);
  const others = [...Array(g.deciders).keys()].filter((k) => k !== i);
  const improvements = (g.moves[i]?.[s] ?? []).filter((m) => !notBetter(m.target));
  return improvements.every((m) => {
    switch (concept) {
      case 'nash':
        return false;
      case 'gmr':
        return [...reachBySets(g, others, m.target, false)].some(notBetter);
      case 'smr':
        return [...reachBySets(g, others, m.target, false)].some(
          (t) => notBetter(t) && (g.moves[i]?.[t] ?? []).every((x) => notBetter(x.target)),
        );
      case 'seq':
        return [...reachBySets(g, others, m.target, true)].some(notBetter);
      case 'sim': {
        const choices = others.map((k) => [null, ...(g.moves[k]?.[s] ?? [])]);
        const combos = choices.reduce<(GraphMove | null)[][]>(
          (acc, c) => acc.flatMap((a) => c.map((x) => [...a, x])),
          [[]],
        );
        return combos.some((combo) => {
          const made = combo.flatMap((x, j) => (x ? [{ ...x, decider: others[j] as number, from: s }] : []));
          if (made.length === 0) return false;
          const t = g.combine(s, [{ ...m, decider: i, from: s }, ...made]);
          return t !== undefined && notBetter(t);
        });
      }
    }
  });
}

function isLegal(g: ConflictGraph, path: readonly DeciderMove[], from: number, movers: number[], improving: boolean) {
  let at = from;
  let last = -1;
  for (const m of path) {
    if (m.from !== at || m.decider === last || !movers.includes(m.decider)) return false;
    if (!(g.moves[m.decider]?.[at] ?? []).some((x) => x.target === m.target)) return false;
    if (improving && (g.rank[m.decider]?.[m.target] as number) >= (g.rank[m.decider]?.[at] as number)) return false;
    at = m.target;
    last = m.decider;
  }
  return true;
}

describe('the graph model’s solution concepts', () => {
  it('agree with the definitions written with sets, on random conflicts, and give legal sanctions', () => {
    fc.assert(
      fc.property(arbitraryConflict, (g) => {
        const cache = new ReachCache(g);
        for (let i = 0; i < g.deciders; i++)
          for (let s = 0; s < g.size; s++)
            for (const concept of CONCEPTS) {
              const verdict = judgeState(g, i, s, concept, cache);
              expect(verdict.stable, `${concept} for ${i} at ${s}`).toBe(stableBySets(g, i, s, concept));
              const others = [...Array(g.deciders).keys()].filter((k) => k !== i);
              for (const { move, sanction } of verdict.improvements) {
                if (!sanction || concept === 'sim') continue;
                expect(isLegal(g, sanction, move.target, others, concept === 'seq')).toBe(true);
                expect(g.rank[i]?.[(sanction.at(-1) as DeciderMove).target] as number).toBeGreaterThanOrEqual(
                  g.rank[i]?.[s] as number,
                );
              }
            }
      }),
      { seed: 15, numRuns: 150 },
    );
  });

  it('judge coalitions as the definitions with sets do', () => {
    fc.assert(
      fc.property(arbitraryConflict, (g) => {
        const members = [0, 1];
        const others = [...Array(g.deciders).keys()].filter((k) => !members.includes(k));
        const better = (k: number, t: number, s: number) => (g.rank[k]?.[t] as number) < (g.rank[k]?.[s] as number);
        for (let s = 0; s < g.size; s++) {
          const joint = [...reachBySets(g, members, s, false)].filter((t) => members.every((k) => better(k, t, s)));
          expect(judgeCoalition(g, members, s, 'cnash').stable).toBe(joint.length === 0);
          const cseq = joint.every((t) =>
            [...reachBySets(g, others, t, true)].some((u) => members.some((k) => !better(k, u, s))),
          );
          expect(judgeCoalition(g, members, s, 'cseq').stable).toBe(cseq);
        }
      }),
      { seed: 16, numRuns: 150 },
    );
  });
});
