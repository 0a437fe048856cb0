import fc from 'fast-check';
import { createMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  createParallelPeerMachine,
  generateParallelScenario,
  getParallelEvents,
  loadGenerated,
} from '../../bench/generated-models.js';
import { compileModel } from '../../src/compile/compiled-model.js';
import { decodeDigits } from '../../src/compile/state-encoding.js';
import { exploreScenario, type ExploreResult } from '../../src/explore/explore-scenario.js';
import { exploreStateGraph } from '../../src/explore/state-graph.js';
import type { Model } from '../../src/model/model.js';
import { resolveStart } from '../../src/run/start-point.js';
import { sampleScenario, type SampleResult } from '../../src/sample/sample-scenario.js';
import { getWilsonInterval, Z99 } from '../../src/sample/wilson.js';
import { arbitraryModel } from '../helpers/random-models.js';
import { ARTICLE, loadModel } from '../helpers/scenarios.js';

function startOf(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}

/** z of a two-sided interval whose m comparisons hold together with 99% confidence (Bonferroni). */
function familyZ(m: number): number {
  // Inverse normal by bisection on the complementary error function: precise enough for a bound.
  const tail = 0.01 / m / 2;
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * erfc(mid / Math.SQRT2) > tail) lo = mid;
    else hi = mid;
  }
  return lo;
}

function erfc(x: number): number {
  // Numerical Recipes' erfcc, relative error below 1.2e-7.
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const y =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? y : 2 - y;
}

/** The points compared: the probability of reaching each outcome by days 7 and 14 and within the horizon, and of its holding at the end. */
function comparisons(exact: ExploreResult, sampled: SampleResult) {
  const days = exact.horizon.days;
  const points = [...new Set([7, 14, days].filter((d) => d <= days))];
  return exact.outcomes.flatMap((o, i) => {
    const s = sampled.outcomes[i];
    if (!s || o.probability === null || o.reachedByDay === null || o.holdsAtEnd === null)
      throw new Error('missing odds');
    return [
      ...points.map((d) => ({
        what: `${o.id} by day ${d}`,
        exact: o.reachedByDay?.[d - 1] as number,
        runs: Math.round((s.reachedByDay[d - 1] as number) * sampled.runs),
      })),
      { what: `${o.id} holds at the end`, exact: o.holdsAtEnd, runs: s.holdsAtEnd.runs },
    ];
  });
}

function expectInside(exact: ExploreResult, sampled: SampleResult, z: number, label = '') {
  for (const c of comparisons(exact, sampled)) {
    const [low, high] = getWilsonInterval(c.runs, sampled.runs, z);
    expect(c.exact, `${label}${c.what}`).toBeGreaterThanOrEqual(low);
    expect(c.exact, `${label}${c.what}`).toBeLessThanOrEqual(high);
  }
}

describe('exact probabilities lie inside the sampler’s intervals', () => {
  it('for every outcome of the article: by days 7 and 14, within the horizon, and at its end (99% together)', async () => {
    const model = loadModel(ARTICLE);
    const exact = exploreScenario(model, startOf(model), { maxStates: 1_000_000 });
    const sampled = await sampleScenario(model, startOf(model), { runs: 20_000, seed: 'cross-check' });
    expectInside(exact, sampled, familyZ(comparisons(exact, sampled).length));
  });

  it('for random models (fast-check; 99% for the whole family of comparisons)', async () => {
    const models = fc.sample(arbitraryModel, { numRuns: 25, seed: 424242 });
    const runs = await Promise.all(
      models.map(async (model, m) => {
        const start = startOf(model);
        const exact = exploreScenario(model, start, { maxStates: 200_000, horizonDays: 16 });
        const sampled = await sampleScenario(model, start, { runs: 3000, seed: `random-${m}`, horizonDays: 16 });
        return { exact, sampled };
      }),
    );
    const z = familyZ(runs.reduce((n, r) => n + comparisons(r.exact, r.sampled).length, 0));
    runs.forEach(({ exact, sampled }, m) => expectInside(exact, sampled, z, `model ${m} `));
  });

  it('and the check has teeth: a model with one likelihood changed falls outside', async () => {
    const model = loadModel(ARTICLE);
    const changed: Model = {
      ...model,
      events: model.events.map((e) =>
        e.id === 'bilateral-held' ? { ...e, likelihood: { kind: 'number', value: 0.3 } } : e,
      ),
    };
    const exact = exploreScenario(changed, startOf(changed), { maxStates: 1_000_000 });
    const sampled = await sampleScenario(model, startOf(model), { runs: 20_000, seed: 'cross-check' });
    const i = model.outcomes.findIndex((o) => o.id === 'bilateral-summit');
    const [low, high] = getWilsonInterval(sampled.outcomes[i]?.runs ?? 0, sampled.runs, Z99);
    const p = exact.outcomes[i]?.probability ?? NaN;
    expect(p < low || p > high).toBe(true);
  });
});

/** Joint stances reached by parley's explorer, with the length of a shortest path to each. */
function parleyShortest(model: Model): Map<string, number> {
  const start = startOf(model);
  const compiled = compileModel(model, start.joint.day, { endDay: start.joint.day });
  const graph = exploreStateGraph(compiled, compiled.encode(start.joint), { maxStates: 1_000_000 });
  expect(graph.exhaustive).toBe(true);
  const digits = new Int32Array(compiled.encoding.size);
  const depth = new Int32Array(graph.keys.length);
  const reached = new Map<string, number>();
  for (let i = 0; i < graph.keys.length; i++) {
    const parent = graph.parents[i] as number;
    depth[i] = parent < 0 ? 0 : (depth[parent] as number) + 1;
    decodeDigits(compiled.encoding, graph.keys[i] as number, digits);
    const stances = model.parties.map((p, k) => `${p.id}=${p.stances[digits[k] as number]?.id}`).join(',');
    if (!reached.has(stances)) reached.set(stances, depth[i] as number);
  }
  return reached;
}

/** The same, from xstate/graph's shortest paths on the machine with one parallel region per party. */
function peerShortest(
  machine: ReturnType<typeof createMachine>,
  events: { type: string }[],
  partyOrder: string[],
): Map<string, number> {
  const paths = getShortestPaths(machine, { events });
  const reached = new Map<string, number>();
  for (const path of paths) {
    const value = path.state.value as Record<string, string>;
    reached.set(partyOrder.map((p) => `${p}=${value[p]}`).join(','), path.steps.length - 1);
  }
  return reached;
}

describe('against a peer: xstate/graph on the equivalent parallel machine', () => {
  it('reaches the same joint stances by paths of the same lengths (generated 3 x 4)', () => {
    const model = loadGenerated(generateParallelScenario(3, 4));
    const ours = parleyShortest(model);
    const peer = peerShortest(createParallelPeerMachine(3, 4), getParallelEvents(3), ['p0', 'p1', 'p2']);
    expect(ours.size).toBe(64);
    expect(ours).toEqual(peer);
  });

  it('for random models whose parties do not read each other (fast-check)', () => {
    const independent = fc.record({
      parties: fc.integer({ min: 1, max: 3 }),
      stances: fc.integer({ min: 2, max: 4 }),
      table: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 48, maxLength: 48 }),
    });
    fc.assert(
      fc.property(independent, ({ parties, stances, table }) => {
        // table[p][s][e]: the target of event e from stance s of party p (-1: no transition).
        const target = (p: number, s: number, e: number) => {
          const t = table[(p * 16 + s * 4 + e) % table.length] as number;
          return t < 0 ? undefined : t % stances;
        };
        const partyData: Record<string, unknown> = {};
        const regions: Record<string, unknown> = {};
        for (let p = 0; p < parties; p++) {
          const stanceData: Record<string, unknown> = {};
          const states: Record<string, unknown> = {};
          for (let s = 0; s < stances; s++) {
            const on: Record<string, string> = {};
            for (let e = 0; e < 4; e++) {
              const t = target(p, s, e);
              if (t !== undefined) on[`e${e}`] = `s${t}`;
            }
            stanceData[`s${s}`] = { defines: 'x', cites: ['P1'], on };
            states[`s${s}`] = { on };
          }
          partyData[`p${p}`] = { name: `P${p}`, cites: ['P1'], initial: 's0', stances: stanceData };
          regions[`p${p}`] = { initial: 's0', states };
        }
        const events: Record<string, unknown> = {
          start: { kind: 'historical', day: 0, summary: 's', cites: ['P1'], quote: 'q' },
        };
        for (let e = 0; e < 4; e++)
          events[`e${e}`] = { kind: 'hypothetical', likelihood: 0.5, summary: 'e', cites: ['P1'], quote: 'q' };
        const model = loadGenerated({
          parley: 1,
          title: 'independent',
          source: { title: 't', paragraphs: ['P1'] },
          parties: partyData,
          events,
          outcomes: {},
          timeline: ['start'],
        });
        const peer = createMachine({ id: 'peer', type: 'parallel', states: regions as never });
        const order = Array.from({ length: parties }, (_, p) => `p${p}`);
        expect(parleyShortest(model)).toEqual(
          peerShortest(
            peer,
            [0, 1, 2, 3].map((e) => ({ type: `e${e}` })),
            order,
          ),
        );
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});
