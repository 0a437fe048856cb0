import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explore, loadScenario, ReplayError, run, sample, ScenarioError, StartError } from '../../src/index.js';
import { runParley } from '../helpers/run-cli.js';
import { ARTICLE } from '../helpers/scenarios.js';

const article = loadScenario(ARTICLE);

describe('loadScenario', () => {
  it('loads a file: its model, its party machines, its timeline', () => {
    expect(article.file).toBe(ARTICLE);
    expect([...article.machines.keys()]).toEqual(['ukraine', 'russia', 'united-states', 'europe', 'turkey']);
    expect(article.machines.get('ukraine' as never)?.config.initial).toBe('ceasefire-first');
    expect(article.timeline.at(-1)).toBe('lavrov-any-formats');
  });

  it('loads YAML text as well', () => {
    const text = readFileSync('test/fixtures/tiny.yaml', 'utf8');
    expect(loadScenario(text).model.title).toBe('Tiny talks');
    expect(loadScenario(text, { file: 'tiny.yaml' }).file).toBe('tiny.yaml');
  });

  it('throws a ScenarioError listing every problem as FILE:LINE:COL', () => {
    const attempt = () => loadScenario('test/fixtures/invalid/many-errors.yaml');
    expect(attempt).toThrowError(ScenarioError);
    expect(attempt).toThrowError(/many-errors\.yaml:25:14: error: unknown stance "wating"/);
    try {
      attempt();
    } catch (error) {
      expect((error as ScenarioError).diagnostics.map((d) => d.code)).toEqual([
        'unknown-key',
        'unknown-reference',
        'missing-citation',
        'unknown-reference',
      ]);
    }
    expect(() => loadScenario('no/such/scenario.yaml')).toThrowError(/no such file/);
  });

  it('refuses YAML text over 4 MB with a positioned diagnostic, on one line or many', () => {
    for (const text of [`title: ${'x'.repeat(5 * 1024 * 1024)}\n`, 'a: 1\n'.repeat(1024 * 1024)]) {
      const attempt = () => loadScenario(text);
      expect(attempt).toThrowError(ScenarioError);
      expect(attempt).toThrowError(
        /<text>:1:1: error: the scenario is \d\.\d MB \(expected at most 4 MB\) \[too-large\]/,
      );
    }
  });
});

describe('run', () => {
  it('replays the timeline and gives the joint state after any step', () => {
    const result = run(article);
    expect(result.steps).toHaveLength(16);
    expect(result.at(0)).toBe(result.initial);
    expect(result.at(-1)).toBe(result.final);
    expect(result.at('compromise-signalled').parties['ukraine' as never]?.value).toBe('guarantees-first');
    expect(result.at(10).parties['ukraine' as never]?.value).toBe('wants-period-of-calm');
    expect(() => result.at(17)).toThrowError(RangeError);
    expect(() => result.at('nothing')).toThrowError(/no step "nothing"/);
  });

  it('replays moves after a point of the timeline, and refuses one that cannot happen', () => {
    const result = run(article, { from: 'window-set', moves: ['architecture-established'] as never });
    expect(result.final.parties['ukraine' as never]?.value).toBe('seeking-trilateral-meeting');
    expect(() => run(article, { moves: ['trilateral-held'] as never })).toThrowError(ReplayError);
    expect(() => run(article, { moves: ['talks-dat-set'] as never })).toThrowError(
      /^move 1: the scenario has no event "talks-dat-set" \(did you mean "talks-date-set"\?\)$/,
    );
    expect(() => run(article, { moves: ['window-set'] as never })).toThrowError(
      /^move 1: event "window-set" cannot happen here: it is a historical event, which happens in the timeline only$/,
    );
  });

  it('gives the same records as `parley run --json`', async () => {
    const cli = await runParley(['run', ARTICLE, '--json']);
    expect(
      cli.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(JSON.parse(JSON.stringify(run(article).records)));
  });
});

describe('explore and sample', () => {
  it('explore gives the same data as `parley explore --json`, with the same default state limit', async () => {
    const cli = await runParley(['explore', ARTICLE, '--from', 'window-set', '--horizon', '14', '--json']);
    expect(JSON.parse(cli.stdout)).toEqual(
      JSON.parse(JSON.stringify(explore(article, { from: 'window-set', within: 14 }))),
    );
  });

  it('sample gives the same data as `parley sample --json`', async () => {
    const cli = await runParley(['sample', ARTICLE, '--runs', '1500', '--seed', '9', '--max-events', '6', '--json']);
    const api = await sample(article, { runs: 1500, seed: 9, within: { days: 30, events: 6 } });
    expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(api)));
  });

  it('refuses a start that is not in the timeline', () => {
    expect(() => explore(article, { from: 'window-lapses' })).toThrowError(StartError);
  });
});
