import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseStability } from '../../src/analysis/stability.js';
import { buildPositionGraph } from '../../src/analysis/gmcr/position-graph.js';
import { exploreFrom } from '../../src/explore/exploration.js';
import { parseScenario } from '../../src/model/load.js';
import type { Model } from '../../src/model/model.js';
import { holdsStatement, type OptionStatement } from '../../src/model/option-form/option-statement.js';
import { resolveStart } from '../../src/run/start-point.js';
import { checkScenarioText } from '../../src/scenario/check-scenario.js';
import { ROOT } from '../helpers/scenarios.js';
import { checkQuotes } from '../../src/source/check-quotes.js';
import { parseSourceText } from '../../src/source/source-text.js';
import { gameOfTwoStances } from '../analysis/gmcr/games.js';

const ELMIRA = join(ROOT, 'scenarios', 'elmira.yaml');
const even = { value: 0.5, rationale: 'no odds', confidence: 'low' };

function load(data: unknown): Model {
  const parsed = parseScenario(JSON.stringify(data));
  if (!parsed.model) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
  return parsed.model;
}

function stabilityOf(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return analyseStability(model, start, { maxStates: 100_000, horizonDays: 2 });
}

/** An option-form file with one party per entry of `options` (each party's option ids). */
function optionForm(
  options: readonly (readonly { id: string; moves: 'both' | 'forward' | 'backward' }[])[],
  infeasible: readonly OptionStatement[],
  extra: Record<string, unknown> = {},
) {
  return {
    parley: 1,
    title: 'options',
    source: { title: 't', paragraphs: ['P1'] },
    parties: Object.fromEntries(
      options.map((list, k) => [
        `p${k}`,
        {
          name: `P${k}`,
          cites: ['P1'],
          likelihood: even,
          options: Object.fromEntries(
            list.map((o) => [o.id, { means: o.id, cites: ['P1'], quote: 'q', moves: o.moves }]),
          ),
        },
      ]),
    ),
    infeasible,
    statusQuo: { summary: 'start', cites: ['P1'], quote: 'q' },
    ...extra,
  };
}

describe('the option form', () => {
  it('gives the Prisoner’s Dilemma the same verdicts as the same game written with stances', () => {
    const options = optionForm([[{ id: 'd1', moves: 'both' }], [{ id: 'd2', moves: 'both' }]], [], {
      outcomes: {
        aa: { means: 'both silent', cites: ['P1'], when: { not: { any: ['d1', 'd2'] } } },
        ab: { means: 'two defects', cites: ['P1'], when: { all: [{ not: 'd1' }, 'd2'] } },
        ba: { means: 'one defects', cites: ['P1'], when: { all: ['d1', { not: 'd2' }] } },
        bb: { means: 'both defect', cites: ['P1'], when: { all: ['d1', 'd2'] } },
      },
    });
    (options.parties.p0 as Record<string, unknown>).prefers = ['ba', 'aa', 'bb', 'ab'];
    (options.parties.p1 as Record<string, unknown>).prefers = ['ab', 'aa', 'bb', 'ba'];
    const inOptions = stabilityOf(load(options));
    const withStances = stabilityOf(gameOfTwoStances({ one: ['ba', 'aa', 'bb', 'ab'], two: ['ab', 'aa', 'bb', 'ba'] }));
    const verdicts = (r: typeof inOptions) =>
      r.outcomes.map((o) => [o.id, o.first?.equilibrium]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(verdicts(inOptions)).toEqual(verdicts(withStances));
  });

  it('expands to exactly the graph model’s legal moves: any change of one’s own options that each option’s direction allows, into a feasible state', () => {
    const arbitrary = fc.record({
      options: fc.array(
        fc.array(fc.constantFrom<'both' | 'forward' | 'backward'>('both', 'forward', 'backward'), {
          minLength: 1,
          maxLength: 2,
        }),
        { minLength: 2, maxLength: 3 },
      ),
      infeasible: fc.array(fc.array(fc.tuple(fc.nat(5), fc.boolean()), { minLength: 2, maxLength: 3 }), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(arbitrary, ({ options, infeasible }) => {
        const lists = options.map((dirs, k) => dirs.map((moves, j) => ({ id: `o${k}x${j}`, moves })));
        const ids = lists.flat().map((o) => o.id);
        const statements: OptionStatement[] = infeasible.map((clauses) => ({
          all: clauses.map(([i, taken]) =>
            taken ? (ids[i % ids.length] as string) : { not: ids[i % ids.length] as string },
          ),
        }));
        // The status quo (nothing taken) must be feasible.
        if (statements.some((s) => holdsStatement(s, new Set()))) return;
        const data = optionForm(lists, statements);
        // Every party a decision maker: it prefers its first option taken.
        lists.forEach((own, k) => ((data.parties[`p${k}`] as Record<string, unknown>).prefers = [own[0]?.id]));
        const model = load(data);
        const graph = buildPositionGraph(
          model,
          exploreFrom(model, resolveStartOrThrow(model), { maxStates: 100_000, horizonDays: 1 }),
        );
        expect(graph.deciders).toBe(lists.length);
        const takenAt = (p: number) =>
          new Set(Object.values(graph.positions[p]?.stances ?? {}).flatMap((s) => (s === 'none' ? [] : s.split('--'))));
        const feasible = (taken: Set<string>) => !statements.some((s) => holdsStatement(s, taken));
        for (let p = 0; p < graph.size; p++) {
          const here = takenAt(p);
          expect(feasible(here)).toBe(true);
          lists.forEach((own, dm) => {
            const expected = new Set<string>();
            // Every subset of its own options, as the next combination of them.
            for (let mask = 0; mask < 2 ** own.length; mask++) {
              const next = new Set([...here].filter((o) => !own.some((x) => x.id === o)));
              own.forEach((o, j) => (mask >> j) & 1 && next.add(o.id));
              const changed = own.filter((o) => here.has(o.id) !== next.has(o.id));
              if (changed.length === 0 || !feasible(next)) continue;
              if (
                changed.some(
                  (o) => (o.moves === 'forward' && !next.has(o.id)) || (o.moves === 'backward' && next.has(o.id)),
                )
              )
                continue;
              expected.add([...next].sort().join(','));
            }
            const actual = new Set((graph.moves[dm]?.[p] ?? []).map((m) => [...takenAt(m.target)].sort().join(',')));
            expect(actual).toEqual(expected);
          });
        }
      }),
      { seed: 21, numRuns: 60 },
    );
  });

  it('judges with allStates the combinations the status quo cannot reach, and only then', () => {
    const data = optionForm([[{ id: 'd1', moves: 'forward' }], [{ id: 'd2', moves: 'forward' }]], []);
    for (const [k, taken] of [
      [0, 'd1'],
      [1, 'd2'],
    ] as const) {
      const party = data.parties[`p${k}`] as Record<string, unknown>;
      party.initially = [taken];
      party.prefers = [{ not: taken }];
    }
    const model = load(data);
    const start = resolveStartOrThrow(model);
    expect(analyseStability(model, start, { maxStates: 1000, horizonDays: 2 }).positions).toBe(1);
    const all = analyseStability(model, start, { maxStates: 1000, horizonDays: 2, allStates: true });
    expect(all.positions).toBe(4);
    // Both defected, for good: no one can move, so the status quo is stable under every concept.
    expect(all.statusQuo.position.equilibrium).toEqual({ nash: true, gmr: true, smr: true, seq: true, sim: true });
  });

  it('ships the Elmira conflict: 12 feasible states, moves only as each option allows, quotes found in its source', () => {
    const text = readFileSync(ELMIRA, 'utf8');
    const parsed = parseScenario(text);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const model = parsed.model as Model;
    const source = parseSourceText(readFileSync(join(ROOT, 'scenarios', 'sources', 'elmira.txt'), 'utf8'));
    expect(checkQuotes(model, source)).toEqual([]);
    const events = model.events.map((e) => e.id);
    expect(events).not.toContain('moe-from-modify-to-none');
    expect(events).not.toContain('uniroyal-from-accept-to-delay');
    expect(events).not.toContain('uniroyal-from-abandon-to-accept');
    expect(events).toContain('uniroyal-from-delay-to-accept');
    const r = stabilityOf(model);
    expect(r.positions).toBe(12);
    expect(r.preferences.find((p) => p.party === 'moe')?.order.at(-1)).toBe('abandon');
    expect(r.outcomes.find((o) => o.id === 'uniroyal-abandons')?.equilibria.nash).toBe(4);
  });

  it('reports mistakes at their place in the text: an unknown option, a duplicate, a missing likelihood, an infeasible status quo', () => {
    const base = readFileSync(ELMIRA, 'utf8');
    const diagnose = (text: string) => {
      const checked = checkScenarioText(text, 'elmira.yaml');
      return checked.diagnostics.map((d) => ({
        code: d.code,
        at: `${checked.lineCounter.linePos(d.span.start).line}`,
        text: text.slice(d.span.start, d.span.end),
        hint: d.hint,
      }));
    };
    const misspelt = base.replace('- { all: [delay, accept] }', '- { all: [delay, acept] }');
    expect(diagnose(misspelt)).toEqual([
      expect.objectContaining({ code: 'unknown-reference', text: 'acept', hint: 'did you mean "accept"?' }),
    ]);
    const twice = base.replace('      insist:\n', '      modify:\n');
    expect(diagnose(twice).map((d) => d.code)).toContain('duplicate-id');
    const noOdds = base.replace('    likelihood: *no-odds\n    options:\n      insist', '    options:\n      insist');
    expect(diagnose(noOdds)).toEqual([expect.objectContaining({ code: 'missing-key' })]);
    expect(diagnose(noOdds)[0]?.text).toMatch(/^local-government/);
    const infeasibleStart = base.replace('    initially: [delay]', '    initially: [delay, accept]');
    expect(diagnose(infeasibleStart)).toEqual([expect.objectContaining({ code: 'invalid-value', text: 'statusQuo' })]);
  });
});

function resolveStartOrThrow(model: Model) {
  const start = resolveStart(model, { kind: 'end' });
  if ('error' in start) throw new Error(start.error);
  return start;
}
