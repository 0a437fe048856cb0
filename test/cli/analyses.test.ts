import { describe, expect, it } from 'vitest';
import { expectGolden } from '../helpers/golden.js';
import { runParley } from '../helpers/run-cli.js';
import { ablate } from '../../src/api/analyses.js';
import { loadScenario } from '../../src/api/scenario.js';

const ARTICLE = 'scenarios/article.yaml';
const HARBOUR = 'scenarios/harbour-strike.yaml';
const WHAT_IF = 'scenarios/what-if/moscow-at-the-table.yaml';

describe('the analyst’s commands', () => {
  it('parley why explains an outcome with its path, necessary events and blocking sets', async () => {
    const result = await runParley(['why', ARTICLE, 'ceasefire']);
    expect(result.code).toBe(0);
    expectGolden('analyses/why-ceasefire.txt', result.stdout);
    const json = JSON.parse((await runParley(['why', ARTICLE, 'ceasefire', '--json'])).stdout);
    expect(json.necessary.map((e: { id: string }) => e.id)).toEqual([
      'architecture-established',
      'ceasefire-agreed',
      'ukraine-accepts-raised-level',
    ]);
  });

  it('refuses an outcome the scenario does not have, with exit 2 and a suggestion', async () => {
    const outcomes =
      'ceasefire, trilateral-summit, bilateral-summit, raised-level-istanbul-talks, humanitarian-track-only, summit-backfires, stalemate';
    expect(await runParley(['why', ARTICLE, 'ceasfire'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: unknown outcome "ceasfire" (did you mean "ceasefire"?); the scenario's outcomes: ${outcomes}\n`,
    });
    expect(await runParley(['sensitivity', ARTICLE, '--outcome', 'stalemate', 'nope'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `error: unknown outcome "nope"; the scenario's outcomes: ${outcomes}\n`,
    });
  });

  it('parley why claims no necessary event or blocking set from a search cut short', async () => {
    const { stdout } = await runParley(['why', ARTICLE, 'ceasefire', '--max-states', '300']);
    expect(stdout).toContain(
      'Necessary: every path to it takes\n   none proven: the search was cut before any event could be shown necessary.\n',
    );
    expect(stdout).not.toContain('each can be gone around');
  });

  it('parley stability warns that without preferences every state is trivially stable', async () => {
    const { stdout } = await runParley(['stability', 'scenarios/harbour-strike.yaml']);
    expect(stdout).toContain(
      'Preferences, best first (equally preferred in brackets):\n   none: no party declares `prefers`',
    );
  });

  it('parley stability refuses an event limit and names unknown coalition members, with exit 2', async () => {
    expect(await runParley(['stability', ARTICLE, '--max-events', '3'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error: stability does not take an event limit: a state whose events are spent has no moves and would look stable for that reason alone\n',
    });
    expect(await runParley(['stability', ARTICLE, '--coalition', 'ukraine,turkey'])).toMatchObject({
      code: 2,
      stderr: 'error: coalition member "turkey" is not a party with preferences\n',
    });
    const { stdout } = await runParley([
      'stability',
      ARTICLE,
      '--concept',
      'nash',
      'seq',
      '--coalition',
      'ukraine,europe',
    ]);
    expect(stdout).toContain('equilibria: Nash  SEQ\n');
    expect(stdout).toMatch(/ukraine \+ europe: /);
  });

  it('parley why explains an unreachable outcome', async () => {
    const result = await runParley(['why', ARTICLE, 'trilateral-summit', '--from', 'compromise-signalled']);
    expectGolden('analyses/why-unreachable.txt', result.stdout);
  });

  it('parley check answers a query, exit 0 when it holds and 3 when it does not, 2 when it cannot be read', async () => {
    const holds = await runParley([
      'check',
      ARTICLE,
      '--query',
      'guaranteesArchitecture = established before trilateral-summit',
    ]);
    expect(holds.code).toBe(0);
    const fails = await runParley(['check', ARTICLE, '--query', 'never summit-backfires within 3 days']);
    expect(fails.code).toBe(3);
    expectGolden('analyses/check-counterexample.txt', fails.stdout);
    const unreadable = await runParley(['check', ARTICLE, '--query', 'eventually sumit = none']);
    expect(unreadable).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error: query:12: unknown fact "sumit" (did you mean "summit"?)\n  eventually sumit = none\n             ^\n',
    });
  });

  it('parley stability, parley sensitivity, parley diff', async () => {
    expectGolden('analyses/stability.txt', (await runParley(['stability', ARTICLE])).stdout);
    expectGolden(
      'analyses/sensitivity.txt',
      (await runParley(['sensitivity', ARTICLE, '--outcome', 'trilateral-summit', 'stalemate'])).stdout,
    );
    expectGolden('analyses/diff.txt', (await runParley(['diff', ARTICLE, WHAT_IF])).stdout);
    const between = await runParley(['diff', ARTICLE, '--between', '-5', '0']);
    expectGolden('analyses/diff-between.txt', between.stdout);
    expect(between.stdout.split('\n').slice(0, 2)).toEqual([
      'before: scenarios/article.yaml, as of day -5 (after 5 timeline events)',
      'after:  scenarios/article.yaml, as of day 0 (after 16 timeline events)',
    ]);
    for (const [args, said] of [
      [
        [],
        'give a second scenario file to compare with, --between D1 D2 (two days), or --without EVENT (history against the counterfactual)',
      ],
      [['--between', '0'], '--between takes two days, D1 D2 (got 1 day)'],
      [[WHAT_IF, '--between', '-5', '0'], 'give either a second scenario file or --between D1 D2, not both'],
    ] as const)
      expect(await runParley(['diff', ARTICLE, ...args])).toEqual({ code: 2, stdout: '', stderr: `error: ${said}\n` });
  });

  it('parley ablate ranks the elements by how much each moves an outcome and lists the inert ones', async () => {
    const printed = await runParley(['ablate', HARBOUR]);
    expect(printed.code).toBe(0);
    expectGolden('analyses/ablate-harbour.txt', printed.stdout);
    expectGolden('analyses/ablate-article.txt', (await runParley(['ablate', ARTICLE])).stdout);
    const json = await runParley(['ablate', ARTICLE, '--outcome', 'ceasefire', '--horizon', '14', '--json']);
    expect(JSON.parse(json.stdout)).toEqual(
      JSON.parse(JSON.stringify(ablate(loadScenario(ARTICLE), { outcomes: ['ceasefire'], within: 14 }))),
    );
    expect(await runParley(['ablate', ARTICLE, '--outcome', 'ceasfire'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('did you mean "ceasefire"?'),
    });
  });

  it('parley graph prints statecharts and the joint graph', async () => {
    const charts = await runParley(['graph', ARTICLE, '--format', 'dot']);
    expect(charts.stdout.startsWith('digraph statecharts {')).toBe(true);
    const joint = await runParley(['graph', ARTICLE, '--joint', '--max-nodes', '40']);
    expect(joint.stdout.startsWith('flowchart LR')).toBe(true);
    expect((await runParley(['graph', ARTICLE, '--format', 'svg'])).code).toBe(2);
  });

  it.each(['why', 'check', 'stability', 'sensitivity', 'ablate', 'graph', 'diff'])(
    'documents `parley %s --help`',
    async (command) => {
      const { code, stdout } = await runParley([command, '--help']);
      expect(code).toBe(0);
      expectGolden(`help/${command}.txt`, stdout);
    },
  );
});

describe('check’s evidence replays elsewhere', () => {
  it('saves a counter-example as a trace that `parley run --trace` replays to the same joint state', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'parley-check-'));
    const result = await runParley([
      'check',
      ARTICLE,
      '--query',
      'never summit-backfires within 3 days',
      '--save-traces',
      dir,
      '--json',
    ]);
    const clause = JSON.parse(result.stdout).clauses[0];
    const path = join(dir, 'clause-1-counterexample.trace.json');
    expect(JSON.parse(readFileSync(path, 'utf8')).key).toBe(clause.trace.key);
    const replay = await runParley(['run', ARTICLE, '--trace', path, '--json']);
    expect(replay.code).toBe(0);
    const summary = JSON.parse(replay.stdout.trim().split('\n').at(-1) as string);
    expect(summary.key).toBe(clause.trace.key);
    expect(summary.outcomes).toContain('summit-backfires');
  });
});
